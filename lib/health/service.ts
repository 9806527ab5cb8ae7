import "server-only";
import { checkDatabase } from "@/db/health";
import type { Health } from "./schemas";

/** `detailed: false` leaves out the driver and the server's version (anonymous callers in required mode). */
export async function getHealth({ detailed = true }: { detailed?: boolean } = {}): Promise<Health> {
  const checked = await checkDatabase();
  const { driver: _driver, server_version: _version, ...anonymous } = checked;
  const database = detailed ? checked : anonymous;
  return {
    status: database.status === "up" ? "ok" : "unavailable",
    service: "audience-segments",
    checked_at: new Date().toISOString(),
    database,
  };
}
