import type { AuditEntry } from "@/components/hooks/use-audit-log";

/** Who, in a few words: the signed-in member's label, the key's name, or "Local" when no sign-in is required. */
export function actorLabel(actor: AuditEntry["actor"]): string {
  if (actor.type === "local") return "Local (no sign-in)";
  return actor.type === "api_key" ? `API key ${actor.label}` : actor.label;
}

const actionLabels: Record<string, string> = {
  create: "Created",
  update: "Updated",
  delete: "Deleted",
  add_member: "Added a member",
  update_member: "Updated a member",
  remove_member: "Removed a member",
  add_members: "Added members",
  remove_members: "Removed members",
  refresh: "Refreshed membership",
  bulk_create: "Created in bulk",
  promote: "Promoted a winner",
  reallocate: "Re-allocated traffic",
};

export function actionLabel(action: string): string {
  return actionLabels[action] ?? action.replaceAll("_", " ");
}

export const resourceTypeLabels: Record<string, string> = {
  segment: "Segment",
  experiment: "Experiment",
  personalized_content: "Personalized content",
  content: "Content",
  user: "User",
  persona: "Persona",
  api_key: "API key",
  team_member: "Team member",
};

function short(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "object" && (value as { omitted?: boolean }).omitted) {
    return `(${(value as { bytes: number }).bytes} bytes)`;
  }
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** One line per changed field (`description: first → second`) and the counts of a bulk write. */
export function changeLines(entry: AuditEntry): string[] {
  const lines = Object.entries(entry.changes).map(([field, change]) =>
    entry.action === "create" || change.before === null
      ? `${field}: ${short(change.after)}`
      : change.after === null && entry.action === "delete"
        ? `${field}: ${short(change.before)}`
        : `${field}: ${short(change.before)} → ${short(change.after)}`,
  );
  const counts = Object.entries(entry.summary ?? {}).map(
    ([name, count]) => `${name.replaceAll("_", " ")}: ${count}`,
  );
  return counts.length > 0 ? [...lines, counts.join(", ")] : lines;
}
