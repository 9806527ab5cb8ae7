import { createContent, createSegment, expect, setPerformance, test } from "./segment-fixtures";

test("add a control and a variant, then read the experiment", async ({ page, request, consoleWatch }) => {
  const segment = await createSegment(request);
  const control = await createContent(request);
  const variant = await createContent(request);

  await page.goto(`/segments/${segment.id}?tab=content`);
  await expect(page.getByText("No personalized content yet")).toBeVisible();

  const addVariant = async (title: string, variantId: string, isControl: boolean) => {
    await page.getByRole("button", { name: "Add variant" }).click();
    const dialog = page.getByRole("dialog", { name: "Add variant" });
    await dialog.getByLabel("Content").selectOption({ label: `${title} (article)` });
    await dialog.getByLabel("Variant ID").fill(variantId);
    if (isControl) await dialog.getByLabel("Control group").check();
    await dialog.getByRole("button", { name: "Add variant" }).click();
    await expect(dialog).toBeHidden();
  };
  await addVariant(control.title, "control", true);
  await addVariant(variant.title, "variant_a", false);

  const list = page.getByRole("table", { name: "Personalized content of this segment" });
  await expect(list.getByRole("row", { name: new RegExp(control.title) })).toContainText("Control");
  await expect(list.getByRole("row", { name: new RegExp(variant.title) })).toContainText("Variant");

  // A duplicate variant ID is refused (409): the dialog shows the API's message and keeps what was typed.
  await page.getByRole("button", { name: "Add variant" }).click();
  const dialog = page.getByRole("dialog", { name: "Add variant" });
  await dialog.getByLabel("Content").selectOption({ label: `${variant.title} (article)` });
  await dialog.getByLabel("Variant ID").fill("variant_a");
  consoleWatch.allow(/status of 409/);
  await dialog.getByRole("button", { name: "Add variant" }).click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  await expect(dialog.getByLabel("Variant ID")).toHaveValue("variant_a");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  const items = await (await request.get(`/api/v1/segments/personalized?segment_id=${segment.id}`)).json();
  const idOf = (variantId: string) => items.items.find((item: any) => item.variant_id === variantId).id;
  await setPerformance(request, idOf("control"), { views: 5000, engagement: 600, conversions: 250 });
  await setPerformance(request, idOf("variant_a"), { views: 5000, engagement: 900, conversions: 400 });
  await page.reload();

  const verdict = page.getByRole("status").filter({ hasText: "Verdict" });
  await expect(verdict).toContainText(/variant_a|Variant/);
  const result = page.getByRole("table", { name: "Experiment result per variant" });
  const variantRow = result.getByRole("row", { name: /variant_a/ });
  await expect(variantRow).toContainText("8.00%");
  await expect(variantRow).toContainText("100%");
  await expect(result.getByRole("row", { name: /Control/ })).toContainText("5.00%");
  await expect(page.getByText("Sample ratio check")).toBeVisible();
  await expect(page.getByText(/Traffic split as planned/)).toBeVisible();
  await expect(page.getByRole("figure", { name: "Conversion rate per variant" })).toBeVisible();

  await page.getByLabel("Metric").selectOption("engagement");
  await expect(page.getByRole("figure", { name: "Engagement rate per variant" })).toBeVisible();
  await expect(result.getByRole("row", { name: /variant_a/ })).toContainText("18.00%");
});
