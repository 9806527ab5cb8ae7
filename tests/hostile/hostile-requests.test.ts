import { beforeAll, describe, expect, it } from "vitest";
import { criteriaLimits } from "@/lib/criteria/parse-criteria";
import { MAX_BULK_IDENTIFIERS } from "@/lib/members/schemas";
import { operations } from "@/lib/openapi/document";
import type { Operation } from "@/lib/openapi/operation";
import { MAX_EVENTS_PER_BATCH } from "@/lib/personalized/schemas";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";

// Walks every operation of the OpenAPI document and every field of a valid body, and sends what a hostile
// client would: NUL characters, huge strings, deep nesting, wrong types, dates outside what PostgreSQL
// stores, numbers at the edges, parameter bombs at the limits. Whatever happens, no 5xx, and every error
// is problem+json carrying the request id.

const DEEP = "__deep__";
const deepJson = (depth: number) => `${"[".repeat(depth)}1${"]".repeat(depth)}`;

const hostileValues: unknown[] = [
  "a\u0000b",
  "x".repeat(300_000),
  DEEP,
  12_345,
  true,
  null,
  {},
  [],
  { "\u0000": 1 },
  1e308,
  -1,
];

/** For fields that hold a date: what JavaScript parses and PostgreSQL cannot store. */
const hostileDates = ["-271821-04-20T00:00:00Z", "+275760-09-13T00:00:00.000Z", "0000-01-01T00:00:00Z"];
const holdsDate = (value: unknown) => typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value);

const hostileQueryValues = [
  "a\u0000b",
  "x".repeat(20_000),
  "-1",
  "1e999",
  "-271821-04-20T00:00:00Z",
  "",
  "NaN",
];

const hostilePathValues = ["not-a-uuid", "\u0000", "x".repeat(5000), "00000000-0000-0000-0000-000000000000"];

interface Fixtures {
  segment_id: string;
  user_id: string;
  persona_id: string;
  content_id: string;
  personalized_id: string;
  email: string;
}

let ids: Fixtures;
const criteria = { age_range: [20, 60], any: [{ field: "traits.plan", op: "in", value: ["pro", 1, true] }] };

/** A valid body for each operation that takes one: the schema's example, or one written here. */
function baseBody(op: Operation): Record<string, unknown> | undefined {
  const key = `${op.method} ${op.path}`;
  const written: Record<string, Record<string, unknown>> = {
    "post /api/v1/segments": { segment_name: uniqueName("Hostile"), criteria, membership_mode: "dynamic" },
    "put /api/v1/segments/{segment_id}": {
      segment_name: "Hostile base",
      description: "base",
      criteria,
      strategy: "hybrid",
      status: "active",
      membership_mode: "manual",
      persona_id: ids.persona_id,
    },
    "patch /api/v1/segments/{segment_id}": { description: "patched", criteria },
    "post /api/v1/segments/estimate": { criteria },
    "post /api/v1/segments/{segment_id}/members/{user_id}": {
      confidence_score: 0.5,
      assignment_reason: { note: "hostile", nested: { list: [1, "two"] } },
    },
    "post /api/v1/segments/{segment_id}/members": {
      user_ids: [ids.user_id],
      emails: [ids.email],
      external_ids: ["hostile-external"],
      confidence_score: 0.5,
      assignment_reason: { note: "bulk" },
      skip_unknown: true,
    },
    "post /api/v1/segments/{segment_id}/members/remove": {
      user_ids: ["00000000-0000-0000-0000-000000000000"],
      emails: ["nobody@example.com"],
      external_ids: ["nobody"],
    },
    "post /api/v1/segments/personalized": {
      content_id: ids.content_id,
      segment_id: ids.segment_id,
      variant_id: "hostile",
      is_control: false,
      published_at: "2025-01-01T00:00:00Z",
    },
    "patch /api/v1/segments/personalized/{personalized_id}": {
      variant_id: "variant_h",
      is_control: false,
      published_at: "2025-01-01T00:00:00Z",
    },
    "post /api/v1/segments/personalized/{personalized_id}/performance": {
      views: 1,
      engagement: 1,
      conversions: 1,
      mode: "increment",
    },
    "post /api/v1/segments/personalized/events": {
      events: [
        {
          personalized_content_id: ids.personalized_id,
          type: "view",
          count: 1,
          occurred_at: "2025-01-01T00:00:00Z",
        },
      ],
    },
  };
  if (written[key]) return written[key];
  const example = (op.body?.meta() as { examples?: Record<string, unknown>[] } | undefined)?.examples?.[0];
  return example ? structuredClone(example) : op.body ? {} : undefined;
}

