import { expectNoAxeViolations } from "./axe";
import { segmentsWithSuggestion, segmentWithViewHistory } from "./intelligence-fixtures";
import {
  addMembers,
  createContent,
  createSegment,
  createUsers,
  expect,
  segmentWithPerformingVariant,
  test,
} from "./segment-fixtures";

// Every page, tab and dialog of the browser tests, scanned by axe-core in the states a person sees them. The
// webhooks, delivery and required-mode specs scan theirs where they open them (the Promote and Preview as user
// dialogs, the sign-in, API keys and team pages).
test.describe.configure({ timeout: 180_000 });

test("every page and tab has no axe violation", async ({ page, request }) => {
  const { segment, content } = await segmentWithPerformingVariant(request, 2);
  const other = await createSegment(request);

  await page.goto("/segments");
  await expect(page.getByRole("table", { name: "Segments" })).toBeVisible();
  await expectNoAxeViolations(page, "the segments list");

  await page.goto("/segments/new");
  await page.getByLabel("Minimum age").fill("30");
  await expect(page.getByRole("region", { name: "Estimated audience" })).toContainText(/of [\d,]+ users/);
  await expectNoAxeViolations(page, "the segment builder");
  await page.getByLabel("Show criteria as JSON").check();
  await page.getByText("Advanced rules").click();
  await expectNoAxeViolations(page, "the segment builder with JSON and advanced rules open");

  await page.goto(`/segments/${segment.id}/edit`);
  await expect(page.getByLabel("Segment name")).toHaveValue(segment.segment_name);
  await expectNoAxeViolations(page, "the segment editor");

  await page.goto(`/segments/overlap?segment_ids=${segment.id},${other.id}`);
  await expect(page.getByRole("table", { name: "Pairs by overlap" })).toBeVisible();
  await expectNoAxeViolations(page, "the overlap page");

  await page.goto("/segments/discover");
  await page.getByLabel("Number of groups").selectOption("3");
  await page.getByRole("button", { name: "Discover", exact: true }).click();
  await expect(page.getByRole("heading", { name: "What sets it apart" }).first()).toBeVisible({
    timeout: 60_000,
  });
  await expectNoAxeViolations(page, "the discover page with proposals");

  await page.goto(`/segments/${segment.id}`);
  await expect(page.getByRole("figure", { name: "Content performance" })).toContainText(content.title);
  await expectNoAxeViolations(page, "the segment's Overview tab");

  await page.getByRole("tab", { name: "Members" }).click();
  await expect(page.getByRole("table", { name: "Members of this segment" })).toBeVisible();
  await expectNoAxeViolations(page, "the Members tab");

  await page.getByRole("tab", { name: "Content & A/B" }).click();
  await expect(page.getByRole("table", { name: "Personalized content of this segment" })).toBeVisible();
  await expectNoAxeViolations(page, "the Content & A/B tab");

  await page.getByRole("tab", { name: "Settings" }).click();
  await expect(page.getByRole("button", { name: "Delete" })).toBeVisible();
  await expectNoAxeViolations(page, "the Settings tab");

  await expect(page.getByRole("table", { name: "Latest changes to this segment" })).toBeVisible();
  await expectNoAxeViolations(page, "the Settings tab with its activity");

  await page.goto("/activity");
  await expect(page.getByRole("table", { name: "Activity, newest first" })).toBeVisible();
  await expectNoAxeViolations(page, "the Activity page");
  await page.goto("/activity?actor=api_key&resource_type=persona");
  await expect(page.getByText("No activity matches")).toBeVisible();
  await expectNoAxeViolations(page, "the Activity page without entries");

  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expectNoAxeViolations(page, "the API reference");
  await page.getByRole("main").getByRole("link", { name: "Segments", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Segments" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /\/api\/v1\/segments$/ }).first()).toBeVisible();
  await expectNoAxeViolations(page, "a group of the API reference");
});

test("every dialog has no axe violation", async ({ page, request }) => {
  const segment = await createSegment(request);
  const [user] = await createUsers(request, 1);
  await addMembers(request, segment.id, [user.id]);
  const content = await createContent(request);

  await page.goto(`/segments/${segment.id}?tab=members`);
  const row = page.getByRole("table", { name: "Members of this segment" }).getByRole("row", {
    name: new RegExp(user.email),
  });
  await row.getByRole("button", { name: /Why\?/ }).click();
  const why = page.getByRole("dialog", { name: `Why ${user.email}?` });
  await expect(why.getByText("Matches the criteria")).toBeVisible();
  await expectNoAxeViolations(page, "the Why? dialog");
  await why.getByRole("button", { name: "Close" }).click();

  await row.getByRole("button", { name: /Remove/ }).click();
  const remove = page.getByRole("dialog", { name: "Remove member?" });
  await expect(remove).toContainText(user.email);
  await expectNoAxeViolations(page, "the Remove member dialog");
  await remove.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("tab", { name: "Content & A/B" }).click();
  await page.getByRole("button", { name: "Add variant" }).click();
  const addVariant = page.getByRole("dialog", { name: "Add variant" });
  await addVariant.getByLabel("Content").selectOption({ label: `${content.title} (article)` });
  await expectNoAxeViolations(page, "the Add variant dialog");
  await addVariant.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  const deleteDialog = page.getByRole("dialog", { name: "Delete segment?" });
  await expect(deleteDialog).toContainText(segment.segment_name);
  await expectNoAxeViolations(page, "the Delete segment dialog");
  await deleteDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(deleteDialog).toBeHidden();
});

test("the forecast, the suggested content and the insights page have no axe violation", async ({
  page,
  request,
}) => {
  const segment = await segmentWithViewHistory(request);
  await page.goto(`/segments/${segment.id}`);
  const forecast = page.getByRole("region", { name: "Forecast" });
  await forecast.scrollIntoViewIfNeeded();
  // The chart's code loads only when the section nears the viewport: allow for a busy machine.
  await expect(forecast.getByRole("figure")).toBeVisible({ timeout: 90_000 });
  await expectNoAxeViolations(page, "the Overview's forecast");

  const { target, content } = await segmentsWithSuggestion(request);
  await page.goto(`/segments/${target.id}?tab=content`);
  await expect(page.getByRole("region", { name: "Suggested content" })).toContainText(content.title);
  await expectNoAxeViolations(page, "the suggested content");

  await page.goto("/insights");
  await expect(page.getByRole("table", { name: "By engagement" })).toBeVisible();
  await expectNoAxeViolations(page, "the insights page");
});
