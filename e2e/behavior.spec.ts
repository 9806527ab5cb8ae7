import type { Page } from "@playwright/test";
import { apiCall, expect, SLOW_TEST_TIMEOUT, test, uniqueName } from "./fixtures";

// Issue 13: a marketer builds an event condition in the builder's advanced rules and sees the estimate
// follow it: everyone, then the three users who did the event, then the one who did it twice.

test.describe.configure({ timeout: SLOW_TEST_TIMEOUT });

const estimatePanel = (page: Page) => page.getByRole("region", { name: "Estimated audience" });

async function estimatedCount(page: Page): Promise<number | undefined> {
  const text = (await estimatePanel(page).textContent()) ?? "";
  const match = text.match(/([\d,]+)\s*users/);
  return match ? Number(match[1].replaceAll(",", "")) : undefined;
}

test("an event condition built in the advanced rules changes the estimate", async ({ page }) => {
  const eventName = `e2e-bought-${Date.now().toString(36)}`;
  const people = await apiCall<{ items: { id: string }[] }>(page.request, "GET", "/api/v1/users?limit=3");
  expect(people.items).toHaveLength(3);
  await apiCall(page.request, "POST", "/api/v1/events", {
    events: [
      ...people.items.map((user) => ({ user_id: user.id, name: eventName, value: 20 })),
      { user_id: people.items[0].id, name: eventName, value: 30 },
    ],
  });

  await page.goto("/segments/new");
  await expect(page.getByRole("heading", { name: "New segment" })).toBeVisible();
  await page.getByLabel("Segment name").fill(uniqueName("Event buyers"));
  await expect.poll(() => estimatedCount(page), { timeout: 15_000 }).toBeGreaterThan(3);

  await page.getByText("Advanced rules").click();
  await page.getByRole("button", { name: "Add event condition to rule group" }).click();
  const condition = page.getByRole("group", { name: "Event condition 1" });
  await condition.getByLabel("Event name").fill(eventName);
  await condition.getByLabel("Comparison").selectOption("gte");
  await condition.getByLabel("Amount").fill("1");
  await expect.poll(() => estimatedCount(page), { timeout: 15_000 }).toBe(3);

  await condition.getByLabel("Amount").fill("2");
  await expect.poll(() => estimatedCount(page), { timeout: 15_000 }).toBe(1);

  // A where rule on the event's value, and a window.
  await condition.getByLabel("Amount").fill("1");
  await condition.getByRole("button", { name: "Add rule to event condition 1" }).click();
  const rule = condition.getByRole("group", { name: "Event condition 1 rule 1" });
  await rule.getByLabel("Operator").selectOption("gt");
  await rule.getByLabel("Value").fill("25");
  await condition.getByLabel("When").selectOption("days");
  await condition.getByLabel("Window (days)").fill("7");
  await expect.poll(() => estimatedCount(page), { timeout: 15_000 }).toBe(1);

  await page.getByLabel("Show criteria as JSON").check();
  await expect(page.getByLabel("Criteria JSON")).toHaveValue(new RegExp(`"name": "${eventName}"`));
});
