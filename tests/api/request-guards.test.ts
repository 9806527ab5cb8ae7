import { afterEach, describe, expect, it } from "vitest";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";

const segmentBody = () => ({ segment_name: uniqueName("Guarded"), criteria: { age_range: [20, 60] } });

async function segmentNamed(name: string) {
  const res = await api("GET", `/api/v1/segments?search=${encodeURIComponent(name)}`);
  return res.body.items as unknown[];
}

afterEach(() => {
  delete process.env.ALLOWED_HOSTS;
  delete process.env.HOST;
});

describe("Host header (DNS rebinding)", () => {
  it.each(["localhost:3000", "127.0.0.1", "127.0.0.1:8080", "[::1]:3000", "LOCALHOST:1"])(
    "answers %s",
    async (host) => {
      const res = await api("GET", "/api/v1/segments/health", undefined, { headers: { host } });
      expect(res.status).toBe(200);
    },
  );

  it.each([
    "evil.example",
    "evil.example:3000",
    "localhost.evil.example",
    "127.0.0.2:3000",
    "localhost:3000/x",
  ])("refuses %j with 421 problem+json, before any work", async (host) => {
    const body = segmentBody();
    const res = await api("POST", "/api/v1/segments", body, { headers: { host } });
    expect(res.status).toBe(421);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.code).toBe("misdirected_request");
    expect(await segmentNamed(body.segment_name)).toHaveLength(0);
  });

  it("answers the hosts in HOST and ALLOWED_HOSTS, with or without their port", async () => {
    process.env.HOST = "10.0.0.5";
    process.env.ALLOWED_HOSTS = "segments.example.com, admin.example.com:8443";
    const status = async (host: string) =>
      (await api("GET", "/api/v1/segments/health", undefined, { headers: { host } })).status;
    expect(await status("10.0.0.5:3000")).toBe(200);
    expect(await status("segments.example.com")).toBe(200);
    expect(await status("segments.example.com:443")).toBe(200);
    expect(await status("admin.example.com:8443")).toBe(200);
    expect(await status("admin.example.com:8444")).toBe(421);
    expect(await status("other.example.com")).toBe(421);
  });
});

describe("request body types", () => {
  it("refuses a text/plain POST (a browser sends one cross-site without a preflight) with 415, creating nothing", async () => {
    const body = segmentBody();
    const res = await api("POST", "/api/v1/segments", undefined, {
      rawBody: JSON.stringify(body),
      headers: { "content-type": "text/plain;charset=UTF-8" },
    });
    expect(res.status).toBe(415);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.code).toBe("unsupported_media_type");
    expect(await segmentNamed(body.segment_name)).toHaveLength(0);
  });

  it.each(["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/csv"])(
    "refuses %s with 415",
    async (type) => {
      const res = await api("PUT", "/api/v1/segments/00000000-0000-4000-8000-000000000000", undefined, {
        rawBody: "a=1",
        headers: { "content-type": type },
      });
      expect(res.status).toBe(415);
    },
  );

  it("accepts JSON with parameters and +json types", async () => {
    for (const type of [
      "application/json; charset=utf-8",
      "Application/JSON",
      "application/merge-patch+json",
    ]) {
      const res = await api("POST", "/api/v1/segments", undefined, {
        rawBody: JSON.stringify(segmentBody()),
        headers: { "content-type": type },
      });
      expect(res.status, type).toBe(201);
    }
  });

  it("lets a POST without a body through without a type (refresh, reallocate)", async () => {
    const created = await api("POST", "/api/v1/segments", segmentBody());
    const res = await api("POST", `/api/v1/segments/${created.body.id}/refresh`);
    expect(res.status).toBe(200);
  });
});

describe("Origin of writes (cross-site requests)", () => {
  it("refuses a write from another origin with 403 problem+json, creating nothing", async () => {
    const body = segmentBody();
    const res = await api("POST", "/api/v1/segments", body, { headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.code).toBe("forbidden");
    expect(await segmentNamed(body.segment_name)).toHaveLength(0);
  });

  it.each(["null", "http://localhost:3001", "http://127.0.0.1:3000"])(
    "refuses Origin %s on a delete",
    async (origin) => {
      const created = await api("POST", "/api/v1/segments", segmentBody());
      const res = await api("DELETE", `/api/v1/segments/${created.body.id}`, undefined, {
        headers: { origin },
      });
      expect(res.status).toBe(403);
      expect((await api("GET", `/api/v1/segments/${created.body.id}`)).status).toBe(200);
    },
  );

  it("accepts writes from our own origin and from clients that send no Origin", async () => {
    const own = await api("POST", "/api/v1/segments", segmentBody(), {
      headers: { origin: "http://localhost:3000" },
    });
    expect(own.status).toBe(201);
    const bare = await api("POST", "/api/v1/segments", segmentBody());
    expect(bare.status).toBe(201);
  });

  it("leaves reads alone whatever their origin", async () => {
    const res = await api("GET", "/api/v1/segments/health", undefined, {
      headers: { origin: "https://evil.example" },
    });
    expect(res.status).toBe(200);
  });
});
