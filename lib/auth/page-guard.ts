import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authenticate, authMode, type Principal } from "./authenticate";
import { describePrincipal } from "./me";
import type { Me } from "./schemas";

/**
 * The visitor of this page request, or null (required mode, no session). Cached per request: the layout and
 * the page both ask, and a session lookup is a database read.
 */
export const pageVisitor = cache(async (): Promise<Principal | null> => {
  const incoming = await headers();
  return authenticate(new Request("http://dashboard.invalid/", { headers: incoming })).catch(() => null);
});

/**
 * What `GET /api/v1/me` would answer for this page request. The layout hands it to the browser's query cache,
 * so the header and every scope-gated control render in their final form from the first paint instead of
 * appearing (and shifting the page) when the browser has asked the API.
 */
export async function pageMe(): Promise<Me | null> {
  const principal = await pageVisitor();
  return principal ? describePrincipal(principal, authMode()) : null;
}

/**
 * Dashboard pages read their first screen through the services on the server, not through withApi, so each
 * such page checks the visitor itself: in required mode, without a session it goes to /sign-in.
 */
export async function requirePageVisitor(): Promise<Principal> {
  const principal = await pageVisitor();
  if (!principal) redirect("/sign-in");
  return principal;
}
