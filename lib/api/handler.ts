import { runWithActor } from "@/lib/audit/actor-context";
import { authenticate, type Principal } from "@/lib/auth/authenticate";
import { RateLimitedError } from "@/lib/auth/rate-limit";
import { grants, type RouteAccess } from "@/lib/auth/scopes";
import { isShuttingDown, trackRequest } from "@/lib/lifecycle/in-flight";
import { ApiError, handleApiError } from "./errors";
import { assertRequestAllowed } from "./request-guards";

type Params = Record<string, string>;

export interface HandlerArgs<P extends Params> {
  req: Request;
  params: P;
  searchParams: URLSearchParams;
  /** Names this request in the log, the `x-request-id` header and a problem's `instance`. */
  requestId: string;
  /** The authenticated caller; null only on a public route called without (valid) credentials. */
  principal: Principal | null;
}

export interface ApiOptions {
  /**
   * The scope the route needs (lib/auth/scopes.ts), declared here once per route; `public` for the routes
   * anyone may call (health, the OpenAPI document). The OpenAPI document lists the same scope per operation,
   * and tests/api/auth-routes.test.ts checks that the two agree.
   */
  scope: RouteAccess;
}

// A caller's own request id is kept (so that its logs and ours line up) when it is short and plain.
const callerRequestId = /^[A-Za-z0-9._:-]{1,64}$/;

function requestIdOf(req: Request): string {
  const given = req.headers.get("x-request-id");
  return given && callerRequestId.test(given) ? given : crypto.randomUUID();
}

function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set("x-request-id", requestId);
    return response;
  } catch {
    // Headers of a redirect or a proxied response are immutable: copy them.
    const headers = new Headers(response.headers);
    headers.set("x-request-id", requestId);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/** Who may call: authenticated (401 otherwise) and holding the route's scope (403 naming it otherwise). */
async function authorize(req: Request, scope: RouteAccess): Promise<Principal | null> {
  if (scope === "public") {
    // Credentials are optional here; a public route may show more to an authenticated caller (health).
    return authenticate(req).catch(() => null);
  }
  const principal = await authenticate(req);
  if (!principal) {
    throw new ApiError(
      "unauthorized",
      "This request needs an API key (Authorization: Bearer <key>) or a signed-in session.",
    );
  }
  if (scope !== "authenticated" && !grants(principal.scopes, scope)) {
    throw new ApiError(
      "forbidden",
      principal.via === "session"
        ? `Your role (${principal.role}) does not allow this: it needs the scope ${scope}.`
        : `This API key lacks the scope this request needs: ${scope}.`,
    );
  }
  return principal;
}

function errorResponse(error: unknown, requestId: string): Response {
  const response = handleApiError(error, requestId);
  if (response.status === 401) response.headers.set("www-authenticate", 'Bearer realm="api"');
  if (error instanceof RateLimitedError) response.headers.set("retry-after", String(error.retryAfterSeconds));
  return response;
}

/**
 * Every route handler goes through this wrapper: it authenticates the caller and checks the route's scope
 * (local mode: everyone on this machine), runs the handler as that actor (lib/audit/actor-context.ts), and
 * turns errors into problem+json. Every answer carries the request id. It also counts requests in flight,
 * which a graceful shutdown waits for, and refuses new ones once the shutdown has begun.
 */
export function withApi<P extends Params = Params>(
  options: ApiOptions,
  handler: (args: HandlerArgs<P>) => Promise<Response>,
) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdOf(req);
    if (isShuttingDown()) {
      // A request that reached us on a kept-alive connection after SIGTERM: refused, and the connection closed.
      const response = handleApiError(
        new ApiError("service_unavailable", "The server is shutting down; retry in a moment."),
        requestId,
      );
      response.headers.set("connection", "close");
      response.headers.set("retry-after", "5");
      return response;
    }
    return trackRequest(async () => {
      try {
        assertRequestAllowed(req);
        const principal = await authorize(req, options.scope);
        const url = new URL(req.url);
        const params = ((await context?.params) ?? {}) as P;
        const run = () => handler({ req, params, searchParams: url.searchParams, requestId, principal });
        const response = await (principal ? runWithActor(principal.actor, run) : run());
        return withRequestId(response, requestId);
      } catch (error) {
        return withRequestId(errorResponse(error, requestId), requestId);
      }
    });
  };
}
