import {
  addMembersViaApi,
  createSegmentViaApi,
  createUsersViaApi,
  expect,
  SLOW_TEST_TIMEOUT,
  test,
  uniqueName,
} from "./fixtures";

test.describe.configure({ timeout: SLOW_TEST_TIMEOUT });

test("the overlap of chosen segments shows as a heat map with counts and Jaccard", async ({ page }) => {
  const prefix = uniqueName("Overlap");
  const users = await createUsersViaApi(page.request, 30);
  const first = await createSegmentViaApi(page.request, { segment_name: `${prefix} first` });
  const second = await createSegmentViaApi(page.request, { segment_name: `${prefix} second` });
  const third = await createSegmentViaApi(page.request, { segment_name: `${prefix} third` });
  await addMembersViaApi(page.request, first.id, users.slice(0, 20));
  await addMembersViaApi(page.request, second.id, users.slice(10, 30));

  await page.goto("/segments");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overlap" }).click();
  await expect(page.getByRole("heading", { name: "Segment overlap" })).toBeVisible();
  await expect(page.getByText("Choose at least two segments")).toBeVisible();

  await page.getByLabel("Filter segments by name").fill(prefix);
  await page.getByLabel(`${first.segment_name} (20 members)`).check();
  await page.getByLabel(`${second.segment_name} (20 members)`).check();
  await page.getByLabel(`${third.segment_name} (0 members)`).check();
  await expect(page).toHaveURL(/segment_ids=/);

  // 10 shared of 30 in either: Jaccard 0.33, readable by pointer, by keyboard and as a table.
  const cell = page.getByRole("button", {
    name: `${first.segment_name} and ${second.segment_name}: 10 shared members, Jaccard 0.33, 30 in either`,
  });
  await expect(cell).toBeVisible();
  await cell.hover();
  await expect(page.getByRole("tooltip")).toContainText("10 shared members");
  await page
    .getByRole("button", { name: `${second.segment_name} and ${third.segment_name}: 0 shared members` })
    .focus();
  await expect(page.getByRole("tooltip")).toContainText(`${second.segment_name} and ${third.segment_name}`);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("tooltip")).toBeHidden();

  const pairs = page.getByRole("table", { name: "Pairs by overlap" });
  const topRow = pairs.getByRole("row").nth(1);
  await expect(topRow).toContainText("10");
  await expect(topRow).toContainText("0.333");

  // The choice is in the URL: reloading shows the same heat map.
  await page.reload();
  await expect(cell).toBeVisible();
  await page.getByLabel(`${third.segment_name} (0 members)`).uncheck();
  await page.getByLabel(`${second.segment_name} (20 members)`).uncheck();
  await expect(page.getByText("Choose at least two segments")).toBeVisible();
});
