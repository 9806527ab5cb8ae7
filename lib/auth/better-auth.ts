import { randomBytes } from "node:crypto";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { type Database, getDb } from "@/db/client";
import { authAccounts, authSessions, authVerifications, teamMembers } from "@/db/schema";
import { readEnv } from "@/lib/env";

// Better Auth keeps its four models in our tables (db/schema.ts, "issue 11" section) under our names and
// snake_case columns. Its "user" is a member of the team: our `users` table is the audience's profiles.
function createAuth(db: Database, secret: string) {
  return betterAuth({
    appName: "Audience Segments",
    secret,
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        team_members: teamMembers,
        auth_sessions: authSessions,
        auth_accounts: authAccounts,
        auth_verifications: authVerifications,
      },
    }),
    // Cookie-carrying requests from the browser must come from the page's own origin: the origin the request
    // was addressed to (its Host, which the request guards restrict to the configured names).
    // Behind `next start` the handler's URL may name the server's own hostname rather than the Host the browser
    // used, so the Host header's origin is trusted too.
    trustedOrigins: (request) => {
      if (!request) return [];
      const url = new URL(request.url);
      const host = request.headers.get("host");
      return [url.origin, host ? `${url.protocol}//${host}` : null];
    },
    emailAndPassword: {
      enabled: true,
      // Team members are created by an administrator (POST /api/v1/team-members, admin:create), never by
      // whoever reaches the sign-up endpoint.
      disableSignUp: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
    },
    user: {
      modelName: "team_members",
      fields: { emailVerified: "email_verified", createdAt: "created_at", updatedAt: "updated_at" },
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "viewer", input: false },
      },
    },
    session: {
      modelName: "auth_sessions",
      fields: {
        userId: "user_id",
        expiresAt: "expires_at",
        ipAddress: "ip_address",
        userAgent: "user_agent",
        createdAt: "created_at",
        updatedAt: "updated_at",
      },
    },
    account: {
      modelName: "auth_accounts",
      fields: {
        accountId: "account_id",
        providerId: "provider_id",
        userId: "user_id",
        accessToken: "access_token",
        refreshToken: "refresh_token",
        idToken: "id_token",
        accessTokenExpiresAt: "access_token_expires_at",
        refreshTokenExpiresAt: "refresh_token_expires_at",
        createdAt: "created_at",
        updatedAt: "updated_at",
      },
    },
    verification: {
      modelName: "auth_verifications",
      fields: { expiresAt: "expires_at", createdAt: "created_at", updatedAt: "updated_at" },
    },
    // Sign-in failures are throttled per account and per address by our own limiter
    // (lib/auth/sign-in-throttle.ts), which counts failures only; Better Auth's counts every request.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: { database: { generateId: "uuid" } },
  });
}

export type Auth = ReturnType<typeof createAuth>;

// In local mode nobody needs to sign in, so a missing AUTH_SECRET is replaced by one for this process
// (sessions then end with it). Required mode refuses to start without one (lib/env.ts).
let processSecret: string | undefined;

function authSecret(): string {
  const configured = readEnv().AUTH_SECRET;
  if (configured && configured.length >= 32) return configured;
  processSecret ??= randomBytes(32).toString("base64url");
  return processSecret;
}

// One instance per database client: tests open a database per file, the server one per process.
const instances = new WeakMap<Database, Auth>();

export async function getAuth(): Promise<Auth> {
  const db = await getDb();
  let auth = instances.get(db);
  if (!auth) {
    auth = createAuth(db, authSecret());
    instances.set(db, auth);
  }
  return auth;
}
