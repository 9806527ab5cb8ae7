// Required mode (a second server, see playwright.config.ts): sign in, create an API key and see it once,
// a viewer sees no write controls, sign out.
import { expect, type Page, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { expectNoAxeViolations } from "./axe";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/segments$/);
}

test("a visitor without a session is sent to the sign-in page, and the API answers 401", async ({
  page,
  request,
}) => {
  await page.goto("/segments");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectNoAxeViolations(page, "the sign-in page");
  const res = await request.get("/api/v1/segments");
  expect(res.status()).toBe(401);
  expect(res.headers()["www-authenticate"]).toMatch(/^Bearer/);
});

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expectNoAxeViolations(page, "the sign-in page with its error");
});

test("an admin signs in, creates a key, sees it once, and the key works", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole("link", { name: "New segment" })).toBeVisible();
  await page.getByRole("link", { name: "Keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
  const name = `Website ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("decide").check();
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveText(/^as_/);
  const key = (await shown.textContent()) ?? "";
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
  await expectNoAxeViolations(page, "the API keys page showing a new key");

  const client = await playwright.request.newContext({ baseURL });
  const withKey = await client.get("/api/v1/segments", { headers: { authorization: `Bearer ${key}` } });
  expect(withKey.status()).toBe(200);

  // Once dismissed, the key is gone from the page, and a reload does not bring it back.
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
  expect(await page.content()).not.toContain(key);

  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
  const revoked = await client.get("/api/v1/segments", { headers: { authorization: `Bearer ${key}` } });
  expect(revoked.status()).toBe(401);
  await client.dispose();
});

test("an admin adds a viewer, who sees no write controls and signs out", async ({ page, browser }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/settings/team");
  const email = `viewer-${Date.now()}@example.com`;
  const form = page.getByRole("form", { name: "Add a team member" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill("Vera Viewer");
  await form.getByLabel("Password").fill("viewer-password-1");
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "the team page");

  const context = await browser.newContext();
  const viewer = await context.newPage();
  await signIn(viewer, email, "viewer-password-1");
  await expect(viewer.getByText("(viewer)")).toBeVisible();
  await expect(viewer.getByRole("heading", { name: "Segments" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "New segment" })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "Keys" })).toHaveCount(0);
  const list = await viewer.request.get("/api/v1/segments?limit=1");
  const [segment] = (await list.json()).items as Array<{ id: string }>;
  await viewer.goto(`/segments/${segment.id}?tab=members`);
  await expect(viewer.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(viewer.getByRole("form", { name: "Add member" })).toHaveCount(0);
  await expect(viewer.getByText("Import CSV")).toHaveCount(0);
  await viewer.goto(`/segments/${segment.id}?tab=settings`);
  await expect(viewer.getByText("Your role can view this segment but not change it")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Delete" })).toHaveCount(0);
  const res = await viewer.request.post("/api/v1/segments", { data: { segment_name: "Nope", criteria: {} } });
  expect(res.status()).toBe(403);

  await viewer.getByRole("button", { name: "Sign out" }).click();
  await expect(viewer).toHaveURL(/\/sign-in$/);
  await context.close();
});
