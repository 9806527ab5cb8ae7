import "server-only";
import { checkDatabase } from "@/db/health";
import type { Health } from "./schemas";

export async function getHealth(): Promise<Health> {
  const database = await checkDatabase();
  return {
    status: database.status === "up" ? "ok" : "unavailable",
    service: "audience-segments",
    checked_at: new Date().toISOString(),
    database,
  };
}
