import createClient from "openapi-fetch";
import { toApiProblem } from "./api-client";
import type { components, paths } from "./api-types";

/**
 * The typed client of the public API: paths, parameters, bodies and answers come from the OpenAPI document
 * (lib/client/api-types.ts, generated), so a hook that calls an endpoint the document does not describe, or
 * reads a field it does not have, fails the type check.
 */
export const api = createClient<paths>({ headers: { accept: "application/json" } });

/** A named schema of the document, e.g. `ApiSchema<"Segment">`. */
export type ApiSchema<Name extends keyof components["schemas"]> = components["schemas"][Name];

/** Resolves to the answer's body; an error answer (problem+json) throws ApiProblem, as apiFetch does. */
export async function unwrap<Data>(
  request: Promise<{ data?: Data; error?: unknown; response: Response }>,
): Promise<Data> {
  const { data, error, response } = await request;
  if (!response.ok) throw toApiProblem(response, error);
  return data as Data;
}
