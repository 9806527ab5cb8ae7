import "server-only";
import type { TeamRole } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";
import { findUsableApiKey, touchApiKey } from "@/lib/api-keys/queries";
import type { Actor } from "@/lib/audit/actor-context";
import { readEnv } from "@/lib/env";
import { hashApiKey, looksLikeApiKey } from "./api-key-secret";
import { consumeApiKeyRequest } from "./rate-limit";
import { roleScopes, type Scope, scopes } from "./scopes";

/** Who is calling and what they may do. */
export interface Principal {
  via: "local" | "api_key" | "session";
  actor: Actor;
  scopes: readonly Scope[];
  /** The team member's role (sessions); local mode acts as an admin. */
  role: TeamRole | null;
}

const LOCAL_PRINCIPAL: Principal = { via: "local", actor: { type: "local" }, scopes, role: "admin" };

export function authMode(): "local" | "required" {
  return readEnv().AUTH_MODE;
}

function unauthorized(detail: string): ApiError {
  return new ApiError("unauthorized", detail);
}

async function principalFromKey(key: string): Promise<Principal> {
  // A malformed value cannot be a key: no need to ask the database.
  const row = looksLikeApiKey(key) ? await findUsableApiKey(hashApiKey(key)) : undefined;
  if (!row) throw unauthorized("The API key is unknown, revoked or expired.");
  await consumeApiKeyRequest(row.id);
  await touchApiKey(row.id);
  return {
    via: "api_key",
    actor: { type: "api_key", id: row.id, label: row.name },
    scopes: row.scopes as Scope[],
    role: null,
  };
}

async function principalFromSession(headers: Headers): Promise<Principal | null> {
  // Loaded on first use: local mode and API keys never need Better Auth.
  const { getAuth } = await import("./better-auth");
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const role = (session.user as { role?: TeamRole }).role ?? "viewer";
  return {
    via: "session",
    actor: { type: "user", id: session.user.id, label: session.user.email },
    scopes: roleScopes[role] ?? [],
    role,
  };
}

/**
 * Local mode: everyone on this machine, as an admin. Required mode: the API key in `Authorization: Bearer`,
 * else the session cookie, else null (no credentials). A key that is presented but not usable is a 401 even
 * if a cookie is there too, so a caller never silently acts as someone else.
 */
export async function authenticate(req: Request): Promise<Principal | null> {
  if (authMode() === "local") return LOCAL_PRINCIPAL;
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw unauthorized("The Authorization header must be `Bearer <API key>`.");
    return principalFromKey(match[1]);
  }
  if (!req.headers.get("cookie")) return null;
  return principalFromSession(req.headers);
}
