import { apiCall, expect, type SegmentRow, SLOW_TEST_TIMEOUT, test } from "./fixtures";

test.describe.configure({ timeout: SLOW_TEST_TIMEOUT });

test("no page logs a console error", async ({ page, consoleErrors }) => {
  const { items } = await apiCall<{ items: SegmentRow[] }>(
    page.request,
    "GET",
    "/api/v1/segments?sort=created_at&limit=2",
  );
  expect(items.length, "the demo data has segments").toBe(2);
  const [first, second] = items;

  await page.goto("/segments");
  await expect(page.getByRole("table", { name: "Segments" })).toBeVisible();

  await page.goto("/segments/new");
  await page.getByLabel("Minimum age").fill("30");
  await expect(page.getByRole("region", { name: "Estimated audience" })).toContainText(/of [\d,]+ users/);
  await page.getByLabel("Show criteria as JSON").check();
  await page.getByText("Advanced rules").click();

  await page.goto(`/segments/${first.id}/edit`);
  await expect(page.getByLabel("Segment name")).toHaveValue(first.segment_name);
  await expect(page.getByRole("region", { name: "Estimated audience" })).toContainText(/of [\d,]+ users/);

  await page.goto(`/segments/overlap?segment_ids=${first.id},${second.id}`);
  await expect(page.getByRole("table", { name: "Pairs by overlap" })).toBeVisible();

  await page.goto(`/segments/${first.id}`);
  for (const tab of ["Overview", "Members", "Content & A/B", "Settings"]) {
    await page.getByRole("tab", { name: tab }).click();
    await expect(page.getByRole("tab", { name: tab })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("tabpanel", { name: tab })).toBeVisible();
    await page.waitForLoadState("networkidle");
  }

  await page.goto("/activity");
  await expect(page.getByRole("table", { name: "Activity, newest first" })).toBeVisible();

  await page.goto("/api-docs");
  await page.waitForLoadState("networkidle");

  expect(consoleErrors).toEqual([]);
});

// The server renders each page's first screen in its own time zone (UTC here); a browser elsewhere must read
// the same text when it hydrates, or React throws error #418 and renders the whole page again.
test.describe("in a browser far from the server's time zone", () => {
  test.use({ timezoneId: "Pacific/Kiritimati" });

  test("server-rendered pages hydrate without a mismatch", async ({ page, consoleErrors }) => {
    const { items } = await apiCall<{ items: SegmentRow[] }>(
      page.request,
      "GET",
      "/api/v1/segments?sort=-member_count&limit=1",
    );
    const [segment] = items;
    for (const path of [
      "/segments",
      `/segments/${segment.id}`,
      `/segments/${segment.id}?tab=content`,
      `/segments/${segment.id}/edit`,
      "/activity",
    ]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    await page.goto(`/segments/${segment.id}`);
    await expect(page.getByText(/Created \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M UTC/)).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
