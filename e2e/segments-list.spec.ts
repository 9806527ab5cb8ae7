import { createSegmentViaApi, expect, SLOW_TEST_TIMEOUT, test, uniqueName } from "./fixtures";

test.describe.configure({ timeout: SLOW_TEST_TIMEOUT });

test("the list filters by search, status and strategy, and keeps the filters in the URL", async ({
  page,
}) => {
  const prefix = uniqueName("List");
  const paused = await createSegmentViaApi(page.request, {
    segment_name: `${prefix} paused behavioral`,
    strategy: "behavioral",
    status: "paused",
  });
  const active = await createSegmentViaApi(page.request, {
    segment_name: `${prefix} active engagement`,
    strategy: "engagement",
  });

  await page.goto("/");
  await expect(page).toHaveURL(/\/segments$/);
  const table = page.getByRole("table", { name: "Segments" });
  for (const column of [
    "Name",
    "Persona",
    "Strategy",
    "Status",
    "Members",
    "Estimated size",
    "Engagement rate",
  ]) {
    await expect(table.getByRole("columnheader", { name: column, exact: true })).toBeVisible();
  }
  await expect(table.getByRole("columnheader", { name: "Last analyzed" })).toBeVisible();

  await page.getByLabel("Search").fill(prefix);
  await expect(page).toHaveURL(/search=/);
  await expect(table.getByRole("link", { name: paused.segment_name })).toBeVisible();
  await expect(table.getByRole("link", { name: active.segment_name })).toBeVisible();

  await page.getByLabel("Status").selectOption("paused");
  await expect(page).toHaveURL(/status=paused/);
  await expect(table.getByRole("link", { name: active.segment_name })).toBeHidden();
  await expect(table.getByRole("link", { name: paused.segment_name })).toBeVisible();

  // A shared or reloaded URL shows the same view.
  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("paused");
  await expect(page.getByLabel("Search")).toHaveValue(prefix);
  await expect(table.getByRole("link", { name: paused.segment_name })).toBeVisible();
  await expect(table.getByRole("link", { name: active.segment_name })).toBeHidden();

  await page.getByLabel("Strategy").selectOption("engagement");
  await expect(page.getByText("No segments match these filters")).toBeVisible();
  await page.getByLabel("Status").selectOption("");
  await expect(table.getByRole("link", { name: active.segment_name })).toBeVisible();
  await expect(page).toHaveURL(/strategy=engagement/);

  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL(/\/segments$/);
  await expect(page.getByLabel("Search")).toHaveValue("");

  await page.getByLabel("Search").fill(prefix);
  await expect(page).toHaveURL(/search=/);
  await table.getByRole("link", { name: active.segment_name }).click();
  await expect(page).toHaveURL(new RegExp(`/segments/${active.id}$`));
});

test("the list pages through many segments and offers a new one", async ({ page }) => {
  const prefix = uniqueName("Paged");
  for (let i = 0; i < 27; i++) {
    await createSegmentViaApi(page.request, { segment_name: `${prefix} ${String(i).padStart(2, "0")}` });
  }
  await page.goto(`/segments?search=${encodeURIComponent(prefix)}&sort=segment_name`);
  const table = page.getByRole("table", { name: "Segments" });
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(pagination).toContainText("Showing 1–25 of 27");
  await expect(table.getByRole("link", { name: `${prefix} 00` })).toBeVisible();

  await pagination.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(pagination).toContainText("Showing 26–27 of 27");
  await expect(table.getByRole("link", { name: `${prefix} 26` })).toBeVisible();
  await expect(pagination.getByRole("button", { name: "Next" })).toBeDisabled();

  await pagination.getByRole("button", { name: "Previous" }).click();
  await expect(pagination).toContainText("Showing 1–25 of 27");

  await page.getByRole("link", { name: "New segment" }).click();
  await expect(page).toHaveURL(/\/segments\/new$/);
});
