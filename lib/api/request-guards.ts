import { ApiError } from "./errors";

/**
 * Checks every API request passes before its handler runs (called by `withApi`). They stop a web page in
 * someone's browser from driving the API, which in local mode needs no credentials:
 * - DNS rebinding: a page on `evil.example` whose name now points at 127.0.0.1 reaches us with
 *   `Host: evil.example`. Only the names this server is configured for are answered (421 otherwise).
 * - "Simple" cross-site requests: a browser sends a form post or a `fetch` with `text/plain` or form data to any
 *   origin without asking first (no CORS preflight). Bodies must be JSON (415 otherwise), which a browser only
 *   sends cross-site after a preflight that we never grant.
 * - Cross-site writes: a write whose `Origin` is not our own is refused (403). Clients that are not browsers
 *   (curl, httpx, server-to-server) send no `Origin` and pass.
 */
export function assertRequestAllowed(req: Request): void {
  const host = requestHost(req);
  if (!isAllowedHost(host)) {
    throw new ApiError(
      "misdirected_request",
      `This server does not answer for the host "${host ?? ""}". Add it to ALLOWED_HOSTS if it is one of ours.`,
    );
  }
  if (!WRITE_METHODS.has(req.method)) return;
  assertSameOrigin(req, host);
  if (BODY_METHODS.has(req.method)) assertJsonBody(req);
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

/** The Host header as the client sent it (the request URL stands in when a test builds a Request without one). */
function requestHost(req: Request): string | undefined {
  const header = req.headers.get("host");
  if (header) return header.trim().toLowerCase();
  try {
    return new URL(req.url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

interface HostPattern {
  name: string;
  /** Undefined: any port. */
  port?: string;
}

/** `name`, `name:port`, `[v6]` or `[v6]:port`, lower-cased; undefined when it does not parse. */
export function parseHost(value: string): HostPattern | undefined {
  const text = value.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]\s/]+)(?::(\d{1,5}))?$/.exec(text);
  if (!match) return undefined;
  return { name: match[1], port: match[2] };
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/**
 * The hosts this server answers for: the loopback names (any port), `HOST` (where it listens; an IPv6 address
 * may be written bare) and the comma-separated `ALLOWED_HOSTS` (e.g. the public name behind a reverse proxy,
 * which must pass the client's Host through). An entry without a port allows any port.
 */
export function allowedHosts(env: NodeJS.ProcessEnv = process.env): HostPattern[] {
  const listen = env.HOST?.trim();
  const entries = [
    ...LOOPBACK_NAMES,
    ...(listen ? [listen.includes(":") && !listen.startsWith("[") ? `[${listen}]` : listen] : []),
    ...(env.ALLOWED_HOSTS ?? "").split(","),
  ];
  return entries.flatMap((entry) => {
    const pattern = entry.trim() ? parseHost(entry) : undefined;
    return pattern ? [pattern] : [];
  });
}

export function isAllowedHost(host: string | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  const given = host ? parseHost(host) : undefined;
  if (!given) return false;
  return allowedHosts(env).some(
    (pattern) => pattern.name === given.name && (pattern.port === undefined || pattern.port === given.port),
  );
}

function assertSameOrigin(req: Request, host: string | undefined): void {
  const origin = req.headers.get("origin");
  if (origin === null) return;
  let originHost: string | undefined;
  try {
    // "null" (a sandboxed frame, a file, some redirects) does not parse: refused like a foreign origin.
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    originHost = undefined;
  }
  if (originHost === undefined || originHost !== host) {
    throw new ApiError(
      "forbidden",
      `Writes from another origin (${origin}) are refused: the dashboard's own pages and clients without an Origin header may write.`,
    );
  }
}

/** `application/json` or any `application/*+json`, parameters such as charset allowed. */
const JSON_MEDIA_TYPE = /^application\/([a-z0-9.+-]+\+)?json$/;

function assertJsonBody(req: Request): void {
  const type = req.headers.get("content-type");
  if (type === null) {
    // A bodiless POST (refresh, reallocate, analyze) needs no type; a body without one is refused.
    const length = req.headers.get("content-length");
    const hasBody = (length !== null && length.trim() !== "0") || req.headers.has("transfer-encoding");
    if (!hasBody) return;
    throw unsupportedMediaType("none");
  }
  const mediaType = type.split(";")[0].trim().toLowerCase();
  if (!JSON_MEDIA_TYPE.test(mediaType)) throw unsupportedMediaType(mediaType);
}

function unsupportedMediaType(given: string): ApiError {
  return new ApiError(
    "unsupported_media_type",
    `Request bodies must be JSON (Content-Type: application/json); this one is ${given}.`,
  );
}
