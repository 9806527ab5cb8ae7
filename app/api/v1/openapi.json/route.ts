import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/response";
import { buildOpenApiDocument, openApiDocumentSchema } from "@/lib/openapi/document";

// GET /api/v1/openapi.json - the OpenAPI 3.1 document, generated from the zod schemas that validate requests
export const GET = withApi({ scope: "public" }, async () => json(openApiDocumentSchema, buildOpenApiDocument()));

export * from "@/lib/api/method-not-allowed";
