import createClient from "openapi-fetch";
import { toApiProblem } from "./api-client";
import type { components, paths } from "./api-types";

/**
 * The typed client of the public API: paths, parameters, bodies and answers come from the OpenAPI document
 * (lib/client/api-types.ts, generated), so a hook that calls an endpoint the document does not describe, or
 * reads a field it does not have, fails the type check.
 */
export const api = createClient<paths>({ headers: { accept: "application/json" } });

/**
 * A named schema of the document as the client returns it, e.g. `ApiSchema<"Segment">`. openapi-fetch reads
 * answers through its `Readable` helper, which turns tuples (a [low, high] interval) into arrays; this does the
 * same, so a schema named here and the data a hook returns are one type.
 */
export type ApiSchema<Name extends keyof components["schemas"]> = AsRead<components["schemas"][Name]>;

type AsRead<T> = T extends (infer Item)[]
  ? AsRead<Item>[]
  : T extends object
    ? { [K in keyof T]: AsRead<T[K]> }
    : T;

/** The query parameters of an operation, e.g. `ApiQuery<"/api/v1/users", "get">`. */
export type ApiQuery<
  Path extends keyof paths,
  Method extends keyof paths[Path],
> = paths[Path][Method] extends {
  parameters: { query?: infer Query };
}
  ? NonNullable<Query>
  : never;

/** Resolves to the answer's body; an error answer (problem+json) throws ApiProblem, as apiFetch does. */
export async function unwrap<Data>(
  request: Promise<{ data?: Data; error?: unknown; response: Response }>,
): Promise<Data> {
  const { data, error, response } = await request;
  if (!response.ok) throw toApiProblem(response, error);
  return data as Data;
}
