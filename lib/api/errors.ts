import { ZodError } from "zod";
import { errorCodeTitles, errorCodeToStatus } from "./error-codes";
import type { ErrorCode, FieldError, FieldLocation, Problem } from "./schemas";

/** The one error type of the API: a code from the table in error-codes.ts, a human detail, and field errors. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
    this.name = "ApiError";
  }

  get status(): number {
    return errorCodeToStatus[this.code];
  }
}

export function notFound(resource: string, id: string): ApiError {
  return new ApiError("not_found", `${resource} ${id} does not exist.`);
}

/** A body field that names a row which does not exist: 422, naming the field. */
export function referenceNotFound(field: string, resource: string, id: string): ApiError {
  return new ApiError("reference_not_found", `${resource} ${id} does not exist.`, [
    { field, location: "body", message: `${resource} ${id} does not exist` },
  ]);
}

export function zodToApiError(error: ZodError, location: FieldLocation, prefix: string[] = []): ApiError {
  const errors = error.issues.map((issue) => ({
    field: [...prefix, ...issue.path.map(String)].join(".") || "(root)",
    location,
    message: issue.message,
  }));
  const fields = [...new Set(errors.map((e) => e.field))].join(", ");
  return new ApiError("validation_failed", `Invalid ${location}: ${fields}.`, errors);
}

interface PostgresErrorLike {
  code?: string;
  message?: string;
  constraint_name?: string;
  constraint?: string;
  detail?: string;
}

/** Unwraps drizzle's query error to the driver's error, which carries SQLSTATE. */
function postgresError(error: unknown): PostgresErrorLike | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const candidate = current as PostgresErrorLike & { cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
}

/** Whether the error is the database refusing a row that refers to one that does not exist. */
export function isForeignKeyViolation(error: unknown): boolean {
  return postgresError(error)?.code === "23503";
}

/** Whether the error is a unique index refusing a second row with the same key (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return postgresError(error)?.code === "23505";
}

/** Maps database errors that bad input can cause to API errors; returns undefined for real faults. */
export function fromDatabaseError(error: unknown): ApiError | undefined {
  const pg = postgresError(error);
  if (!pg?.code) return undefined;
  const constraint = pg.constraint_name ?? pg.constraint ?? "";
  switch (pg.code) {
    case "23505":
      return new ApiError(
        "conflict",
        conflictMessages[constraint] ?? "A resource with these values already exists.",
      );
    case "23503":
      return new ApiError("reference_not_found", "The request refers to a resource that does not exist.");
    case "22P02":
    case "22003":
    case "22007":
    case "22008": // datetime_field_overflow: a date PostgreSQL cannot store
    case "22009": // invalid_time_zone_displacement_value
      return new ApiError("validation_failed", "A value is out of range or has the wrong format.");
    // The schemas reject these first; the table is the last line of defence for a field they miss.
    case "22021": // character_not_in_repertoire: NUL in text
    case "22P05": // untranslatable_character: \u0000 in jsonb
      return new ApiError("validation_failed", "A value contains a character that cannot be stored (NUL).");
    case "54001": // statement_too_complex: nesting past the server's stack depth
      return new ApiError("validation_failed", "The request is nested too deeply or is too complex.");
    case "40001":
    case "40P01":
      return new ApiError("conflict", "The request conflicted with a concurrent change; retry it.");
    case "57014":
      // statement_timeout (STATEMENT_TIMEOUT_MS): the work was cancelled and rolled back, nothing changed.
      return new ApiError(
        "service_unavailable",
        "The request took longer than the database's statement timeout and was cancelled; nothing was changed.",
      );
    default:
      return undefined;
  }
}

const conflictMessages: Record<string, string> = {
  audience_segments_persona_name_key: "A segment with this name already exists for this persona.",
  segment_members_segment_user_key: "The user is already a member of this segment.",
  users_email_unique: "A user with this email already exists.",
  users_external_id_unique: "A user with this external_id already exists.",
  personalized_content_segment_variant_key: "This segment already has content with this variant_id.",
  personalized_content_one_control_key: "This segment already has a control group.",
};

const PROBLEM_TYPE_BASE = "https://audience-segments.dev/problems/";

// Driver messages quote the offending value (`invalid input syntax for type uuid: "…"`), which may be an
// email or anything else a user sent: quoted text is dropped before a message reaches the log.
const redactQuoted = (message: string) => message.replace(/"[^"]*"|'[^']*'/g, '"…"');

/**
 * What an unexpected error leaves in the log: the request id, our code, the SQLSTATE, the driver's message
 * without quoted values, and for errors that are not the database's, the stack. Never the SQL parameters:
 * drizzle's wrapper error carries the statement and every parameter in its message, so it is skipped.
 */
export function describeUnexpectedError(error: unknown, requestId?: string): Record<string, unknown> {
  const pg = postgresError(error);
  const entry: Record<string, unknown> = { request_id: requestId, code: "internal_error" };
  if (pg) {
    entry.sqlstate = pg.code;
    entry.message = redactQuoted(String(pg.message ?? ""));
    return entry;
  }
  let current: unknown = error;
  // Unwrap query wrappers (they name the statement and its parameters) down to the error that caused them.
  for (let depth = 0; depth < 4; depth++) {
    const candidate = current as { params?: unknown; query?: unknown; cause?: unknown } | null;
    if (!candidate || typeof candidate !== "object" || !("params" in candidate || "query" in candidate))
      break;
    current = candidate.cause;
  }
  if (current instanceof Error) {
    entry.error = current.name;
    entry.message = redactQuoted(current.message);
    entry.stack = current.stack?.split("\n").slice(1, 8).join("\n");
  } else entry.error = typeof current;
  return entry;
}

/**
 * Renders any thrown value as RFC 9457 problem+json. Unexpected errors are logged and never shown.
 * `instance` names this occurrence (the request id) so that a user can quote it.
 */
export function handleApiError(error: unknown, requestId?: string): Response {
  let apiError: ApiError;
  if (error instanceof ApiError) apiError = error;
  else if (error instanceof ZodError) apiError = zodToApiError(error, "body");
  else if (error instanceof Error && error.name === "DatabaseClosedError") {
    apiError = new ApiError("service_unavailable", "The server is shutting down; retry in a moment.");
  } else {
    const mapped = fromDatabaseError(error);
    if (mapped) apiError = mapped;
    else {
      console.error("Unhandled API error", JSON.stringify(describeUnexpectedError(error, requestId)));
      apiError = new ApiError("internal_error", "An unexpected error occurred.");
    }
  }
  const instance = requestId ? `urn:request:${requestId}` : undefined;
  const body: Problem = {
    type: `${PROBLEM_TYPE_BASE}${apiError.code.replaceAll("_", "-")}`,
    title: errorCodeTitles[apiError.code],
    status: apiError.status,
    detail: apiError.detail,
    code: apiError.code,
    ...(instance ? { instance } : {}),
    ...(apiError.errors ? { errors: apiError.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: apiError.status,
    headers: {
      "content-type": "application/problem+json",
      ...(requestId ? { "x-request-id": requestId } : {}),
    },
  });
}
