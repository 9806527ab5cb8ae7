import type { z } from "zod";
import type { RouteAccess } from "@/lib/auth/scopes";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export interface ResponseSpec {
  description: string;
  /** Omitted for responses without a body (204). */
  schema?: z.ZodType;
  /** Defaults to application/json (application/problem+json for errors). */
  mediaType?: string;
}

/** One documented endpoint, described with the same zod schemas its handler validates with. */
export interface Operation {
  method: HttpMethod;
  /** OpenAPI path, e.g. `/api/v1/segments/{segment_id}`. */
  path: string;
  operationId: string;
  /**
   * What the caller needs in required mode: the same value the route passes to withApi (checked by
   * tests/api/auth-routes.test.ts). Written into the document as the security requirement and `x-required-scope`.
   */
  scope: RouteAccess;
  summary: string;
  description?: string;
  tags: string[];
  /** Path parameter name → description; every path parameter is a UUID. */
  pathParams?: Record<string, string>;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** False when the body may be left out (defaults to true). */
  bodyRequired?: boolean;
  /** Status → response; problem responses (4xx/5xx) use the Problem schema automatically. */
  responses: Record<number, ResponseSpec | string>;
}
