import { type ZodType, z } from "zod";
import { ApiError, zodToApiError } from "./errors";
import { safeJsonInput } from "./input-guards";

/** Default body limit; bulk endpoints pass a larger one. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
/**
 * How much of an oversized body is read and discarded so that the client receives the 413: cancelling the
 * stream mid-upload makes Next destroy the request, the connection is reset and the client sees that
 * instead of the answer (with or without Content-Length). Past this, the connection is dropped after all.
 */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new ApiError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`);
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (!req.body) {
    if (declared > maxBytes) throw tooLarge();
    return "";
  }
  const reader = req.body.getReader();
  if (declared > DRAIN_LIMIT_BYTES) {
    await reader.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      chunks.length = 0;
      if (received > DRAIN_LIMIT_BYTES) {
        await reader.cancel();
        throw tooLarge();
      }
      continue;
    }
    chunks.push(value);
  }
  if (received > maxBytes) throw tooLarge();
  return decodeUtf8(chunks);
}

/**
 * The body as text, as TextDecoder reads it (invalid bytes become U+FFFD, a leading byte order mark is
 * dropped), through Buffer's decoder: for a bulk body of a few megabytes it halves decoding and JSON.parse
 * together (the string it makes is cheaper for the parser to read).
 */
function decodeUtf8(chunks: Uint8Array[]): string {
  const text = (
    chunks.length === 1
      ? Buffer.from(chunks[0].buffer, chunks[0].byteOffset, chunks[0].byteLength)
      : Buffer.concat(chunks)
  ).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads, parses and validates a JSON body: 413 past the limit, 400 if it does not parse, 422 if invalid. */
export async function readJson<Schema extends ZodType>(
  req: Request,
  schema: Schema,
  options: { maxBytes?: number; optional?: boolean } = {},
): Promise<z.output<Schema>> {
  const text = await readBodyText(req, options.maxBytes ?? DEFAULT_BODY_LIMIT_BYTES);
  let value: unknown;
  if (text.trim() === "") {
    if (!options.optional) throw new ApiError("bad_request", "A JSON request body is required.");
    value = {};
  } else {
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ApiError("invalid_json", `The request body is not valid JSON: ${(error as Error).message}`);
    }
  }
  const safe = safeJsonInput.safeParse(value);
  if (!safe.success) throw zodToApiError(safe.error, "body");
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodToApiError(parsed.error, "body");
  return parsed.data;
}

/** Validates query parameters; a parameter given more than once arrives as an array. */
export function parseQuery<Schema extends ZodType>(
  searchParams: URLSearchParams,
  schema: Schema,
): z.output<Schema> {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    raw[key] = values.length === 1 ? values[0] : values;
  }
  const safe = safeJsonInput.safeParse(raw);
  if (!safe.success) throw zodToApiError(safe.error, "query");
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw zodToApiError(parsed.error, "query");
  return parsed.data;
}

const uuidSchema = z.uuid();

/** A path id that is not a UUID is a 422 naming the parameter. */
export function parseId(value: string | undefined, name: string): string {
  const parsed = uuidSchema.safeParse(value);
  if (!parsed.success) {
    throw new ApiError("validation_failed", `Path parameter ${name} must be a UUID.`, [
      { field: name, location: "path", message: "Invalid UUID" },
    ]);
  }
  return parsed.data.toLowerCase();
}
