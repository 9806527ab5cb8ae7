import { ApiError } from "@/lib/api/errors";
import { withApi } from "@/lib/api/handler";

// Any /api/v1 path that no route serves: 404 problem+json instead of the framework's HTML page. Next matches
// this catch-all only after every more specific route, so it never shadows one.
const answerNotFound = withApi({ scope: "public" }, async ({ req }) => {
  throw new ApiError(
    "not_found",
    `No API endpoint at ${new URL(req.url).pathname}; see /api/v1/openapi.json.`,
  );
});

// The catch-all's own parameter (`path`, a list) is not needed: the answer names the URL's path.
const notFound = (req: Request) => answerNotFound(req, { params: Promise.resolve({}) });

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
