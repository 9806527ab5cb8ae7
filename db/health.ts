import "server-only";
import type { Health } from "@/lib/health/schemas";
import { type DriverName, getConnection } from "./client";

export type DatabaseHealth = Health["database"];

export async function checkDatabase(): Promise<DatabaseHealth> {
  const driver: DriverName = process.env.DATABASE_URL ? "postgres" : "pglite";
  const started = performance.now();
  try {
    const { probe } = await getConnection();
    const serverVersion = await probe();
    return {
      status: "up",
      driver,
      latency_ms: Math.round((performance.now() - started) * 10) / 10,
      server_version: serverVersion,
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
