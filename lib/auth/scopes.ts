import type { TeamRole } from "@/db/schema";

// No zod here: the dashboard's header checks scopes on every page, and zod would ship with it (scopeSchema is in
// ./schemas).

/** What an API key may be allowed to do; each route declares the one it needs (withApi({ scope })). */
export const scopes = [
  "segments:read",
  "segments:write",
  "members:write",
  "content:write",
  "users:read",
  "users:write",
  "events:write",
  "decide",
  "admin",
] as const;

export type Scope = (typeof scopes)[number];

/**
 * A route's requirement: a scope; `authenticated` for any caller with valid credentials (who am I);
 * `public` for the few answered without credentials (health, the OpenAPI document).
 */
export type RouteAccess = Scope | "authenticated" | "public";

// A team member's role stands for a fixed set of scopes, so sessions and keys are checked the same way.
// Editors change segments, members, content and experiments; viewers only read.
export const roleScopes: Record<TeamRole, readonly Scope[]> = {
  admin: scopes,
  editor: ["segments:read", "segments:write", "members:write", "content:write", "users:read", "decide"],
  viewer: ["segments:read", "users:read"],
};

/** `admin` is everything: a key or member holding it passes every check. */
export function grants(held: readonly Scope[], needed: Scope): boolean {
  return held.includes(needed) || held.includes("admin");
}
