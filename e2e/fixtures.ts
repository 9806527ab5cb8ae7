import { randomUUID } from "node:crypto";
import { type APIRequestContext, test as base, expect } from "@playwright/test";

/** A name no other test (or earlier run on the same database) uses. */
export const uniqueName = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

/** Calls the API and fails the test, with the answer, unless it succeeded. */
export async function apiCall<T>(
  request: APIRequestContext,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await request.fetch(path, { method, data: body });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

export interface SegmentRow {
  id: string;
  segment_name: string;
  criteria: Record<string, unknown>;
  member_count: number;
}

export function createSegmentViaApi(request: APIRequestContext, body: Record<string, unknown> = {}) {
  return apiCall<SegmentRow>(request, "POST", "/api/v1/segments", {
    segment_name: uniqueName("E2E segment"),
    criteria: { age_range: [18, 99] },
    ...body,
  });
}

/** `count` new profiles with unique emails, in one bulk request. */
export async function createUsersViaApi(request: APIRequestContext, count: number) {
  const tag = randomUUID().slice(0, 8);
  const users = Array.from({ length: count }, (_, i) => ({
    email: `e2e-${tag}-${i}@example.com`,
    name: `E2E ${tag} ${i}`,
    age: 30,
  }));
  const result = await apiCall<{ items: Array<{ id: string }> }>(request, "POST", "/api/v1/users/bulk", {
    users,
  });
  return result.items.map((user) => user.id);
}

export function addMembersViaApi(request: APIRequestContext, segmentId: string, userIds: string[]) {
  return apiCall(request, "POST", `/api/v1/segments/${segmentId}/members`, { user_ids: userIds });
}

/** Collects what the page logs as errors (console.error, failed loads, uncaught exceptions). */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
    await use(errors);
  },
});

/**
 * Longer waits than the config's defaults: on a busy machine the first request of a fresh server (migrations,
 * demo data, compiling the criteria) can take several seconds. Spec files set `test.describe.configure`.
 */
const patientExpect = expect.configure({ timeout: 20_000 });

export { patientExpect as expect };
export const SLOW_TEST_TIMEOUT = 150_000;
