import { handleApiError } from "./errors";

type Params = Record<string, string>;

export interface HandlerArgs<P extends Params> {
  req: Request;
  params: P;
  searchParams: URLSearchParams;
}

/**
 * Every route handler goes through this wrapper: it is where errors become problem+json today,
 * and where authentication will be enforced.
 */
export function withApi<P extends Params = Params>(handler: (args: HandlerArgs<P>) => Promise<Response>) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    const url = new URL(req.url);
    try {
      const params = ((await context?.params) ?? {}) as P;
      return await handler({ req, params, searchParams: url.searchParams });
    } catch (error) {
      return handleApiError(error, url.pathname);
    }
  };
}
