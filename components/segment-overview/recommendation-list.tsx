import type { Recommendation } from "@/components/hooks/use-analytics";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";

const priorityTone = { high: "red", medium: "amber", low: "gray" } as const;
const priorityOrder = { high: 0, medium: 1, low: 2 } as const;

export function RecommendationList({ recommendations }: { recommendations: Recommendation[] }) {
  const sorted = [...recommendations].sort((a, b) => priorityOrder[a.priority] - priorityOrder[b.priority]);
  return (
    <section aria-labelledby="recommendations-heading" className="space-y-3">
      <h2 id="recommendations-heading" className="text-lg font-semibold">
        Recommendations
      </h2>
      {sorted.length === 0 ? (
        <EmptyState title="No recommendations">
          This segment is doing fine on every measure we check.
        </EmptyState>
      ) : (
        <ul className="space-y-2">
          {sorted.map((recommendation, index) => (
            <li
              key={`${recommendation.type}-${index}`}
              className="flex items-start gap-3 rounded-lg border border-slate-200 bg-white p-3"
            >
              <Badge tone={priorityTone[recommendation.priority]}>{recommendation.priority} priority</Badge>
              <p className="text-sm text-slate-800">{recommendation.message}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
