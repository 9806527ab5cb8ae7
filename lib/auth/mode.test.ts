// The mode follows HOST unless AUTH_MODE says otherwise, and unsafe combinations stop the start (lib/env.ts,
// read by instrumentation.ts before anything is served).
import { afterEach, describe, expect, test } from "vitest";
import { isLoopbackHost, readEnv } from "@/lib/env";

const names = ["HOST", "AUTH_MODE", "AUTH_SECRET", "ADMIN_EMAIL", "ADMIN_PASSWORD"] as const;
const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));

function withEnv(values: Partial<Record<(typeof names)[number], string>>) {
  for (const name of names) delete process.env[name];
  Object.assign(process.env, values);
  return readEnv;
}

afterEach(() => {
  for (const name of names) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

const secret = "s".repeat(32);

describe("AUTH_MODE", () => {
  test("defaults to local on a loopback HOST (and HOST defaults to 127.0.0.1)", () => {
    expect(withEnv({})()).toMatchObject({ HOST: "127.0.0.1", AUTH_MODE: "local" });
    for (const host of ["localhost", "::1", "[::1]", "127.0.0.2"]) {
      expect(withEnv({ HOST: host })().AUTH_MODE, host).toBe("local");
    }
  });

  test("defaults to required on any other HOST, which then needs AUTH_SECRET", () => {
    expect(withEnv({ HOST: "0.0.0.0", AUTH_SECRET: secret })().AUTH_MODE).toBe("required");
    expect(withEnv({ HOST: "10.1.2.3", AUTH_SECRET: secret })().AUTH_MODE).toBe("required");
    expect(() => withEnv({ HOST: "0.0.0.0" })()).toThrow(/AUTH_SECRET.*at least 32 characters.*none is set/);
  });

  test("local on a non-loopback HOST is refused with the reason", () => {
    expect(() => withEnv({ HOST: "0.0.0.0", AUTH_MODE: "local" })()).toThrow(
      /AUTH_MODE: AUTH_MODE=local would let anyone who can reach HOST=0.0.0.0/,
    );
  });

  test("required needs a secret of at least 32 characters, also on loopback", () => {
    expect(() => withEnv({ AUTH_MODE: "required", AUTH_SECRET: "s".repeat(31) })()).toThrow(/too short/);
    expect(withEnv({ AUTH_MODE: "required", AUTH_SECRET: secret })().AUTH_MODE).toBe("required");
  });

  test("an unknown mode, and ADMIN_EMAIL without ADMIN_PASSWORD, are refused", () => {
    expect(() => withEnv({ AUTH_MODE: "open" })()).toThrow(/AUTH_MODE/);
    expect(() => withEnv({ ADMIN_EMAIL: "a@example.com" })()).toThrow(/ADMIN_PASSWORD/);
  });

  test("loopback addresses", () => {
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("LOCALHOST")).toBe(true);
    expect(isLoopbackHost("0.0.0.0")).toBe(false);
    expect(isLoopbackHost("::")).toBe(false);
    expect(isLoopbackHost("127.evil.com")).toBe(false);
  });
});
