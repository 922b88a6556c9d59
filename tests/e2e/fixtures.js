// The baseline every page keeps: no console errors, no request to any other origin, axe clean.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const test = base.extend({
  // Every test fails if the page logs an error or asks any origin but its own.
  page: async ({ page }, use, testInfo) => {
    const problems = [];
    page.on("console", (msg) => {
      if (msg.type() === "error" && !testInfo.annotations.some((a) => a.type === "expect-console-error"))
        problems.push(`console error: ${msg.text()}`);
    });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("request", (req) => {
      const url = new URL(req.url());
      if (!["127.0.0.1", "localhost"].includes(url.hostname) && !["data:", "blob:"].includes(url.protocol))
        problems.push(`request to another origin: ${req.url()}`);
    });
    await use(page);
    expect(problems, problems.join("\n")).toEqual([]);
  },
});

export { expect };

/** Asserts axe-core finds no WCAG 2.2 A/AA violation on the page as it is now. */
export async function expectAccessible(page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, summary.join("\n")).toEqual([]);
}

/**
 * Opens a page of the app, `path` below its language folder (`services/`, `service/iin/`,
 * `share/?need=work`), and waits until the app has taken over its static HTML.
 */
export async function open(page, path = "", { lang = "en" } = {}) {
  await page.goto(`./${lang}/${path}`);
  await ready(page);
}

/** Waits until the app is live on the page (it has replaced the static HTML). */
export async function ready(page) {
  await page.locator('html[data-app="ready"]').waitFor({ state: "attached" });
  await page.locator("#main h1").first().waitFor();
}
