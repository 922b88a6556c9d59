// The baseline every page keeps: no console errors, no request to any other origin, axe clean.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const test = base.extend({
  // Every test fails if the page logs an error or asks any origin but its own.
  // An "expect-console-error" annotation allows console errors: all of them, or with a
  // description, only those whose text matches it (a regular expression; see allowConsoleError).
  page: async ({ page }, use, testInfo) => {
    const problems = [];
    const allowed = (text) =>
      testInfo.annotations.some((a) => a.type === "expect-console-error" && (!a.description || new RegExp(a.description).test(text)));
    page.on("console", (msg) => {
      if (msg.type() === "error" && !allowed(msg.text())) problems.push(`console error: ${msg.text()}`);
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

/** Allows, for the rest of the running test, the console errors whose text matches `pattern`. */
export function allowConsoleError(pattern) {
  test.info().annotations.push({ type: "expect-console-error", description: pattern.source });
}

/**
 * Opens an address the site does not have (`path` below the language folder, or a full URL):
 * the host answers 404 with the static 404.html, where no app runs. The browser logs that 404
 * status as a console error: that one error, and no other, is allowed.
 */
export async function openMissing(page, path, { lang = "en" } = {}) {
  allowConsoleError(/^Failed to load resource: the server responded with a status of 404 \(Not Found\)$/);
  const response = await page.goto(/^https?:/.test(path) ? path : `./${lang}/${path}`);
  expect(response.status(), `${path} is not found`).toBe(404);
  await page.locator("#main h1").first().waitFor();
  return response;
}

/** Follows the language switch's link to `lang` ("kk", "en"): the same page in that language. */
export async function switchLanguage(page, lang) {
  const expected = new URL(page.url());
  expected.pathname = expected.pathname.replace(/\/[a-z]{2}\/(?!.*\/[a-z]{2}\/)/, `/${lang}/`);
  expected.hash = "";
  await page.locator(`nav.lang-switch a[hreflang="${lang}"]`).click();
  await expect(page).toHaveURL(expected.href);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
}
