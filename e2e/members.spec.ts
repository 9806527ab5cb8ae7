import { randomUUID } from "node:crypto";
import { createSegment, createUsers, expect, test } from "./segment-fixtures";

test("add members by email and by id, explain one, sort, and remove one", async ({ page, request }) => {
  const segment = await createSegment(request, { criteria: { age_range: [25, 35] } });
  const [first, second] = await createUsers(request, 2);

  await page.goto(`/segments/${segment.id}?tab=members`);
  await expect(page.getByText("No members yet")).toBeVisible();

  const identifier = page.getByLabel("User ID or email");
  await identifier.fill("nobody-here@example.com");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText("No user has the email nobody-here@example.com.")).toBeVisible();
  await expect(identifier).toHaveValue("nobody-here@example.com");

  await identifier.fill(first.email);
  await page.getByRole("button", { name: "Add member" }).click();
  const table = page.getByRole("table", { name: "Members of this segment" });
  await expect(table.getByRole("row", { name: new RegExp(first.email) })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `Added ${first.email}` })).toBeAttached();
  await expect(identifier).toHaveValue("");

  await identifier.fill(second.id);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(table.getByRole("row", { name: new RegExp(second.email) })).toBeVisible();
  await expect(page.getByText("Showing 1–2 of 2")).toBeVisible();

  await page.getByRole("button", { name: "Member", exact: true }).click();
  await expect(page.getByRole("columnheader", { name: /Member/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.getByRole("row").nth(1)).toContainText(first.email);
  await page.getByRole("button", { name: "Member", exact: true }).click();
  await expect(page.getByRole("columnheader", { name: /Member/ })).toHaveAttribute("aria-sort", "descending");
  await expect(table.getByRole("row").nth(1)).toContainText(second.email);

  const firstRow = table.getByRole("row", { name: new RegExp(first.email) });
  await firstRow.getByRole("button", { name: /Why\?/ }).click();
  const why = page.getByRole("dialog", { name: `Why ${first.email}?` });
  await expect(why).toBeVisible();
  await expect(why.getByText("Matches the criteria")).toBeVisible();
  await expect(why.getByRole("row", { name: /Age/ })).toContainText("passed");
  await why.getByRole("button", { name: "Close" }).click();
  await expect(why).toBeHidden();

  await firstRow.getByRole("button", { name: /Remove/ }).click();
  const confirm = page.getByRole("dialog", { name: "Remove member?" });
  await expect(confirm).toContainText(first.email);
  await confirm.getByRole("button", { name: "Remove" }).click();
  await expect(confirm).toBeHidden();
  await expect(table.getByRole("row", { name: new RegExp(first.email) })).toHaveCount(0);
  await expect(page.getByText("Showing 1–1 of 1")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `Removed ${first.email}` })).toBeAttached();
});

test("import members from a CSV with a progress bar, then export them", async ({ page, request }) => {
  const segment = await createSegment(request);
  const users = await createUsers(request, 4);
  const csv = [
    "email,user_id",
    `${users[0].email},`,
    `${users[1].email},`,
    `,${users[2].id}`,
    `,${users[3].id}`,
    "ghost-unknown@example.com,",
  ].join("\n");

  await page.goto(`/segments/${segment.id}?tab=members`);
  await page.getByLabel("CSV file").setInputFiles({
    name: "members.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await expect(page.getByText("Found 2 user IDs, 3 emails.")).toBeVisible();
  const start = page.getByRole("button", { name: "Import 5 members" });
  await start.click();
  await expect(
    page.getByText(/^4 added, 0 already members, 1 not found\. The segment has 4 members\.$/),
  ).toBeVisible();
  await expect(page.getByText("Not found: ghost-unknown@example.com")).toBeVisible();
  await expect(page.getByRole("button", { name: "Import members" })).toBeDisabled();
  await expect(page.getByText("Showing 1–4 of 4")).toBeVisible();

  const exportLink = page.getByRole("link", { name: "Export CSV" });
  await expect(exportLink).toHaveAttribute("href", `/api/v1/segments/${segment.id}/members/export`);
  const exported = await request.get(`/api/v1/segments/${segment.id}/members/export`);
  const text = await exported.text();
  for (const user of users) expect(text).toContain(user.id);
});

test("a failed import continues from the part that failed", async ({ page, request, consoleWatch }) => {
  // The browser logs the 503 this test answers in the server's place.
  consoleWatch.allow(/status of 503/);
  const segment = await createSegment(request);
  const users = await createUsers(request, 2);
  // 10,001 user IDs make two parts (the bulk endpoint takes 10,000): the first holds users[0] and 9,999
  // unknown IDs, the second users[1].
  const unknown = Array.from({ length: 9_999 }, () => randomUUID());
  const csv = ["user_id", users[0].id, ...unknown, users[1].id].join("\n");

  const posted: number[] = [];
  await page.route(`**/api/v1/segments/${segment.id}/members`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const body = route.request().postDataJSON() as { user_ids: string[] };
    posted.push(body.user_ids.length);
    if (posted.length !== 2) return route.continue();
    await route.fulfill({
      status: 503,
      contentType: "application/problem+json",
      body: JSON.stringify({ type: "about:blank", title: "Service Unavailable", status: 503 }),
    });
  });

  await page.goto(`/segments/${segment.id}?tab=members`);
  await page.getByLabel("CSV file").setInputFiles({
    name: "members.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await page.getByRole("button", { name: "Import 10,001 members" }).click();
  const importSection = page.getByRole("region", { name: "Import CSV" });
  await expect(importSection.getByRole("alert")).toHaveText(
    "Service Unavailable. It imported 1 of 2 parts first (1 added); continue to send the rest.",
  );
  expect(posted).toEqual([10_000, 1]);

  await page.getByRole("button", { name: "Continue import" }).click();
  await expect(
    page.getByText(/^2 added, 0 already members, 9,999 not found\. The segment has 2 members\.$/),
  ).toBeVisible();
  // The second try sent only the part that failed.
  expect(posted).toEqual([10_000, 1, 1]);
  await expect(importSection.getByRole("alert")).toHaveCount(0);
});

test("populate from criteria reports what changed", async ({ page, request }) => {
  // A trait only these users have, so that the criteria match exactly them on any database.
  const tag = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const users = await createUsers(request, 2, { traits: { e2e_tag: tag } });
  const segment = await createSegment(request, {
    criteria: { all: [{ field: "traits.e2e_tag", op: "eq", value: tag }] },
  });

  await page.goto(`/segments/${segment.id}?tab=members`);
  await expect(page.getByText("No members yet")).toBeVisible();
  const populate = page.getByRole("button", { name: "Populate from criteria" });
  await populate.click();
  await expect(page.getByText(/^2 added, 0 removed, 0 unchanged; 2 members now\.$/)).toBeVisible();
  await expect(populate).toBeEnabled();
  const table = page.getByRole("table", { name: "Members of this segment" });
  for (const user of users)
    await expect(table.getByRole("row", { name: new RegExp(user.email) })).toBeVisible();
});
