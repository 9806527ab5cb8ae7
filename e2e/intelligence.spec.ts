import { segmentsWithSuggestion, segmentWithViewHistory } from "./intelligence-fixtures";
import { expect, test } from "./segment-fixtures";

test("the Overview draws the forecast band after the history and says whether it beat the baseline", async ({
  page,
  request,
}) => {
  const segment = await segmentWithViewHistory(request);
  await page.goto(`/segments/${segment.id}`);
  const forecast = page.getByRole("region", { name: "Forecast" });
  await forecast.scrollIntoViewIfNeeded();
  const figure = forecast.getByRole("figure", { name: "Views: history and 14-day forecast" });
  // The chart's code loads only when the section nears the viewport: allow for a busy machine.
  await expect(figure).toBeVisible({ timeout: 90_000 });
  await expect(figure).toContainText(/80% between .* 95% between/);
  // The band is drawn: each interval is a filled area of the SVG chart.
  await expect(figure.locator("path[data-kind='band']").first()).toBeVisible();
  await expect(forecast).toContainText(
    /Backtest on the last 14 days: .*(beat the baseline|did not beat the baseline)/,
  );
});

test("add a suggested content item as a variant", async ({ page, request }) => {
  const { source, target, content } = await segmentsWithSuggestion(request);
  await page.goto(`/segments/${target.id}?tab=content`);
  const suggested = page.getByRole("region", { name: "Suggested content" });
  const item = suggested.getByRole("listitem").filter({ hasText: content.title });
  await expect(item).toContainText(`in ${source.segment_name}, which shares 100% of this segment's members`);
  await item.getByRole("button", { name: `Add as variant ${content.title}` }).click();
  const dialog = page.getByRole("dialog", { name: "Add variant" });
  await expect(dialog.getByLabel("Content")).toHaveValue(content.id);
  await dialog.getByLabel("Variant ID").fill("suggested");
  await dialog.getByRole("button", { name: "Add variant" }).click();
  await expect(dialog).toBeHidden();
  const list = page.getByRole("table", { name: "Personalized content of this segment" });
  await expect(list.getByRole("row", { name: new RegExp(content.title) })).toBeVisible();
  // Once used here, it is no longer suggested.
  await expect(suggested.getByRole("listitem").filter({ hasText: content.title })).toHaveCount(0);
});

test("the insights page ranks segments and lists competing content", async ({ page, request }) => {
  const { source, target } = await segmentsWithSuggestion(request);
  await page.goto("/segments");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Insights" })).toBeVisible();
  await expect(page.getByRole("table", { name: "By engagement" })).toContainText(source.segment_name);
  await expect(page.getByRole("table", { name: "By conversion" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Competing content" })).toContainText(
    /members belong to two or more of the [\d,]+ segments/,
  );
  expect(target.id).not.toBe(source.id);
});
