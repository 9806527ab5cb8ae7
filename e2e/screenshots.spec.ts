import path from "node:path";
import type { Page } from "@playwright/test";
import { apiCall, expect, type SegmentRow, SLOW_TEST_TIMEOUT, test } from "./fixtures";

// Regenerates README's screenshots from the demo data: `npm run screenshots` (scripts/screenshots.mjs).
test.skip(!process.env.SCREENSHOTS, "only when regenerating screenshots (npm run screenshots)");

const folder = path.join(import.meta.dirname, "..", "public", "screenshots");
const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true, animations: "disabled" });

test.use({ viewport: { width: 1440, height: 900 } });
test.describe.configure({ timeout: SLOW_TEST_TIMEOUT });

async function demoSegment(page: Page, name: string) {
  const { items } = await apiCall<{ items: SegmentRow[] }>(
    page.request,
    "GET",
    `/api/v1/segments?search=${encodeURIComponent(name)}`,
  );
  const segment = items.find((item) => item.segment_name === name);
  expect(segment, `the demo segment "${name}"`).toBeDefined();
  return segment!;
}

test("screenshots of the main pages", async ({ page }) => {
  const tech = await demoSegment(page, "Tech Early Adopters");

  await page.goto("/segments");
  await expect(page.getByRole("table", { name: "Segments" })).toBeVisible();
  await shoot(page, "segments-list");

  await page.goto("/segments/new");
  await page.getByLabel("Segment name").fill("Young tech fans in North America");
  await page.getByLabel("Minimum age").fill("18");
  await page.getByLabel("Maximum age").fill("34");
  for (const [label, value] of [
    ["Locations", "US"],
    ["Locations", "CA"],
    ["Interests", "technology"],
  ]) {
    await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByLabel(label, { exact: true }).press("Enter");
  }
  await page.getByLabel("Engagement level").fill("high");
  await page.getByLabel("Engagement level").press("Enter");
  const estimate = page.getByRole("region", { name: "Estimated audience" });
  await expect(estimate.getByRole("heading", { name: "Sample profiles" })).toBeVisible();
  await expect(estimate).not.toHaveAttribute("aria-busy", "true");
  await page.getByRole("heading", { name: "New segment" }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(600);
  await shoot(page, "builder");

  await page.goto(`/segments/${tech.id}`);
  await page.getByRole("tab", { name: "Overview" }).click();
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1000);
  await shoot(page, "segment-overview");

  await page.getByRole("tab", { name: "Content & A/B" }).click();
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1000);
  await shoot(page, "ab-results");
});
