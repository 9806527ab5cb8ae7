import { type ZodType, z } from "zod";
import { problemSchema } from "@/lib/api/schemas";
import type { Operation } from "./operation";
import { analyticsOperations } from "./paths/analytics";
import { auditOperations } from "./paths/audit";
import { authOperations } from "./paths/auth";
import { changesOperations } from "./paths/changes";
import { criteriaOperations } from "./paths/criteria";
import { deliveryOperations } from "./paths/delivery";
import { experimentOperations } from "./paths/experiments";
import { intelligenceOperations } from "./paths/intelligence";
import { jobsOperations } from "./paths/jobs";
import { membersOperations } from "./paths/members";
import { modelsOperations } from "./paths/models";
import { personalizedOperations } from "./paths/personalized";
import { resourcesOperations } from "./paths/resources";
import { segmentOperations } from "./paths/segments";
import { webhookOperations } from "./paths/webhooks";

/** Every documented endpoint. Each domain adds its operations in its own file under ./paths. */
/** The outline every OpenAPI 3.1 document has; the rest is checked by tests/api/openapi.test.ts. */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string().startsWith("3.1"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.looseObject({ schemas: z.record(z.string(), z.unknown()) }),
});

export const operations: Operation[] = [
  ...segmentOperations,
  ...criteriaOperations,
  ...membersOperations,
  ...personalizedOperations,
  ...analyticsOperations,
  ...experimentOperations,
  ...resourcesOperations,
  ...deliveryOperations,
  ...jobsOperations,
  ...auditOperations,
  ...authOperations,
  ...changesOperations,
  ...webhookOperations,
  ...modelsOperations,
  ...intelligenceOperations,
];

// Required mode (README, "Modes"): an API key as a bearer token, or Better Auth's session cookie.
const securitySchemes = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    description:
      "An API key (`POST /api/v1/api-keys`); each operation names the scope it needs in `x-required-scope`.",
  },
  cookieAuth: {
    type: "apiKey",
    in: "cookie",
    name: "better-auth.session_token",
    description: "A session from `POST /api/auth/sign-in/email`; the member's role grants the scopes.",
  },
};

/** Public operations need nothing; the others a key or a session (in local mode, nothing: see README). */
function securityOf(op: Operation) {
  if (op.scope === "public") return { security: [] };
  const scopes = op.scope === "authenticated" ? [] : [op.scope];
  return {
    security: [{ bearerAuth: scopes }, { cookieAuth: scopes }],
    ...(op.scope === "authenticated" ? {} : { "x-required-scope": op.scope }),
  };
}

type JsonSchema = Record<string, unknown>;

/**
 * Converts a zod schema, moving schemas that carry a `meta({ id })` into components so that
 * they appear once in the document and by name.
 */
function schemaConverter(components: Record<string, JsonSchema>) {
  return (schema: ZodType, io: "input" | "output"): JsonSchema => {
    const generated = z.toJSONSchema(schema, {
      target: "draft-2020-12",
      io,
      unrepresentable: "any",
      reused: "inline",
    });
    // Nested schemas with an id land in $defs; in an OpenAPI document they belong in components.
    const converted = JSON.parse(
      JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/'),
    ) as JsonSchema & { $defs?: Record<string, JsonSchema>; $schema?: string; id?: string };
    const { $defs, $schema: _ignored, ...rest } = converted;
    for (const [id, def] of Object.entries($defs ?? {})) components[id] ??= def;
    const id = (schema.meta() as { id?: string } | undefined)?.id;
    if (id) {
      const { id: _id, ...definition } = rest;
      components[id] ??= definition;
      return { $ref: `#/components/schemas/${id}` };
    }
    return rest;
  };
}

export function buildOpenApiDocument() {
  const components: Record<string, JsonSchema> = {};
  const convert = schemaConverter(components);
  const problemRef = convert(problemSchema, "output");
  const paths: Record<string, Record<string, unknown>> = {};

  for (const op of operations) {
    const parameters: unknown[] = [];
    for (const [name, description] of Object.entries(op.pathParams ?? {})) {
      parameters.push({
        name,
        in: "path",
        required: true,
        description,
        schema: { type: "string", format: "uuid" },
      });
    }
    if (op.query) {
      const shape = op.query.shape as Record<string, ZodType>;
      for (const [name, field] of Object.entries(shape)) {
        const fieldSchema = convert(field, "input");
        parameters.push({
          name,
          in: "query",
          required: !field.safeParse(undefined).success,
          description: field.description,
          schema: fieldSchema,
        });
      }
    }
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(op.responses)) {
      const response = typeof spec === "string" ? { description: spec } : spec;
      const schema = response.schema
        ? convert(response.schema, "output")
        : Number(status) >= 400
          ? problemRef
          : undefined;
      const mediaType =
        response.mediaType ?? (Number(status) >= 400 ? "application/problem+json" : "application/json");
      responses[status] = {
        description: response.description,
        ...(schema ? { content: { [mediaType]: { schema } } } : {}),
      };
    }
    if (op.scope !== "public") {
      responses["401"] ??= {
        description: "No credentials, or an unknown, revoked or expired API key (required mode).",
        content: { "application/problem+json": { schema: problemRef } },
      };
      responses["403"] ??= {
        description: "The key or the member's role lacks the scope needed.",
        content: { "application/problem+json": { schema: problemRef } },
      };
      responses["429"] ??= {
        description: "The API key's rate limit is used up; see `Retry-After`.",
        content: { "application/problem+json": { schema: problemRef } },
      };
    }
    responses["500"] ??= {
      description: "Unexpected error.",
      content: { "application/problem+json": { schema: problemRef } },
    };
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: op.tags,
      ...securityOf(op),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: op.bodyRequired ?? true,
              content: { "application/json": { schema: convert(op.body, "input") } },
            },
          }
        : {}),
      responses,
    };
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Audience Segments API",
      version: "1.0.0",
      description:
        "Group an audience by demographics, behaviour and engagement, target personalized content to each group, " +
        "run A/B tests and read the results. Errors are RFC 9457 problem+json.",
      // The product is not open source (package.json is private): SPDX's convention for a licence of one's own.
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
    },
    servers: [{ url: "/" }],
    paths,
    components: { schemas: components, securitySchemes },
  };
}
