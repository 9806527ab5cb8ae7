import type { Page } from "@playwright/test";
import {
  apiCall,
  createSegmentViaApi,
  expect,
  type SegmentRow,
  SLOW_TEST_TIMEOUT,
  test,
  uniqueName,
} from "./fixtures";

test.describe.configure({ timeout: SLOW_TEST_TIMEOUT });

const estimatePanel = (page: Page) => page.getByRole("region", { name: "Estimated audience" });

/** The live count the "Estimated audience" panel shows, once it shows one. */
async function estimatedCount(page: Page): Promise<number | undefined> {
  const text = (await estimatePanel(page).textContent()) ?? "";
  const match = text.match(/([\d,]+)\s*users/);
  return match ? Number(match[1].replaceAll(",", "")) : undefined;
}

async function expectEstimateToChangeFrom(page: Page, previous: number | undefined) {
  await expect.poll(() => estimatedCount(page), { timeout: 15_000 }).not.toBe(previous);
  await expect(estimatePanel(page)).not.toHaveAttribute("aria-busy", "true");
  return estimatedCount(page);
}

async function findSegment(page: Page, name: string) {
  const found = await apiCall<{ items: SegmentRow[] }>(
    page.request,
    "GET",
    `/api/v1/segments?search=${encodeURIComponent(name)}`,
  );
  return found.items.find((segment) => segment.segment_name === name);
}

test("a marketer builds a segment visually, watching the estimate, and opens it", async ({ page }) => {
  const name = uniqueName("Builder tech fans");
  await page.goto("/segments");
  await page.getByRole("link", { name: "New segment" }).click();
  await expect(page.getByRole("heading", { name: "New segment" })).toBeVisible();

  await page.getByLabel("Segment name").fill(name);
  await page.getByLabel("Description").fill("Made by the builder test");
  await page.getByLabel("Strategy").selectOption("demographic");
  await page.getByLabel("Membership").selectOption("dynamic");

  await expect.poll(() => estimatedCount(page), { timeout: 15_000 }).toBeGreaterThan(0);
  const everyone = await estimatedCount(page);
  await expect(estimatePanel(page)).toContainText("of");

  await page.getByLabel("Minimum age").fill("25");
  await page.getByLabel("Maximum age").fill("45");
  const adults = await expectEstimateToChangeFrom(page, everyone);
  expect(adults).toBeLessThan(everyone!);

  // Multi-value fields take typed values with Enter, by keyboard alone.
  await page.getByLabel("Interests").fill("technology");
  await page.getByLabel("Interests").press("Enter");
  await expect(page.getByRole("button", { name: "Remove technology from Interests" })).toBeVisible();
  const techFans = await expectEstimateToChangeFrom(page, adults);
  expect(techFans).toBeLessThan(adults!);
  await expect(estimatePanel(page).getByRole("heading", { name: "Sample profiles" })).toBeVisible();

  // The JSON view follows the form, and the form follows valid JSON.
  await page.getByLabel("Show criteria as JSON").check();
  const json = page.getByLabel("Criteria JSON");
  await expect(json).toHaveValue(/"age_range": \[\s*25,\s*45\s*\]/);
  await json.fill(
    JSON.stringify({ age_range: [25, 45], interests: ["technology"], engagement_level: "high" }),
  );
  await expect(page.getByRole("button", { name: "Remove high from Engagement level" })).toBeVisible();
  const engaged = await expectEstimateToChangeFrom(page, techFans);

  // Invalid JSON shows an error and leaves the form as it was.
  await json.fill('{"age_range": [25,');
  await expect(json).toHaveAccessibleDescription(/Not valid JSON/);
  await expect(page.getByLabel("Minimum age")).toHaveValue("25");
  await page.getByLabel("Minimum session duration (seconds)").fill("1");
  await expect(json).toHaveValue(/"avg_session_duration": 1/);
  await page.getByLabel("Show criteria as JSON").uncheck();

  // An advanced rule on a custom trait, in a nested "none of these" group.
  await page.getByText("Advanced rules").click();
  await page.getByRole("button", { name: "Add group to rule group" }).click();
  const group = page.getByRole("group", { name: "Group 1" });
  await group.getByLabel("Match").selectOption("not");
  await group.getByRole("button", { name: "Add rule to group 1" }).click();
  const rule = page.getByRole("group", { name: "Rule 1.1" });
  await rule.getByLabel("Field").selectOption({ label: "Custom trait…" });
  await rule.getByLabel("Trait name").fill("e2e_blocked");
  await rule.getByLabel("Operator").selectOption("exists");
  await expect.poll(() => estimatedCount(page)).toBe(engaged);

  await page.getByRole("button", { name: "Create segment" }).click();
  await expect(page).toHaveURL(/\/segments\/[0-9a-f-]{36}$/);

  const saved = await findSegment(page, name);
  expect(saved).toMatchObject({
    strategy: "demographic",
    membership_mode: "dynamic",
    criteria: {
      age_range: [25, 45],
      interests: ["technology"],
      engagement_level: "high",
      avg_session_duration: 1,
      all: [{ not: { field: "traits.e2e_blocked", op: "exists" } }],
    },
  });
});

