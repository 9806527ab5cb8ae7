import { afterEach, describe, expect, it, vi } from "vitest";
import { describeUnexpectedError, fromDatabaseError, handleApiError } from "./errors";

// What a failed statement looks like from drizzle: a wrapper whose message carries the SQL and every
// parameter, caused by the driver's error with the SQLSTATE.
function failedQuery(code: string, message: string) {
  const cause = Object.assign(new Error(message), { code });
  return Object.assign(
    new Error(`Failed query: insert into users (email) values ($1)\nparams: ada@example.com`),
    { query: "insert into users (email) values ($1)", params: ["ada@example.com"], cause },
  );
}

afterEach(() => vi.restoreAllMocks());

describe("unexpected errors", () => {
  it("are logged with the request id, the code and the SQLSTATE, never the parameters", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = failedQuery("XX000", 'internal failure near "ada@example.com"');
    const res = handleApiError(error, "req-123");
    expect(res.status).toBe(500);
    expect(res.headers.get("x-request-id")).toBe("req-123");
    expect((await res.json()).instance).toBe("urn:request:req-123");
    const logged = log.mock.calls.flat().join(" ");
    expect(logged).toContain("req-123");
    expect(logged).toContain("XX000");
    expect(logged).toContain("internal_error");
    expect(logged).not.toContain("ada@example.com");
  });

  it("drop a query wrapper without a SQLSTATE down to its cause", () => {
    const wrapper = Object.assign(new Error("Failed query: select $1\nparams: grace@example.com"), {
      query: "select $1",
      params: ["grace@example.com"],
      cause: new TypeError("bind message has 3 parameter formats but 0 parameters"),
    });
    const entry = describeUnexpectedError(wrapper, "r1");
    expect(entry).toMatchObject({ request_id: "r1", error: "TypeError" });
    expect(JSON.stringify(entry)).not.toContain("grace@example.com");
  });

  it("map the SQLSTATEs only bad input causes to 422", () => {
    for (const code of ["22021", "22P05", "22008", "22009", "54001"]) {
      expect(fromDatabaseError(failedQuery(code, "bad"))?.status, code).toBe(422);
    }
    expect(fromDatabaseError(failedQuery("XX000", "bad"))).toBeUndefined();
  });
});
