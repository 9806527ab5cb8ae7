import { randomUUID } from "node:crypto";
import { type APIRequestContext, test as base, expect as baseExpect } from "@playwright/test";

/** A name no other test run uses, so tests never see each other's data. */
export const uniqueName = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

async function post<T>(request: APIRequestContext, path: string, body: unknown): Promise<T> {
  const response = await request.post(path, { data: body });
  baseExpect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
  return (await response.json()) as T;
}

export interface CreatedSegment {
  id: string;
  segment_name: string;
}

export function createSegment(request: APIRequestContext, body: Record<string, unknown> = {}) {
  return post<CreatedSegment>(request, "/api/v1/segments", {
    segment_name: uniqueName("E2E segment"),
    criteria: { age_range: [18, 99] },
    ...body,
  });
}

export interface CreatedUser {
  id: string;
  email: string;
}

/** Users with unique emails (and an age, so a segment's age_range can match them). */
export async function createUsers(
  request: APIRequestContext,
  count: number,
  fields: Record<string, unknown> = {},
) {
  const tag = randomUUID().slice(0, 8);
  const users: CreatedUser[] = [];
  for (let i = 0; i < count; i++) {
    users.push(
      await post<CreatedUser>(request, "/api/v1/users", {
        email: `e2e-${tag}-${i}@example.com`,
        name: `E2E User ${tag} ${i}`,
        age: 30,
        ...fields,
      }),
    );
  }
  return users;
}

export function addMembers(request: APIRequestContext, segmentId: string, userIds: string[]) {
  return post(request, `/api/v1/segments/${segmentId}/members`, { user_ids: userIds });
}

export function createContent(request: APIRequestContext, title = uniqueName("E2E article")) {
  return post<{ id: string; title: string }>(request, "/api/v1/content", { title, content_type: "article" });
}

export function createPersonalizedContent(request: APIRequestContext, body: Record<string, unknown>) {
  return post<{ id: string }>(request, "/api/v1/segments/personalized", body);
}

export function setPerformance(
  request: APIRequestContext,
  personalizedId: string,
  figures: { views?: number; engagement?: number; conversions?: number },
) {
  return post(request, `/api/v1/segments/personalized/${personalizedId}/performance`, {
    ...figures,
    mode: "set",
  });
}

/**
 * A segment with `memberCount` new members and one variant (`variant_a`) of a new content item whose figures
 * are 400 views, 60 engagements and 12 conversions: enough for the Overview's figures and charts.
 */
export async function segmentWithPerformingVariant(request: APIRequestContext, memberCount: number) {
  const segment = await createSegment(request);
  const users = await createUsers(request, memberCount);
  await addMembers(
    request,
    segment.id,
    users.map((user) => user.id),
  );
  const content = await createContent(request);
  const personalized = await createPersonalizedContent(request, {
    segment_id: segment.id,
    content_id: content.id,
    variant_id: "variant_a",
  });
  await setPerformance(request, personalized.id, { views: 400, engagement: 60, conversions: 12 });
  return { segment, users, content, personalized };
}

export interface ConsoleWatch {
  errors: string[];
  /** Accepts errors matching the pattern, e.g. the browser's log of an API error the test provokes. */
  allow: (pattern: RegExp) => void;
}

/** Every test fails when the page logs an error to the console or throws (except what the test allows). */
export const test = base.extend<{ consoleWatch: ConsoleWatch }>({
  consoleWatch: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [/favicon\.ico/];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
      });
      page.on("pageerror", (error) => errors.push(error.message));
      // These flows make several requests per step on a shared machine: give each a generous time.
      test.slow();
      await use({ errors, allow: (pattern) => allowed.push(pattern) });
      expect(
        errors.filter((error) => !allowed.some((pattern) => pattern.test(error))),
        "console errors",
      ).toEqual([]);
    },
    { auto: true },
  ],
});

/** Under load a page can take a while to settle; assertions wait up to 30 seconds. */
export const expect = baseExpect.configure({ timeout: 30_000 });
