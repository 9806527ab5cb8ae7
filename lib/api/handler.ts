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

/**
 * Every route handler goes through this wrapper: it is where errors become problem+json today,
 * and where authentication will be enforced. Every answer carries the request id. It also counts requests
 * in flight, which a graceful shutdown waits for, and refuses new ones once the shutdown has begun.
 */
export function withApi<P extends Params = Params>(handler: (args: HandlerArgs<P>) => Promise<Response>) {
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
        const url = new URL(req.url);
        const params = ((await context?.params) ?? {}) as P;
        const response = await handler({ req, params, searchParams: url.searchParams, requestId });
        return withRequestId(response, requestId);
      } catch (error) {
        return handleApiError(error, requestId);
      }
    });
  };
}
