import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/response";
import { authMode } from "@/lib/auth/authenticate";
import { describePrincipal } from "@/lib/auth/me";
import { meSchema } from "@/lib/auth/schemas";

// GET /api/v1/me - the caller: the mode, who they are, their role and scopes (the dashboard hides what they cannot do)
export const GET = withApi({ scope: "authenticated" }, async ({ principal }) => {
  // withApi answers 401 before this runs when nobody is signed in, so a principal is always there.
  return json(meSchema, describePrincipal(principal as NonNullable<typeof principal>, authMode()));
});

export * from "@/lib/api/method-not-allowed";
