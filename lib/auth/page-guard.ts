import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authenticate, type Principal } from "./authenticate";

/**
 * Dashboard pages read their first screen through the services on the server, not through withApi, so each
 * such page checks the visitor itself: in required mode, without a session it goes to /sign-in.
 */
export async function requirePageVisitor(): Promise<Principal> {
  const incoming = await headers();
  const principal = await authenticate(new Request("http://dashboard.invalid/", { headers: incoming })).catch(
    () => null,
  );
  if (!principal) redirect("/sign-in");
  return principal;
}
