import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests drive the production build (`next start`) in Chromium against a fresh
// database that scripts/test.mjs prepares: run them with `npm run test:e2e`.
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run the end-to-end tests with `npm run test:e2e`.");

const port = Number(process.env.E2E_PORT || 3200);
const chromium = process.env.CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node scripts/launch.mjs serve",
    url: `http://localhost:${port}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NEXTAUTH_SECRET: "e2e-only-secret-not-used-anywhere-else-0123456789",
      NEXTAUTH_URL: `http://localhost:${port}`,
      DEMO_SHARE_LINK_FILE: ".data/e2e-demo-share-link",
      IMPORT_ALLOW_PRIVATE_URLS: "1",
    },
  },
});
