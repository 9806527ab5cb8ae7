import type { ErrorCode } from "./schemas";

/** The one table from error code to HTTP status. */
export const errorCodeToStatus: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  misdirected_request: 421,
  validation_failed: 422,
  reference_not_found: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
};

export const errorCodeTitles: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  invalid_json: "Malformed JSON",
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  misdirected_request: "Misdirected request",
  validation_failed: "Validation failed",
  reference_not_found: "Referenced resource not found",
  rate_limited: "Too many requests",
  internal_error: "Internal server error",
  service_unavailable: "Service unavailable",
};
