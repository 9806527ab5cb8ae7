import { isShuttingDown, trackRequest } from "@/lib/lifecycle/in-flight";
import { ApiError, handleApiError } from "./errors";

type Params = Record<string, string>;

export interface HandlerArgs<P extends Params> {
  req: Request;
  params: P;
  searchParams: URLSearchParams;
}

/**
 * Every route handler goes through this wrapper: it is where errors become problem+json today,
 * and where authentication will be enforced. It also counts requests in flight, which a graceful
 * shutdown waits for, and refuses new ones once the shutdown has begun.
 */
export function withApi<P extends Params = Params>(handler: (args: HandlerArgs<P>) => Promise<Response>) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    const url = new URL(req.url);
    if (isShuttingDown()) {
      // A request that reached us on a kept-alive connection after SIGTERM: refused, and the connection closed.
      const response = handleApiError(
        new ApiError("service_unavailable", "The server is shutting down; retry in a moment."),
        url.pathname,
      );
      response.headers.set("connection", "close");
      response.headers.set("retry-after", "5");
      return response;
    }
    return trackRequest(async () => {
      try {
        const params = ((await context?.params) ?? {}) as P;
        return await handler({ req, params, searchParams: url.searchParams });
      } catch (error) {
        return handleApiError(error, url.pathname);
      }
    });
  };
}
