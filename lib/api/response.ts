import type { z } from "zod";

/** Dates become ISO 8601 strings, as JSON.stringify would write them, so that the documented schemas apply. */
export function serialize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(serialize);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, serialize(item)]));
  }
  return value;
}

/**
 * Every JSON body leaves through its documented schema (the one lib/openapi publishes): a response that
 * drifted from the OpenAPI document fails here, as a logged 500, instead of reaching a client unnoticed.
 * Parsing also drops fields the document does not name.
 */
function checked(schema: z.ZodType, data: unknown): unknown {
  const parsed = schema.safeParse(serialize(data));
  if (!parsed.success) {
    throw new Error(`Response does not match its documented schema: ${JSON.stringify(parsed.error.issues)}`);
  }
  return parsed.data;
}

export function json(schema: z.ZodType, data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(checked(schema, data), { status, headers });
}

export function created(schema: z.ZodType, data: unknown, location?: string): Response {
  return json(schema, data, 201, location ? { location } : undefined);
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}
