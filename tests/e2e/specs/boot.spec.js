// The static home page that index.html shows on a first visit while the wasm downloads: it must be
// exactly what the app renders, in each language, and must give way to the app.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { test, expect, expectAccessible, open } from "../fixtures.js";

const indexHtml = fileURLToPath(new URL("../../../index.html", import.meta.url));
const template = (lang) => new RegExp(`(<template id="boot-${lang}">)([\\s\\S]*?)(</template>)`);

/** The app's rendering of the home page as the snapshot stores it: no skip link (it would point
 * into the snapshot), ids prefixed so they never clash with the app's. */
async function rendered(page, lang) {
  await open(page, "#/", { lang });
  return page.evaluate(() => {
    const app = document.getElementById("app").cloneNode(true);
    app.querySelector(".skip-link").remove();
    for (const el of [app, ...app.querySelectorAll("[id]")]) el.id = "boot-" + el.id;
    for (const el of app.querySelectorAll("[aria-labelledby]"))
      el.setAttribute("aria-labelledby", "boot-" + el.getAttribute("aria-labelledby"));
    return app.outerHTML;
  });
}

test("the snapshot in index.html is the app's home page, in Kazakh and in English", async ({ browser }) => {
  let html = await readFile(indexHtml, "utf8");
  for (const lang of ["kk", "en"]) {
    const context = await browser.newContext();
    const snapshot = await rendered(await context.newPage(), lang);
    await context.close();
    if (process.env.UPDATE_BOOT) html = html.replace(template(lang), (_, open, _old, close) => open + snapshot + close);
    else expect(html.match(template(lang))[2], `index.html's boot-${lang} is stale: run UPDATE_BOOT=1 make e2e`).toBe(snapshot);
  }
  if (process.env.UPDATE_BOOT) await writeFile(indexHtml, html);
});

/** Holds the wasm download until the returned function is called. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test("a first visit shows the home page in the browser's language before the app arrives", async ({ browser }) => {
  const context = await browser.newContext({ locale: "kk-KZ" });
  const page = await context.newPage();
  const release = await holdWasm(page);
  await page.goto("./", { waitUntil: "commit" });
  await expect(page.locator("#boot h1")).toHaveText("АХҚО Экспат орталығында қай қызмет сізге керек?");
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await expect(page.locator("#boot")).toBeVisible();
  await expectAccessible(page);
  release();
  await expect(page.locator("#main h1")).toHaveText("АХҚО Экспат орталығында қай қызмет сізге керек?");
  await expect(page.locator("#boot")).toHaveCount(0);
  await context.close();
});

test("another page, or a returning user with drafts, gets no home snapshot", async ({ page }) => {
  let release = await holdWasm(page);
  await page.goto("./#/services", { waitUntil: "commit" });
  await expect(page.locator("#crash")).toBeAttached();
  await expect(page.locator("#boot")).toHaveCount(0);
  release();
  await expect(page.locator("#main h1")).toHaveText("All Expat Centre services");

  await page.evaluate(() => localStorage.setItem("expat-navigator.drafts", '{"version":2}'));
  await page.unroute(/_bg\.wasm$/);
  release = await holdWasm(page);
  await page.goto("./#/", { waitUntil: "commit" });
  await expect(page.locator("#crash")).toBeAttached();
  await expect(page.locator("#boot")).toHaveCount(0);
  release();
  await expect(page.locator("#main h1")).toHaveText("Which AIFC Expat Centre service do you need?");
});
