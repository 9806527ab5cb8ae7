import "server-only";
import type { Database } from "@/db/client";

/**
 * Re-evaluates the given users against every active dynamic segment, inside the caller's transaction,
 * so that a profile change moves its memberships in the same request.
 */
export async function reevaluateUsers(_userIds: string[], _tx: Database): Promise<void> {
  // Filled in by the criteria engine (issue 3).
}
