import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// A second server in required mode (sign-in, keys, roles) for e2e/*.required.spec.ts, 50 ports up so that
// engineers' parallel runs on neighbouring E2E_PORTs do not collide.
const requiredPort = Number(process.env.E2E_REQUIRED_PORT ?? port + 50);
export const E2E_ADMIN = { email: "admin@example.com", password: "e2e-admin-password" };
// Debian's Chromium where it is installed (Playwright's own download does not work on every machine).
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: /\.required\.spec\.ts$/,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: [
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
    {
      name: "required-mode",
      testMatch: /\.required\.spec\.ts$/,
      use: {
        ...devices["Desktop Chrome"],
        baseURL: `http://127.0.0.1:${requiredPort}`,
        launchOptions: { executablePath, args: ["--no-first-run", "--disable-sync"] },
      },
    },
  ],
  webServer: [
    {
      command: "node scripts/serve-e2e.mjs",
      url: `http://127.0.0.1:${port}/api/v1/segments/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { E2E_PORT: String(port) },
    },
    {
      command: "node scripts/serve-e2e.mjs",
      url: `http://127.0.0.1:${requiredPort}/api/v1/segments/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        E2E_PORT: String(requiredPort),
        AUTH_MODE: "required",
        AUTH_SECRET: "e2e-secret-that-is-at-least-32-characters",
        ADMIN_EMAIL: E2E_ADMIN.email,
        ADMIN_PASSWORD: E2E_ADMIN.password,
        // The scheduled experiments job is not what these tests look at.
        BANDIT_INTERVAL_SECONDS: "0",
      },
    },
  ],
});
