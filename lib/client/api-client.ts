import type { FieldError } from "@/lib/api/schemas";

/** An RFC 9457 problem answered by the API, thrown by apiFetch so that forms can show its message and fields. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail || title);
    this.name = "ApiProblem";
  }

  /** The message for one field, when the API named it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message;
  }
}

/**
 * Fetches JSON from a path by hand; throws ApiProblem for an error answer. Hooks use the typed client
 * (lib/client/api.ts) instead, for every path the OpenAPI document describes.
 */
export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const res = await fetch(path, {
    ...rest,
    headers: {
      accept: "application/json",
      ...(json !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const body = text ? safeParse(text) : undefined;
  if (!res.ok) throw toApiProblem(res, body);
  return body as T;
}

/** The one way an error answer becomes an exception, shared by apiFetch and the typed client (lib/client/api.ts). */
export function toApiProblem(res: Response, body: unknown): ApiProblem {
  const problem = (body !== null && typeof body === "object" ? body : {}) as {
    title?: string;
    detail?: string;
    errors?: FieldError[];
  };
  const text = typeof body === "string" ? body : "";
  return new ApiProblem(res.status, problem.title ?? res.statusText, problem.detail ?? text, problem.errors);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Builds a query string from defined, non-empty values. */
export function toQueryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
