import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/response";
import { healthSchema } from "@/lib/health/schemas";
import { getHealth } from "@/lib/health/service";

// GET /api/v1/segments/health - the service's health and its database's state (503 when unreachable)
// (in required mode, the database's driver and version only to an authenticated caller)
export const GET = withApi({ scope: "public" }, async ({ principal }) => {
  const health = await getHealth({ detailed: principal !== null });
  return json(healthSchema, health, health.status === "ok" ? 200 : 503, { "cache-control": "no-store" });
});

export * from "@/lib/api/method-not-allowed";
