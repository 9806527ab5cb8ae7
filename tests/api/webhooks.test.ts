import { sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import { applyRetention } from "@/lib/retention/retention-job";
import { runDispatcherPass } from "@/lib/webhooks/dispatcher";
import { deliveryPageSchema, webhookSchema, webhookWithSecretSchema } from "@/lib/webhooks/schemas";
import { api } from "../support/api";
import { bearer, keyWith, TEST_AUTH_SECRET } from "../support/auth";
import { uniqueName } from "../support/factories";
import { seedUsers } from "../support/seed-users";
import { headerRecord, startReceiver } from "../support/webhook-receiver";

beforeAll(async () => {
  await getDb();
});

const savedEnv = { ...process.env };
afterEach(() => {
  for (const key of ["AUTH_MODE", "WEBHOOK_ALLOW_PRIVATE", "WEBHOOK_RETRY_HOURS"]) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

async function createSegment(body: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/v1/segments", {
    segment_name: uniqueName("Hooked"),
    criteria: {},
    ...body,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

async function createWebhook(body: Record<string, unknown>) {
  const res = await api("POST", "/api/v1/webhooks", body);
  expect(res.status).toBe(201);
  return webhookWithSecretSchema.parse(res.body);
}

async function deliveries(webhookId: string) {
  const res = await api("GET", `/api/v1/webhooks/${webhookId}/deliveries?limit=200`);
  expect(res.status).toBe(200);
  return deliveryPageSchema.parse(res.body).items;
}

/** Makes every waiting delivery due now: the backoff itself is checked on the stored times. */
async function makeRetriesDue() {
  const db = await getDb();
  await db.execute(sql`update webhook_deliveries set next_attempt_at = now() where status = 'pending'`);
}

describe("webhooks CRUD", () => {
  it("creates with a generated secret shown once, reads, changes and deletes", async () => {
    const segment = await createSegment();
    const created = await createWebhook({ url: "https://hooks.example.com/a", segment_ids: [segment.id] });
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.events).toEqual(["segment.member_joined", "segment.member_left", "segment.updated"]);
    expect(created.secret_hint).toBe(created.secret.slice(-4));
    const read = await api("GET", `/api/v1/webhooks/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.body.secret).toBeUndefined();
    webhookSchema.parse(read.body);
    const patched = await api("PATCH", `/api/v1/webhooks/${created.id}`, {
      events: ["segment.member_left"],
      enabled: false,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ events: ["segment.member_left"], enabled: false });
    expect(patched.body.secret).toBeUndefined();
    const listed = await api("GET", `/api/v1/webhooks?segment_id=${segment.id}`);
    expect(listed.body.items.map((w: { id: string }) => w.id)).toContain(created.id);
    const other = await createSegment();
    const elsewhere = await api("GET", `/api/v1/webhooks?segment_id=${other.id}`);
    expect(elsewhere.body.items.map((w: { id: string }) => w.id)).not.toContain(created.id);
    expect((await api("DELETE", `/api/v1/webhooks/${created.id}`)).status).toBe(204);
    expect((await api("GET", `/api/v1/webhooks/${created.id}`)).status).toBe(404);
  });

  it("keeps a given whsec_ secret and answers 422 naming the field for bad input", async () => {
    const secret = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
    const kept = await createWebhook({ url: "https://hooks.example.com/b", secret });
    expect(kept.secret).toBe(secret);
    const cases: [Record<string, unknown>, string][] = [
      [{ url: "ftp://example.com" }, "url"],
      [{ url: "https://example.com", events: ["segment.exploded"] }, "events.0"],
      [{ url: "https://example.com", events: [] }, "events"],
      [{ url: "https://example.com", secret: "hunter2" }, "secret"],
      [{ url: "https://example.com", segment_ids: ["nope"] }, "segment_ids.0"],
      [{ url: "https://example.com", extra: 1 }, "(root)"],
    ];
    for (const [body, field] of cases) {
      const res = await api("POST", "/api/v1/webhooks", body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const unknown = await api("POST", "/api/v1/webhooks", {
      url: "https://example.com",
      segment_ids: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe("segment_ids.0");
  });

  it("refuses private and loopback URLs in required auth mode unless WEBHOOK_ALLOW_PRIVATE=true", async () => {
    process.env.AUTH_MODE = "required";
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    try {
      const admin = bearer((await keyWith(["admin"])).key);
      const create = (url: string) => api("POST", "/api/v1/webhooks", { url }, { headers: admin });
      for (const url of [
        "http://127.0.0.1:9/x",
        "http://10.1.2.3/x",
        "http://[::1]/x",
        "http://169.254.169.254/",
      ]) {
        const res = await create(url);
        expect(res.status, url).toBe(422);
        expect(res.body.errors[0].field).toBe("url");
      }
      expect((await create("http://localhost:9/x")).status).toBe(422);
      process.env.WEBHOOK_ALLOW_PRIVATE = "true";
      expect((await create("http://127.0.0.1:9/x")).status).toBe(201);
    } finally {
      process.env.AUTH_MODE = "local";
      delete process.env.AUTH_SECRET;
      delete process.env.WEBHOOK_ALLOW_PRIVATE;
    }
    expect((await api("POST", "/api/v1/webhooks", { url: "http://127.0.0.1:9/x" })).status).toBe(201);
  });
});

describe("webhook delivery", () => {
  it("signs deliveries so that the library's Webhook.verify accepts them, and logs them", async () => {
    const receiver = await startReceiver();
    try {
      const segment = await createSegment();
      const hook = await createWebhook({ url: receiver.url, segment_ids: [segment.id] });
      const [person] = await seedUsers(1);
      expect((await api("POST", `/api/v1/segments/${segment.id}/members/${person.id}`)).status).toBe(201);
      await runDispatcherPass();
      expect(receiver.received).toHaveLength(1);
      const [request] = receiver.received;
      const verified = new Webhook(hook.secret).verify(request.body, headerRecord(request.headers)) as {
        type: string;
        data: { segment_id: string; members: { user_id: string; source: string }[] };
      };
      expect(verified.type).toBe("segment.member_joined");
      expect(verified.data.segment_id).toBe(segment.id);
      expect(verified.data.members).toMatchObject([{ user_id: person.id, source: "manual" }]);
      // A wrong secret or a changed body does not verify.
      const other = new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`);
      expect(() => other.verify(request.body, headerRecord(request.headers))).toThrow();
      expect(() =>
        new Webhook(hook.secret).verify(
          request.body.replace(person.id, segment.id),
          headerRecord(request.headers),
        ),
      ).toThrow();
      const [logged] = await deliveries(hook.id);
      expect(logged).toMatchObject({
        status: "delivered",
        attempts: 1,
        last_status_code: 204,
        last_error: null,
      });
      expect(logged.id).toBe(request.headers["webhook-id"]);
      expect(logged.last_latency_ms).toBeGreaterThanOrEqual(0);
    } finally {
      await receiver.close();
    }
  });

  it("retries with the same webhook-id and growing backoff, and delivers once the receiver answers", async () => {
    const receiver = await startReceiver({ failFirst: 2 });
    try {
      const segment = await createSegment();
      const hook = await createWebhook({ url: receiver.url, segment_ids: [segment.id] });
      const [person] = await seedUsers(1);
      await api("POST", `/api/v1/segments/${segment.id}/members/${person.id}`);
      const db = await getDb();
      const delay = async () => {
        const [row] = await queryRows<{ seconds: number }>(
          db,
          sql`select extract(epoch from next_attempt_at - last_attempt_at)::float8 as seconds
            from webhook_deliveries where webhook_id = ${hook.id}::uuid`,
        );
        return Number(row.seconds);
      };
      await runDispatcherPass();
      let [logged] = await deliveries(hook.id);
      expect(logged).toMatchObject({ status: "pending", attempts: 1, last_status_code: 500 });
      expect(logged.last_error).toContain("500");
      expect(await delay()).toBeGreaterThanOrEqual(4);
      expect(await delay()).toBeLessThanOrEqual(6);
      // Not due yet: nothing is sent.
      await runDispatcherPass();
      expect(receiver.received).toHaveLength(1);
      await makeRetriesDue();
      await runDispatcherPass();
      expect(await delay()).toBeGreaterThanOrEqual(24);
      expect(await delay()).toBeLessThanOrEqual(36);
      await makeRetriesDue();
      await runDispatcherPass();
      [logged] = await deliveries(hook.id);
      expect(logged).toMatchObject({ status: "delivered", attempts: 3 });
      const ids = new Set(receiver.received.map((r) => r.headers["webhook-id"]));
      expect(receiver.received).toHaveLength(3);
      expect(ids.size).toBe(1);
      for (const request of receiver.received) {
        expect(() =>
          new Webhook(hook.secret).verify(request.body, headerRecord(request.headers)),
        ).not.toThrow();
      }
    } finally {
      await receiver.close();
    }
  });

  it("delivers a segment's changes in order: a leave waits for its join", async () => {
    const receiver = await startReceiver({ failFirst: 1 });
    try {
      const segment = await createSegment();
      const hook = await createWebhook({ url: receiver.url, segment_ids: [segment.id] });
      const [person] = await seedUsers(1);
      await api("POST", `/api/v1/segments/${segment.id}/members/${person.id}`);
      await api("DELETE", `/api/v1/segments/${segment.id}/members/${person.id}`);
      await api("POST", `/api/v1/segments/${segment.id}/members/${person.id}`);
      await runDispatcherPass();
      // The join failed: the leave behind it was not sent.
      expect(receiver.received).toHaveLength(1);
      for (let i = 0; i < 5; i++) {
        await makeRetriesDue();
        await runDispatcherPass();
      }
      const types = receiver.received.map((r) => (JSON.parse(r.body) as { type: string }).type);
      expect(types).toEqual([
        "segment.member_joined",
        "segment.member_joined",
        "segment.member_left",
        "segment.member_joined",
      ]);
      expect((await deliveries(hook.id)).every((d) => d.status === "delivered")).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it("marks a delivery failed after the retry window, lets the next go, and sends it again on Retry", async () => {
    process.env.WEBHOOK_RETRY_HOURS = "0";
    const receiver = await startReceiver({ failFirst: 1 });
    try {
      const segment = await createSegment();
      const hook = await createWebhook({ url: receiver.url, segment_ids: [segment.id] });
      const [a, b] = await seedUsers(2);
      await api("POST", `/api/v1/segments/${segment.id}/members/${a.id}`);
      await api("POST", `/api/v1/segments/${segment.id}/members/${b.id}`);
      await runDispatcherPass();
      const log = await deliveries(hook.id);
      const failed = log.find((d) => d.status === "failed");
      expect(failed).toBeDefined();
      expect(log.find((d) => d.status === "delivered")).toBeDefined();
      const retried = await api("POST", `/api/v1/webhooks/${hook.id}/deliveries/${failed?.id}/retry`);
      expect(retried.status).toBe(202);
      expect(retried.body.status).toBe("pending");
      await runDispatcherPass();
      expect((await deliveries(hook.id)).every((d) => d.status === "delivered")).toBe(true);
      const again = await api("POST", `/api/v1/webhooks/${hook.id}/deliveries/${failed?.id}/retry`);
      expect(again.status).toBe(409);
      expect(receiver.received.filter((r) => r.headers["webhook-id"] === failed?.id)).toHaveLength(2);
    } finally {
      await receiver.close();
    }
  });

  it("sends a signed test message on Send test", async () => {
    const receiver = await startReceiver();
    try {
      const hook = await createWebhook({ url: receiver.url });
      const res = await api("POST", `/api/v1/webhooks/${hook.id}/test`);
      expect(res.status).toBe(202);
      await runDispatcherPass();
      const request = receiver.received.find((r) => r.headers["webhook-id"] === res.body.id);
      expect(request).toBeDefined();
      const payload = new Webhook(hook.secret).verify(
        request?.body ?? "",
        headerRecord(request?.headers ?? {}),
      );
      expect(payload).toMatchObject({ type: "webhook.test" });
      expect((await deliveries(hook.id)).find((d) => d.id === res.body.id)?.status).toBe("delivered");
    } finally {
      await receiver.close();
    }
  });
});

describe("the outbox covers every writer", () => {
  it("writes one message member for every membership event, whichever path wrote it, in the same transaction", async () => {
    const hook = await createWebhook({ url: "https://hooks.example.com/all", enabled: true });
    const db = await getDb();
    const people = await seedUsers([{ age: 30 }, { age: 30 }, { age: 30 }, { age: 50 }, { age: 50 }]);
    const manual = await createSegment();
    const base = `/api/v1/segments/${manual.id}/members`;
    // Single add, bulk add, single remove, bulk remove.
    await api("POST", `${base}/${people[0].id}`);
    await api("POST", base, { user_ids: [people[1].id, people[2].id] });
    await api("DELETE", `${base}/${people[0].id}`);
    await api("DELETE", base, { user_ids: [people[1].id] });
    // A dynamic segment: created (criteria members), re-evaluated on a profile change, refreshed.
    const dynamic = await createSegment({ criteria: { age_range: [25, 35] }, membership_mode: "dynamic" });
    await api("PATCH", `/api/v1/users/${people[3].id}`, { age: 31 });
    await api("PATCH", `/api/v1/users/${people[0].id}`, { age: 60 });
    await api("PATCH", `/api/v1/segments/${dynamic.id}`, { criteria: { age_range: [25, 55] } });
    await api("POST", `/api/v1/segments/${dynamic.id}/refresh`);
    // Deleting a user leaves every segment.
    await api("DELETE", `/api/v1/users/${people[2].id}`);

    const [counts] = await queryRows<{ events: number; members: number; updates: number; revisions: number }>(
      db,
      sql`select
          (select count(*)::int from segment_membership_events e
            where e.segment_id in (${manual.id}::uuid, ${dynamic.id}::uuid)) as events,
          (select coalesce(sum(jsonb_array_length(d.payload->'data'->'members')), 0)::int from webhook_deliveries d
            where d.webhook_id = ${hook.id}::uuid and d.event_type <> 'segment.updated') as members,
          (select count(*)::int from webhook_deliveries d
            where d.webhook_id = ${hook.id}::uuid and d.event_type = 'segment.updated') as updates,
          (select count(*)::int from segment_revisions r
            where r.segment_id in (${manual.id}::uuid, ${dynamic.id}::uuid)) as revisions`,
    );
    expect(counts.events).toBeGreaterThanOrEqual(10);
    expect(counts.members).toBe(counts.events);
    expect(counts.updates).toBe(counts.revisions);
    // Each delivery's members are exactly the events of its commit, matched by user and type.
    const [mismatch] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from segment_membership_events e
        where e.segment_id in (${manual.id}::uuid, ${dynamic.id}::uuid)
          and not exists (
            select 1 from webhook_deliveries d, jsonb_array_elements(d.payload->'data'->'members') m
            where d.webhook_id = ${hook.id}::uuid and d.segment_id = e.segment_id
              and m->>'user_id' = e.user_id::text
              and d.event_type = case e.event when 'join' then 'segment.member_joined' else 'segment.member_left' end
          )`,
    );
    expect(mismatch.n).toBe(0);
  });

  it("writes nothing when the change rolls back", async () => {
    const hook = await createWebhook({ url: "https://hooks.example.com/rollback" });
    const segment = await createSegment();
    const [person] = await seedUsers(1);
    const db = await getDb();
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(
          sql`insert into segment_membership_events (segment_id, user_id, event, source)
            values (${segment.id}::uuid, ${person.id}::uuid, 'join', 'manual')`,
        );
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    // Only the segment's creation (a revision) was sent.
    expect((await deliveries(hook.id)).map((d) => d.event_type)).toEqual(["segment.updated"]);
  });
});

describe("retention of the delivery log", () => {
  it("deletes finished deliveries older than RETENTION_DAYS and keeps pending ones, however old", async () => {
    const hook = await createWebhook({ url: "https://hooks.example.com/old" });
    const db = await getDb();
    await db.execute(
      sql`insert into webhook_deliveries (webhook_id, event_type, payload, status, created_at) values
        (${hook.id}::uuid, 'webhook.test', '{}'::jsonb, 'delivered', now() - interval '500 days'),
        (${hook.id}::uuid, 'webhook.test', '{}'::jsonb, 'failed', now() - interval '500 days'),
        (${hook.id}::uuid, 'webhook.test', '{}'::jsonb, 'pending', now() - interval '500 days'),
        (${hook.id}::uuid, 'webhook.test', '{}'::jsonb, 'delivered', now())`,
    );
    await db.transaction((tx) => applyRetention(tx));
    const left = (await deliveries(hook.id)).map((d) => d.status).sort();
    expect(left).toEqual(["delivered", "pending"]);
  });
});
