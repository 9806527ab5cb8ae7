import { auditLogQuery, auditPageSchema } from "@/lib/audit/schemas";
import type { Operation } from "../operation";

export const auditOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/audit-log",
    operationId: "listAuditLog",
    summary: "The audit log: every write, who made it and what changed, newest first",
    description:
      "One entry per write (segments and their criteria, members, content, personalized content, experiment " +
      "settings, users, personas, API keys, team members), recorded in the write's own transaction. A bulk write " +
      "is one entry whose `summary` holds the counts. Pages are keyset pages: pass `next_cursor` as `cursor` " +
      "for the next, older page; entries written meanwhile never shift a page.",
    tags: ["Audit"],
    scope: "admin",
    query: auditLogQuery,
    responses: {
      200: { description: "One page of entries.", schema: auditPageSchema },
      422: "Invalid query parameters (an unknown actor form, a cursor that is not one).",
    },
  },
];
