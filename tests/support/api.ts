// Calls the app's route handlers in-process, routed by their file paths as Next routes them:
// a test writes `await api("POST", "/api/v1/segments/", body)` and gets the real handler's Response.
type RouteModule = Record<string, unknown>;
type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const modules = import.meta.glob<RouteModule>("/app/api/**/route.ts");

interface Route {
  segments: string[];
  load: () => Promise<RouteModule>;
}

const routes: Route[] = Object.entries(modules).map(([file, load]) => ({
  segments: file
    .replace(/^\/app/, "")
    .replace(/\/route\.ts$/, "")
    .split("/")
    .filter(Boolean),
  load,
}));

function match(pathname: string): { route: Route; params: Record<string, string> } | undefined {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  let best: { route: Route; params: Record<string, string>; score: number } | undefined;
  for (const route of routes) {
    const catchAll = /^\[\.\.\.(.+)\]$/.exec(route.segments.at(-1) ?? "");
    if (catchAll) {
      // `[...path]` matches one or more remaining segments, after every more specific route.
      const prefix = route.segments.slice(0, -1);
      if (parts.length > prefix.length && prefix.every((segment, i) => segment === parts[i]) && !best) {
        best = { route, params: { [catchAll[1]]: parts.slice(prefix.length).join("/") }, score: -1 };
      }
      continue;
    }
    if (route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let score = 0;
    const ok = route.segments.every((segment, i) => {
      const dynamic = /^\[(.+)\]$/.exec(segment);
      if (dynamic) {
        params[dynamic[1]] = parts[i];
        return true;
      }
      score += 1;
      return segment === parts[i];
    });
    if (ok && (!best || score > best.score)) best = { route, params, score };
  }
  return best;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function api<T = any>(
  method: string,
  path: string,
  body?: unknown,
  init: { headers?: Record<string, string>; rawBody?: string } = {},
): Promise<ApiResponse<T>> {
  const url = new URL(path, "http://localhost:3000");
  const found = match(url.pathname);
  if (!found) throw new Error(`No route file for ${url.pathname}`);
  const module = await found.route.load();
  const handler = module[method] as RouteHandler | undefined;
  if (!handler) return { status: 405, headers: new Headers(), body: undefined as T };
  const payload = init.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  const req = new Request(url, {
    method,
    body: payload,
    headers: { ...(payload !== undefined ? { "content-type": "application/json" } : {}), ...init.headers },
  });
  const res = await handler(req, { params: Promise.resolve(found.params) });
  const text = await res.text();
  const type = res.headers.get("content-type") ?? "";
  return {
    status: res.status,
    headers: res.headers,
    body: (text && type.includes("json") ? JSON.parse(text) : text) as T,
  };
}
