import { withApi } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { auditLogQuery, auditPageSchema } from "@/lib/audit/schemas";
import { listAuditLog } from "@/lib/audit/service";

// GET /api/v1/audit-log - who changed what and when, newest first, one keyset page at a time
export const GET = withApi({ scope: "admin" }, async ({ searchParams }) => {
  const query = parseQuery(searchParams, auditLogQuery);
  return json(auditPageSchema, await listAuditLog(query));
});

export * from "@/lib/api/method-not-allowed";
