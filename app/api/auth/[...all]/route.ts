import { handleApiError } from "@/lib/api/errors";
import { assertSignInAllowed, RateLimitedError, recordSignInFailure } from "@/lib/auth/rate-limit";

// /api/auth/* - Better Auth's endpoints (sign-in/email, sign-out, get-session), sessions in our database.
// Sign-in failures are counted per account and per address (SIGN_IN_MAX_FAILURES in 15 minutes, then 429).

/**
 * The caller's address as the nearest proxy saw it: the last X-Forwarded-For entry (Next sets the header from
 * the socket when no proxy did). A client talking to the server directly can forge it, which only weakens
 * the per-address count: the per-account count still holds (docs/security.md).
 */
function clientAddress(req: Request): string {
  const forwarded = req.headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || req.headers.get("x-real-ip") || "unknown";
}

// Better Auth is imported on the first request, not when the route module loads.
async function getAuth() {
  return (await import("@/lib/auth/better-auth")).getAuth();
}

async function signInWithEmail(req: Request): Promise<Response> {
  const body = await req.text();
  let email = "";
  try {
    const parsed = JSON.parse(body) as { email?: unknown };
    if (typeof parsed.email === "string") email = parsed.email.trim().toLowerCase();
  } catch {
    // Better Auth answers the malformed body itself.
  }
  const address = clientAddress(req);
  const requestId = crypto.randomUUID();
  try {
    await assertSignInAllowed(email, address);
  } catch (error) {
    const response = handleApiError(error, requestId);
    if (error instanceof RateLimitedError)
      response.headers.set("retry-after", String(error.retryAfterSeconds));
    return response;
  }
  const auth = await getAuth();
  const response = await auth.handler(new Request(req.url, { method: "POST", headers: req.headers, body }));
  if (response.status === 401) await recordSignInFailure(email, address);
  return response;
}

export async function POST(req: Request): Promise<Response> {
  if (new URL(req.url).pathname.endsWith("/sign-in/email")) return signInWithEmail(req);
  return (await getAuth()).handler(req);
}

export async function GET(req: Request): Promise<Response> {
  return (await getAuth()).handler(req);
}
