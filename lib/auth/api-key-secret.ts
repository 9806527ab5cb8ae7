import { createHash, randomBytes } from "node:crypto";

// A key is `as_` + 32 random bytes (256 bits): far beyond guessing, so a plain SHA-256 is enough to store it
// (a slow password hash protects low-entropy secrets, which these are not) and lets a request find its key
// by an indexed equality on the hash.
const KEY_PREFIX = "as_";
const keyShape = /^as_[A-Za-z0-9_-]{43}$/;

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, 10), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function looksLikeApiKey(value: string): boolean {
  return keyShape.test(value);
}
