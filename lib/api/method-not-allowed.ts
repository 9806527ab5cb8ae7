import { ApiError, handleApiError } from "./errors";
import { withApi } from "./handler";

/**
 * The answer for a method a route does not implement: 405 problem+json with `Allow`. Next.js would answer an
 * empty 405 body. Every route module ends with `export * from "@/lib/api/method-not-allowed";`: an ES module's
 * own exports take precedence over a star export, so these handlers fill in exactly the methods the route does
 * not define (tests/api/method-not-allowed.test.ts fails for a route module without the line).
 *
 * `Allow` comes from the OpenAPI operations, which the same test checks against the methods each route module
 * defines, so the header cannot drift from the handlers.
 */
function methodNotAllowed(method: string) {
  return withApi({ scope: "public" }, async ({ req, requestId }) => {
    const allow = await allowedMethods(new URL(req.url).pathname);
    const response = handleApiError(
      new ApiError(
        "method_not_allowed",
        `${method} is not supported here; this path allows ${allow.join(", ")}.`,
      ),
      requestId,
    );
    response.headers.set("allow", allow.join(", "));
    return response;
  });
}

// Routes that serve the API but are not operations of it.
const undocumented = [{ path: "/api/v1/openapi.json", method: "get" }];

/** The documented methods of the path template that matches `pathname`, upper-case, with HEAD and OPTIONS. */
export async function allowedMethods(pathname: string): Promise<string[]> {
  // Loaded on the rare 405 only: the operations import every domain's schemas.
  const { operations: documented } = await import("@/lib/openapi/document");
  const operations = [...documented, ...undocumented];
  const parts = pathname.replace(/\/+$/, "").split("/");
  let best: { path: string; literal: number } | undefined;
  for (const path of new Set(operations.map((op) => op.path))) {
    const template = path.split("/");
    if (template.length !== parts.length) continue;
    let literal = 0;
    const fits = template.every((segment, i) => {
      if (/^\{.+\}$/.test(segment)) return true;
      literal += 1;
      return segment === parts[i];
    });
    if (fits && (!best || literal > best.literal)) best = { path, literal };
  }
  const methods = operations.filter((op) => op.path === best?.path).map((op) => op.method.toUpperCase());
  if (methods.includes("GET")) methods.push("HEAD");
  return [...methods, "OPTIONS"];
}

export const GET = methodNotAllowed("GET");
export const POST = methodNotAllowed("POST");
export const PUT = methodNotAllowed("PUT");
export const PATCH = methodNotAllowed("PATCH");
export const DELETE = methodNotAllowed("DELETE");

/** Next answers OPTIONS itself from the module's exports, which would list the fallbacks above as allowed. */
export const OPTIONS = withApi({ scope: "public" }, async ({ req }) => {
  const allow = await allowedMethods(new URL(req.url).pathname);
  return new Response(null, { status: 204, headers: { allow: allow.join(", ") } });
});
