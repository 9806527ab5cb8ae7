import { createSegment, expect, test, uniqueName } from "./segment-fixtures";

test("the Activity page and a segment's activity show who changed what", async ({ page, request }) => {
  const segment = await createSegment(request, { description: "Before" });
  const renamed = uniqueName("Renamed segment");
  const patch = await request.patch(`/api/v1/segments/${segment.id}`, {
    data: { segment_name: renamed, description: "After" },
  });
  expect(patch.ok()).toBeTruthy();

  await page.goto("/activity");
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  await page.getByLabel("Resource", { exact: true }).selectOption({ label: "Segment" });
  await expect(page).toHaveURL(/resource_type=segment/);
  await page.getByLabel("Resource id").fill(segment.id);
  await page.getByRole("button", { name: "Apply" }).click();
  const table = page.getByRole("table", { name: "Activity, newest first" });
  const rows = table.getByRole("row");
  // The header, the update and the create.
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("Updated");
  await expect(rows.nth(1)).toContainText("description: Before → After");
  await expect(rows.nth(1)).toContainText(`segment_name: ${segment.segment_name} → ${renamed}`);
  await expect(rows.nth(1)).toContainText("Local (no sign-in)");
  await expect(rows.nth(2)).toContainText("Created");

  await page.getByLabel("Who").selectOption({ label: "API keys" });
  await expect(page.getByText("No activity matches")).toBeVisible();

  // A change made in the dashboard appears in the segment's own activity list.
  await page.goto(`/segments/${segment.id}?tab=settings`);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
  const recent = page.getByRole("table", { name: "Latest changes to this segment" });
  await expect(recent.getByRole("row").nth(1)).toContainText("status: active → paused");
  await page.getByRole("link", { name: "All activity of this segment" }).click();
  await expect(page).toHaveURL(new RegExp(`/activity\\?resource_id=${segment.id}`));
  await expect(page.getByRole("table", { name: "Activity, newest first" }).getByRole("row")).toHaveCount(4);
});