test("mistakes are shown next to their fields and nothing typed is lost", async ({ page }) => {
  const taken = await createSegmentViaApi(page.request);
  await page.goto("/segments/new");

  // The criteria are checked as they are typed.
  await page.getByLabel("Minimum age").fill("50");
  await page.getByLabel("Maximum age").fill("20");
  await expect(page.getByLabel("Minimum age")).toHaveAccessibleDescription(/min is above max/);
  await expect(estimatePanel(page)).toContainText("Fix the criteria");
  await page.getByLabel("Maximum age").fill("60");
  await expect(page.getByLabel("Minimum age")).not.toHaveAccessibleDescription(/min is above max/);

  // No name: the API's message appears under "Segment name".
  await page.getByLabel("Locations").fill("US");
  await page.getByLabel("Locations").press("Enter");
  await page.getByRole("button", { name: "Create segment" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The segment was not saved" })).toBeVisible();
  await expect(page.getByLabel("Segment name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Segment name")).toHaveAccessibleDescription(/.+/);
  await expect(page.getByLabel("Minimum age")).toHaveValue("50");
  await expect(page.getByRole("button", { name: "Remove US from Locations" })).toBeVisible();

  // A name another segment without persona has: the conflict is shown by the name.
  await page.getByLabel("Segment name").fill(taken.segment_name);
  await page.getByRole("button", { name: "Create segment" }).click();
  await expect(page.getByLabel("Segment name")).toHaveAccessibleDescription(/already exists/);
  await expect(page).toHaveURL(/\/segments\/new$/);

  const name = uniqueName("Builder fixed");
  await page.getByLabel("Segment name").fill(name);
  await page.getByRole("button", { name: "Create segment" }).click();
  await expect(page).toHaveURL(/\/segments\/[0-9a-f-]{36}$/);
  expect((await findSegment(page, name))?.criteria).toEqual({ age_range: [50, 60], location: ["US"] });
});

test("editing a segment opens the builder filled in and saves the changes", async ({ page }) => {
  const segment = await createSegmentViaApi(page.request, {
    segment_name: uniqueName("Builder edit"),
    criteria: { age_range: [20, 30], interests: ["travel"] },
  });
  await page.goto(`/segments/${segment.id}/edit`);
  await expect(page.getByLabel("Segment name")).toHaveValue(segment.segment_name);
  await expect(page.getByLabel("Minimum age")).toHaveValue("20");
  await expect(page.getByRole("button", { name: "Remove travel from Interests" })).toBeVisible();

  const renamed = uniqueName("Builder edited");
  await page.getByLabel("Segment name").fill(renamed);
  await page.getByLabel("Maximum age").fill("35");
  await page.getByRole("button", { name: "Remove travel from Interests" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/segments/${segment.id}$`));

  const saved = await apiCall<SegmentRow>(page.request, "GET", `/api/v1/segments/${segment.id}`);
  expect(saved.segment_name).toBe(renamed);
  expect(saved.criteria).toEqual({ age_range: [20, 35] });
});
