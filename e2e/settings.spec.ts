import { createSegment, expect, test } from "./segment-fixtures";

test("pause, resume and archive a segment, then delete it", async ({ page, request }) => {
  const segment = await createSegment(request);
  await page.goto(`/segments/${segment.id}?tab=settings`);

  await expect(page.getByRole("link", { name: "Edit segment" })).toHaveAttribute(
    "href",
    `/segments/${segment.id}/edit`,
  );

  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Segment paused." })).toBeAttached();
  await expect(page.getByRole("main").getByText("paused", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect(page.getByRole("main").getByText("active", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByRole("button", { name: "Restore" })).toBeVisible();
  await expect(page.getByRole("main").getByText("archived", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete segment?" });
  await expect(confirm).toContainText(segment.segment_name);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/segments/${segment.id}`));

  await page.getByRole("button", { name: "Delete" }).click();
  await confirm.getByRole("button", { name: "Delete segment" }).click();
  await expect(page).toHaveURL(/\/segments$/);
  expect((await request.get(`/api/v1/segments/${segment.id}`)).status()).toBe(404);
});