function valueAt(body: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], body);
}

/** Every path to a value in the body: object keys, and the first item of each array. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = path.length > 0 ? [path] : [];
  if (Array.isArray(value)) return value.length > 0 ? [...here, ...leafPaths(value[0], [...path, 0])] : here;
  if (value && typeof value === "object") {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]))];
  }
  return here;
}

function withValue(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

const serialise = (body: unknown) => JSON.stringify(body).replaceAll(`"${DEEP}"`, deepJson(5000));

/** Bodies at and past the limits: lists of values, identifiers and events. */
function parameterBombs(op: Operation, body: Record<string, unknown>): unknown[] {
  const bombs: unknown[] = [];
  if ("criteria" in body) {
    const { maxConditions, maxListLength, maxTotalValues } = criteriaLimits;
    const list = (n: number, offset: number) => Array.from({ length: n }, (_, j) => offset + j);
    const atLimit = Array.from({ length: maxConditions }, (_, i) =>
      i < maxTotalValues / maxListLength
        ? { field: `traits.k${i}`, op: "not_in", value: list(maxListLength, i * maxListLength) }
        : { field: `traits.n${i}`, op: "between", value: [0, i] },
    );
    const overBudget = atLimit.map((rule, i) => ({
      ...rule,
      op: "in",
      value: list(maxListLength, i * 1000),
    }));
    let deep: Record<string, unknown> = { age_range: [1, 2] };
    for (let i = 0; i < 10; i++) deep = { not: deep };
    bombs.push(
      { ...body, criteria: { all: atLimit } },
      { ...body, criteria: { all: overBudget.slice(0, 60) } },
      { ...body, criteria: deep },
      { ...body, criteria: { field: "last_active_at", op: "gt", value: "-271821-04-20T00:00:00Z" } },
      {
        ...body,
        criteria: {
          all: [
            {
              field: "created_at",
              op: "between",
              value: ["0001-01-01T00:00:00Z", "+275760-09-13T00:00:00Z"],
            },
          ],
        },
      },
    );
  }
  if ("user_ids" in body) {
    const uuids = (n: number) => Array.from({ length: n }, () => crypto.randomUUID());
    bombs.push({ ...body, user_ids: uuids(MAX_BULK_IDENTIFIERS), emails: [], external_ids: [] });
    bombs.push({ ...body, user_ids: uuids(MAX_BULK_IDENTIFIERS + 1), emails: [], external_ids: [] });
  }
  if ("events" in body) {
    const event = (body.events as unknown[])[0];
    bombs.push({ events: Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, () => event) });
  }
  if (op.path === "/api/v1/users/bulk") {
    bombs.push({ users: Array.from({ length: 10_001 }, () => ({})) });
  }
  return bombs;
}

function concretePath(op: Operation, overrides: Record<string, string> = {}): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(overrides[name] ?? ids[name as keyof Fixtures] ?? crypto.randomUUID()),
  );
}

interface Outcome {
  request: string;
  status: number;
  problem: string | undefined;
}

const failures: Outcome[] = [];
let sent = 0;

async function send(op: Operation, path: string, init: { body?: unknown; rawBody?: string; label: string }) {
  sent += 1;
  const rawBody = init.rawBody ?? (init.body === undefined ? undefined : serialise(init.body));
  const res = await api(op.method.toUpperCase(), path, undefined, rawBody === undefined ? {} : { rawBody });
  const type = res.headers.get("content-type") ?? "";
  const request = `${op.method.toUpperCase()} ${op.path} ${init.label}`;
  if (res.status >= 500) failures.push({ request, status: res.status, problem: JSON.stringify(res.body) });
  else if (res.status >= 400) {
    const body = res.body as { status?: number; instance?: string };
    const requestId = res.headers.get("x-request-id");
    const wellFormed =
      type.includes("application/problem+json") &&
      body?.status === res.status &&
      !!requestId &&
      body.instance === `urn:request:${requestId}`;
    if (!wellFormed) failures.push({ request, status: res.status, problem: `not problem+json: ${type}` });
  }
}

