import type { Member } from "@/components/hooks/use-members";

/** The reason a member matched, in words, from whatever the API stored as assignment_reason. */
export function describeReason(member: Pick<Member, "assignment_reason" | "source">): string {
  const reason = member.assignment_reason;
  if (reason) {
    const record = reason;
    for (const key of ["summary", "reason", "message", "note", "description"]) {
      if (typeof record[key] === "string" && record[key]) return record[key] as string;
    }
    const matched = record.matched ?? record.conditions ?? record.matched_conditions;
    if (Array.isArray(matched) && matched.length > 0) {
      return `Matched ${matched
        .map((item) => (typeof item === "string" ? item : ((item as { label?: string }).label ?? "")))
        .filter(Boolean)
        .join(", ")}`;
    }
  }
  return member.source === "manual" ? "Added by hand" : "Matched the segment's criteria";
}
