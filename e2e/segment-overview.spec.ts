import { expect, segmentWithPerformingVariant, test } from "./segment-fixtures";

test("the overview shows key figures and charts, switches period, and runs the analysis", async ({
  page,
  request,
}) => {
  const { segment, content } = await segmentWithPerformingVariant(request, 3);

  await page.goto(`/segments/${segment.id}`);
  await expect(page.getByRole("heading", { level: 1, name: segment.segment_name })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");

  await expect(page.getByRole("term")).toHaveText([
    "Members",
    "Estimated size",
    "Engagement rate",
    "Conversions",
  ]);
  await expect(page.getByRole("definition").first()).toHaveText("3");
  await expect(page.getByRole("definition").last()).toHaveText("12");

  const trend = page.getByRole("figure", { name: "Engagement trend" });
  const growth = page.getByRole("figure", { name: "Member growth" });
  await expect(trend).toBeVisible();
  await expect(growth).toContainText("3 joined");
  // The charts' numbers are in a table for screen readers.
  await expect(growth.getByRole("table", { name: "Member growth" })).toBeAttached();
  await expect(page.getByRole("figure", { name: "Content performance" })).toContainText(content.title);

  await page.getByLabel("Period").selectOption("7");
  await expect(trend).toContainText("Last 7 days");
  await expect(growth.getByRole("table").getByRole("row")).toHaveCount(8);

  await expect(page.getByText("Last analyzed: never")).toBeVisible();
  const analyze = page.getByRole("button", { name: "Analyze" });
  await analyze.click();
  await expect(page.getByText("Analysis complete.", { exact: true })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Analysis complete" })).toBeAttached();
  await expect(page.getByText("Last analyzed: never")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Recommendations" })).toBeVisible();

  await page.getByRole("tab", { name: "Members" }).click();
  await expect(page).toHaveURL(/\?tab=members$/);
  await page.reload();
  await expect(page.getByRole("tab", { name: "Members" })).toHaveAttribute("aria-selected", "true");
});

test("a period chosen before the page's script runs is the period the charts show", async ({
  page,
  request,
}) => {
  const { segment } = await segmentWithPerformingVariant(request, 1);
  // Hold the page's scripts, so that the choice lands in the server-rendered select before hydration.
  let releaseScripts = () => {};
  const scriptsHeld = new Promise<void>((resolve) => {
    releaseScripts = resolve;
  });
  await page.route("**/_next/static/**/*.js", async (route) => {
    await scriptsHeld;
    await route.continue();
  });

  await page.goto(`/segments/${segment.id}`, { waitUntil: "commit" });
  const period = page.getByLabel("Period");
  await period.selectOption("7");
  const trend = page.getByRole("figure", { name: "Engagement trend" });
  await expect(trend).toContainText("Last 30 days");

  releaseScripts();
  await expect(trend).toContainText("Last 7 days");
  await expect(period).toHaveValue("7");
});