// DELETE would remove the fixtures the other operations aim at: it gets hostile ids only.
const isDelete = (op: Operation) => op.method === "delete";

beforeAll(async () => {
  const tag = uniqueName("hostile").replace(/\W+/g, "-").toLowerCase();
  const persona = await api("POST", "/api/v1/personas", { name: uniqueName("Hostile persona") });
  const content = await api("POST", "/api/v1/content", { title: "Hostile", persona_id: persona.body.id });
  const segment = await api("POST", "/api/v1/segments", {
    segment_name: uniqueName("Hostile fixture"),
    criteria,
    persona_id: persona.body.id,
  });
  const email = `${tag}@example.com`;
  const user = await api("POST", "/api/v1/users", { email, age: 30, traits: { plan: "pro" } });
  await api("POST", `/api/v1/segments/${segment.body.id}/members/${user.body.id}`);
  const personalized = await api("POST", "/api/v1/segments/personalized", {
    content_id: content.body.id,
    segment_id: segment.body.id,
    variant_id: "fixture",
  });
  ids = {
    segment_id: segment.body.id,
    user_id: user.body.id,
    persona_id: persona.body.id,
    content_id: content.body.id,
    personalized_id: personalized.body.id,
    email,
  };
  for (const [name, id] of Object.entries(ids)) expect(id, name).toBeTruthy();
});

describe("hostile requests against every documented operation", () => {
  it("are answered without a 5xx, with problem+json for every error", async () => {
    for (const op of operations) {
      for (const [name] of Object.entries(op.pathParams ?? {})) {
        for (const value of hostilePathValues) {
          await send(op, concretePath(op, { [name]: value }), {
            label: `path ${name}=${value.slice(0, 20)}`,
          });
        }
      }
      if (isDelete(op)) continue;
      const path = concretePath(op);
      for (const key of Object.keys(op.query?.shape ?? {})) {
        for (const value of hostileQueryValues) {
          const url = `${path}?${new URLSearchParams({ [key]: value })}`;
          await send(op, url, { label: `query ${key}=${JSON.stringify(value.slice(0, 20))}` });
        }
        await send(op, `${path}?${key}=1&${key}=2`, { label: `query ${key} twice` });
      }
      await send(op, `${path}?%00=1`, { label: "query NUL key" });
      const body = baseBody(op);
      if (body === undefined) continue;
      await send(op, path, { body, label: "valid body" });
      for (const raw of ["null", "[]", '"text"', "{", "1e999", deepJson(100_000), '{"\\u0000":1}']) {
        await send(op, path, { rawBody: raw, label: `raw ${raw.slice(0, 12)}` });
      }
      for (const fieldPath of leafPaths(body)) {
        const values = holdsDate(valueAt(body, fieldPath))
          ? [...hostileValues, ...hostileDates]
          : hostileValues;
        for (const value of values) {
          const label = `body ${fieldPath.join(".")}=${JSON.stringify(value)?.slice(0, 24)}`;
          await send(op, path, { body: withValue(body, fieldPath, value), label });
        }
      }
      for (const [i, bomb] of parameterBombs(op, body).entries()) {
        await send(op, path, { body: bomb, label: `parameter bomb ${i}` });
      }
    }
    expect(sent).toBeGreaterThan(2000);
    expect(failures.slice(0, 25), `${failures.length} of ${sent} requests failed`).toEqual([]);
  }, 300_000);

  it("answers 413 to a body over the limit sent without a Content-Length", async () => {
    const op = operations.find((o) => o.method === "post" && o.path === "/api/v1/personas") as Operation;
    const chunk = new TextEncoder().encode(`{"name":"${"x".repeat(64 * 1024)}`);
    let sentChunks = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sentChunks += 1;
        if (sentChunks > 40) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const { POST } = await import("@/app/api/v1/personas/route");
    const req = new Request("http://localhost/api/v1/personas", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(req.headers.get("content-length")).toBeNull();
    const res = await POST(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(op).toBeDefined();
  });
});
