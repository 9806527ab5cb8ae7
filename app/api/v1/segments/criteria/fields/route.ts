import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/response";
import { criteriaFieldsSchema } from "@/lib/criteria/api-schemas";
import { listCriteriaFields } from "@/lib/criteria/service";

// GET /api/v1/segments/criteria/fields - the fields, operators, values and trait keys criteria can use
export const GET = withApi({ scope: "segments:read" }, async () => {
  return json(criteriaFieldsSchema, await listCriteriaFields());
});

export * from "@/lib/api/method-not-allowed";
