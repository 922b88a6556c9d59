// Playwright drives Debian's Chromium (browsers cannot be downloaded here) against the release
// build in ../../dist, served on 127.0.0.1 at the root and under three sub-paths.
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "./specs",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: "http://127.0.0.1:4173/",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
      ],
    },
  },
  webServer: [
    { command: "node serve.mjs --root ../../dist --port 4173 --headers", url: "http://127.0.0.1:4173/", reuseExistingServer: false },
    { command: "node serve.mjs --root ../../dist --port 4174 --base /expat/ --headers", url: "http://127.0.0.1:4174/expat/", reuseExistingServer: false },
    // Sub-paths whose words look like the app's own: a language code, the share page.
    { command: "node serve.mjs --root ../../dist --port 4175 --base /en/expat/ --headers", url: "http://127.0.0.1:4175/en/expat/", reuseExistingServer: false },
    { command: "node serve.mjs --root ../../dist --port 4176 --base /share/ --headers", url: "http://127.0.0.1:4176/share/", reuseExistingServer: false },
  ],
});
