import { z } from "zod";
import type { TeamRole } from "@/db/schema";

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
export const scopeSchema = z.enum(scopes);

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
