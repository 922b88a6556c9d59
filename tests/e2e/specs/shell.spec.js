// The app shell: name, language switch, footer, not-found page, small screens, keyboard.
import { test, expect, expectAccessible, open, openMissing, ready } from "../fixtures.js";

test("home page shows the product, the start button and the Expat Centre's contacts", async ({ page }) => {
  await open(page);
  await expect(page).toHaveTitle(/Expat Navigator/);
  await expect(page.getByRole("link", { name: "Expat Navigator" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Which AIFC Expat Centre service do you need?");
  await expect(page.getByRole("link", { name: "Start now" })).toBeVisible();
  const footer = page.locator("footer");
  await expect(footer).toContainText("09:00–18:00");
  await expect(footer).toContainText("13:00–14:00");
  await expect(footer).toContainText("expat@aifc.kz");
  await expect(footer).toContainText("+7 (7172) 64 73 33");
  await expect(footer).toContainText("55/18 Mangilik El Avenue");
  await expectAccessible(page);
});

test("the language switch re-renders in Kazakh, sets <html lang> and persists across visits", async ({ page }) => {
  await open(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const switcher = page.locator("nav.lang-switch");
  await expect(switcher.getByRole("link", { name: "English" })).toHaveAttribute("aria-current", "true");
  await switcher.getByRole("link", { name: "Қазақша" }).click();
  // The same page, in Kazakh, at its own address.
  await expect(page).toHaveURL(/127\.0\.0\.1:4173\/kk\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("АХҚО Экспат орталығында қай қызмет сізге керек?");
  await expect(switcher.getByRole("link", { name: "Қазақша" })).toHaveAttribute("aria-current", "true");
  await expect(switcher.getByRole("link", { name: "English" })).not.toHaveAttribute("aria-current", /./);
  await expect(page.locator("footer")).toContainText("Мәңгілік ел даңғылы 55/18");
  await expectAccessible(page);
  await page.reload();
  await ready(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await expect(page.getByRole("link", { name: "Бастау" })).toBeVisible();
  // A later visit to the site's own address opens in the language chosen.
  expect(await page.evaluate(() => localStorage.getItem("expat-navigator.lang"))).toBe("kk");
  await page.goto("./");
  await expect(page).toHaveURL(/127\.0\.0\.1:4173\/kk\/$/);
  await ready(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await expect(page.getByRole("link", { name: "Бастау" })).toBeVisible();
});

test("a browser that prefers Kazakh starts in Kazakh", async ({ browser }) => {
  const context = await browser.newContext({ locale: "kk-KZ" });
  const page = await context.newPage();
  await page.goto("./");
  await expect(page).toHaveURL(/127\.0\.0\.1:4173\/kk\/$/);
  await ready(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await context.close();
});

test("an unknown address shows a not-found page with a way home", async ({ page }) => {
  await openMissing(page, "no/such/page/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  // The address asked for stays in the address bar.
  await expect(page).toHaveURL("http://127.0.0.1:4173/en/no/such/page/");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to the home page" }).click();
  await expect(page).toHaveURL("http://127.0.0.1:4173/en/");
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Which AIFC Expat Centre service do you need?");
});

test("at 320 px nothing scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await open(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test("keyboard alone: skip link, then every control is reachable with a visible focus", async ({ page }) => {
  await open(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
  // Tab onward to the start button and follow it with Enter.
  for (let i = 0; i < 10 && !(await page.getByRole("link", { name: "Start now" }).evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Start now" })).toBeFocused();
});

test("the favicon is served", async ({ page, request }) => {
  await open(page);
  const href = await page.locator('link[rel="icon"]').getAttribute("href");
  const response = await request.get(new URL(href, page.url()).toString());
  expect(response.ok()).toBe(true);
});
