import { expectNoAxeViolations } from "./axe";
import {
  addMembers,
  createContent,
  createPersonalizedContent,
  createSegment,
  createUsers,
  expect,
  test,
  uniqueName,
} from "./segment-fixtures";

async function segmentWithArms(request: Parameters<typeof createSegment>[0]) {
  const segment = await createSegment(request, { segment_name: uniqueName("E2E delivery") });
  const controlContent = await createContent(request);
  const variantContent = await createContent(request);
  const control = await createPersonalizedContent(request, {
    segment_id: segment.id,
    content_id: controlContent.id,
    variant_id: "control",
    is_control: true,
  });
  const variant = await createPersonalizedContent(request, {
    segment_id: segment.id,
    content_id: variantContent.id,
    variant_id: "variant_a",
  });
  return { segment, control, variant };
}

test("split the traffic, start, pause and stop the experiment, re-allocate and promote", async ({
  page,
  request,
}) => {
  const { segment, variant } = await segmentWithArms(request);
  await page.goto(`/segments/${segment.id}?tab=content`);

  const controlWeight = page.getByLabel("Weight of control");
  const variantWeight = page.getByLabel("Weight of variant_a");
  await expect(controlWeight).toHaveValue("1");
  await expect(page.getByLabel("Share of control")).toHaveText("50.0%");

  await variantWeight.fill("3");
  await expect(page.getByLabel("Share of variant_a")).toHaveText("75.0%");
  await expect(page.getByLabel("Share of control")).toHaveText("25.0%");
  await page.getByRole("button", { name: "Save split" }).click();
  await expect(page.getByText("Traffic split saved: control 25.0%, variant_a 75.0%.")).toBeVisible();

  const saved = await (await request.get(`/api/v1/segments/personalized/${variant.id}`)).json();
  expect(saved.traffic_weight).toBe(3);
  const readOut = await (await request.get(`/api/v1/segments/${segment.id}/experiment`)).json();
  const plannedShare = readOut.variants.find((arm: any) => arm.variant_id === "variant_a").planned_share;
  expect(plannedShare).toBeCloseTo(0.75);
  await page.reload();
  await expect(page.getByLabel("Weight of variant_a")).toHaveValue("3");
  await expect(page.getByLabel("Share of variant_a")).toHaveText("75.0%");
  const history = page.getByRole("region", { name: "Experiment history" });
  await expect(history.getByRole("listitem").filter({ hasText: "traffic weight: 1 → 3" })).toBeVisible();

  // A weight below zero is refused before anything is sent.
  await page.getByLabel("Weight of control").fill("-1");
  await expect(page.getByText("Each weight must be a number of 0 or more.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save split" })).toBeDisabled();
  await page.getByRole("button", { name: "Reset" }).click();
  await expect(page.getByLabel("Weight of control")).toHaveValue("1");

  const controls = page.getByRole("group", { name: "Experiment status" });
  const settingsStatus = async () =>
    (await (await request.get(`/api/v1/segments/${segment.id}/experiment`)).json()).settings.status;
  await expect(page.getByText("Running", { exact: true })).toBeVisible();
  await expect(controls.getByRole("button", { name: "Start" })).toBeDisabled();
  await controls.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText("Paused", { exact: true })).toBeVisible();
  expect(await settingsStatus()).toBe("paused");
  await controls.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByText("Stopped", { exact: true })).toBeVisible();
  expect(await settingsStatus()).toBe("stopped");
  await controls.getByRole("button", { name: "Start" }).click();
  await expect(page.getByText("Running", { exact: true })).toBeVisible();
  expect(await settingsStatus()).toBe("running");

  await page.getByLabel("Allocation", { exact: true }).selectOption("bandit");
  await page.getByRole("button", { name: "Re-allocate now" }).click();
  await expect(page.getByText("Traffic re-allocated.")).toBeVisible();
  await expect(page.getByRole("figure", { name: "Allocation history" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Exposures over time" })).toBeVisible();

  await page.getByRole("button", { name: "Promote winner" }).click();
  const dialog = page.getByRole("dialog", { name: "Promote a winner?" });
  await dialog.getByLabel("Arm to promote").selectOption({ label: "variant_a" });
  await expectNoAxeViolations(page, "the Promote a winner dialog");
  await dialog.getByRole("button", { name: "Promote" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Completed", { exact: true })).toBeVisible();
  await expect(page.getByText(/Winner: variant_a since/)).toBeVisible();
  expect(await settingsStatus()).toBe("completed");
});

test("preview as user on the segment page and from the header, without recording an exposure", async ({
  page,
  request,
}) => {
  const { segment } = await segmentWithArms(request);
  const externalId = uniqueName("ext").replace(" ", "-");
  const [member] = await createUsers(request, 1, { external_id: externalId });
  await addMembers(request, segment.id, [member.id]);

  await page.goto(`/segments/${segment.id}?tab=content`);
  const panel = page.getByRole("region", { name: "Preview as user" });
  await panel.getByLabel("User id, email or external id").fill(member.email.toUpperCase());
  await expect(panel.getByText("Read as email.")).toBeVisible();
  await panel.getByRole("button", { name: "Preview" }).click();
  const result = panel.getByRole("region", { name: "Preview result" });
  await expect(result.getByRole("row", { name: segment.segment_name })).toBeVisible();
  const decision = result.getByRole("listitem");
  await expect(decision).toHaveCount(1);
  await expect(decision).toContainText(/Reason new/);
  await expect(decision).toContainText(/control|variant_a/);
  await expectNoAxeViolations(page, "the Content & A/B tab's preview with a result");

  // The panel shows exactly what decide answers for the user, and nothing was recorded.
  const answer = await (
    await request.post("/api/v1/decide", {
      data: { user_id: member.id, segment_ids: [segment.id], record_exposure: false },
    })
  ).json();
  await result.getByText("Decide's answer as JSON").click();
  await expect(result.locator("pre")).toHaveText(JSON.stringify(answer, null, 2));
  const timeline = await (await request.get(`/api/v1/segments/${segment.id}/experiment/timeline`)).json();
  expect(timeline.exposures).toEqual([]);

  // Promoted: every decision is the winner.
  await request.post(`/api/v1/segments/${segment.id}/experiment/promote`, {
    data: { personalized_content_id: answer.decisions[0].personalized_content_id },
  });
  await panel.getByRole("button", { name: "Preview" }).click();
  await expect(decision).toContainText(/Reason winner/);

  // The header's preview: any user, by external id, over every segment.
  await page.getByRole("button", { name: "Preview as user" }).click();
  const dialog = page.getByRole("dialog", { name: "Preview as user" });
  await dialog.getByLabel("User id, email or external id").fill(externalId);
  await dialog.getByRole("button", { name: "Preview" }).click();
  await expect(dialog.getByRole("row", { name: segment.segment_name })).toBeVisible();
  await expect(dialog.getByText(member.email)).toBeVisible();
  await expectNoAxeViolations(page, "the header's Preview as user dialog with a result");

  const unknown = "nobody-" + externalId;
  await dialog.getByLabel("User id, email or external id").fill(unknown);
  await dialog.getByRole("button", { name: "Preview" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(`No user has the external id “${unknown}”.`);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
});
