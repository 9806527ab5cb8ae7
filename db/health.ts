import "server-only";
import { sql } from "drizzle-orm";
import type { Health } from "@/lib/health/schemas";
import { type DriverName, getConnection } from "./client";
import { queryRows } from "./rows";

export type DatabaseHealth = Health["database"];

export async function checkDatabase(): Promise<DatabaseHealth> {
  const driver: DriverName = process.env.DATABASE_URL ? "postgres" : "pglite";
  const started = performance.now();
  try {
    const { db } = await getConnection();
    const [row] = await queryRows<{ server_version: string }>(db, sql`show server_version`);
    return {
      status: "up",
      driver,
      latency_ms: Math.round((performance.now() - started) * 10) / 10,
      server_version: row?.server_version,
    };
  } catch (error) {
    console.error("Database health check failed", error);
    return {
      status: "down",
      driver,
      latency_ms: Math.round(performance.now() - started),
      error: "The database cannot be reached.",
    };
  }
}
