import "server-only";
import type { AuditLogEntry } from "@/db/schema";
import { listAuditEntries } from "./queries";
import type { AuditEntry, AuditLogQuery } from "./schemas";

function toEntry(row: AuditLogEntry): AuditEntry {
  const actor: AuditEntry["actor"] =
    row.actor_type === "local"
      ? { type: "local" }
      : { type: row.actor_type, id: row.actor_id ?? "", label: row.actor_label ?? "" };
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actor,
    action: row.action,
    resource_type: row.resource_type,
    resource_id: row.resource_id,
    changes: row.changes,
    summary: row.summary,
  };
}

export async function listAuditLog(query: AuditLogQuery) {
  const { items, hasMore } = await listAuditEntries(query);
  const last = items.at(-1);
  return { items: items.map(toEntry), next_cursor: hasMore && last ? String(last.id) : null };
}
