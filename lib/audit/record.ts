import "server-only";
import type { Database } from "@/db/client";
import { currentActor } from "./actor-context";
import { boundChanges, type Changes } from "./changes";
import { insertAuditEntry } from "./queries";

export interface AuditRecord {
  /** `create`, `update`, `delete`, or a named operation (`add_members`, `refresh`, `promote`, …). */
  action: string;
  /** `segment`, `user`, `persona`, `content`, `personalized_content`, `experiment`, `api_key`, `team_member`, … */
  resource_type: string;
  /** The resource's id; null for a bulk write that spans many (then `summary` carries the counts). */
  resource_id: string | null;
  changes?: Changes;
  summary?: Record<string, number>;
}

/**
 * Records one write in the audit log, as the current request's actor (`currentActor()`). Pass the write's own
 * transaction: the entry commits or rolls back with the change it describes. For example (a key revoked):
 * `await recordAudit(tx, { action: "delete", resource_type: "api_key", resource_id: key.id, changes: deletedFields(key, ["name", "prefix"]) })`.
 */
export async function recordAudit(tx: Database, record: AuditRecord): Promise<void> {
  const actor = currentActor();
  await insertAuditEntry(
    {
      actor_type: actor.type,
      actor_id: actor.type === "local" ? null : actor.id,
      actor_label: actor.type === "local" ? null : actor.label,
      action: record.action,
      resource_type: record.resource_type,
      resource_id: record.resource_id,
      changes: boundChanges(record.changes ?? {}),
      summary: record.summary ?? null,
    },
    tx,
  );
}
