import { expect, SLOW_TEST_TIMEOUT, test, uniqueName } from "./fixtures";

test.describe.configure({ timeout: SLOW_TEST_TIMEOUT });

test("discover proposes groups with their lifts, and Create segment opens the builder pre-filled", async ({
  page,
}) => {
  await page.goto("/segments");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Discover" }).click();
  await expect(page.getByRole("heading", { name: "Discover segments" })).toBeVisible();
  await expect(page.getByText("Nothing discovered yet")).toBeVisible();

  await page.getByLabel("Number of groups").selectOption("3");
  await page.getByLabel("Sample size").fill("5000");
  await page.getByRole("button", { name: "Discover", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "3 groups in a sample of" })).toBeVisible({
    timeout: 60_000,
  });
  const proposals = page.getByRole("article");
  await expect(proposals).toHaveCount(3);
  const first = proposals.first();
  await expect(first.getByRole("table")).toContainText("as common");
  const name = (await first.getByRole("heading", { level: 3 }).textContent()) ?? "";

  await first.getByRole("link", { name: /^Create segment from/ }).click();
  await expect(page.getByRole("heading", { name: "New segment" })).toBeVisible();
  await expect(page.getByLabel("Segment name")).toHaveValue(name);
  await page.getByLabel("Show criteria as JSON").check();
  await expect(page.getByLabel("Criteria JSON")).not.toHaveValue("{}");
  await expect(page.getByRole("region", { name: "Estimated audience" })).toContainText(/of [\d,]+ users/);

  const segmentName = uniqueName("Discovered");
  await page.getByLabel("Segment name").fill(segmentName);
  await page.getByRole("button", { name: "Create segment" }).click();
  await expect(page.getByRole("heading", { name: segmentName })).toBeVisible();
});
