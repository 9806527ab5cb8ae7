"use client";

import { type Member, useMemberExplanation } from "@/components/hooks/use-members";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formatShare } from "@/components/ui/format";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { memberLabel } from "./members-table";

function show(value: unknown): string {
  if (value === null || value === undefined) return "–";
  if (Array.isArray(value)) return value.map(show).join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** The per-condition explanation of why a user does or does not match the segment's criteria. */
export function ExplainDialog({
  segmentId,
  member,
  onClose,
}: {
  segmentId: string;
  member: Member | null;
  onClose: () => void;
}) {
  const explanation = useMemberExplanation(segmentId, member?.user_id ?? null);
  const title = member ? `Why ${memberLabel(member)}?` : "Why?";
  return (
    <Dialog open={member !== null} title={title} onClose={onClose}>
      {explanation.isPending ? (
        <LoadingState label="Checking the criteria…" />
      ) : explanation.isError ? (
        <ErrorState error={explanation.error} onRetry={() => explanation.refetch()} />
      ) : (
        <div className="space-y-3">
          <p className="text-sm">
            {explanation.data.matches ? (
              <Badge tone="green">Matches the criteria</Badge>
            ) : (
              <Badge tone="red">Does not match the criteria</Badge>
            )}{" "}
            Confidence {formatShare(explanation.data.confidence_score, 0)}
            {explanation.data.min_match !== null
              ? ` (needs ${formatShare(explanation.data.min_match, 0)} of the conditions)`
              : ""}
          </p>
          {explanation.data.conditions.length === 0 ? (
            <p className="text-sm text-slate-600">The segment has no criteria: everyone matches.</p>
          ) : (
            <table className="w-full text-sm">
              <caption className="sr-only">Conditions</caption>
              <thead className="text-left text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Condition
                  </th>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Expected
                  </th>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Actual
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    Result
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {explanation.data.conditions.map((condition) => (
                  <tr key={condition.path}>
                    <th scope="row" className="py-1 pr-2 text-left font-normal">
                      {condition.label}
                    </th>
                    <td className="py-1 pr-2 break-all">{show(condition.expected)}</td>
                    <td className="py-1 pr-2 break-all">{show(condition.actual)}</td>
                    <td className="py-1">
                      <Badge tone={condition.passed ? "green" : "red"}>
                        {condition.passed ? "passed" : "failed"}
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <div className="flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}
