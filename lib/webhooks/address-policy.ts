import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { readEnv } from "@/lib/env";

// Loopback, private, link-local (cloud metadata), carrier-grade NAT, unspecified and unique-local ranges:
// a webhook URL that reaches them would let an API caller make this server probe its own network.
const privateRanges = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const) {
  privateRanges.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
] as const) {
  privateRanges.addSubnet(network, prefix, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return privateRanges.check(mapped[1], "ipv4");
  const family = isIP(address);
  if (family === 0) return false;
  return privateRanges.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** The auth mode (issue 11 sets it): only `required` deployments refuse private webhook URLs. */
export function privateWebhookUrlsRefused(): boolean {
  const env = readEnv();
  return env.AUTH_MODE === "required" && !env.WEBHOOK_ALLOW_PRIVATE;
}

/**
 * Why the URL may not be called, or null when it may. Checked when a webhook is saved and again before
 * every attempt, since a name can resolve elsewhere later.
 */
export async function refusedUrlReason(url: string): Promise<string | null> {
  if (!privateWebhookUrlsRefused()) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return `The host ${host} does not resolve`;
  }
  const blocked = addresses.find(isPrivateAddress);
  return blocked
    ? `The host ${host} resolves to a private or loopback address (${blocked}); set WEBHOOK_ALLOW_PRIVATE=true to allow it`
    : null;
}
