// Every form of an address opens the page it names, under any folder: the site root is where the
// app's own files are, never guessed from the words of the path.
import { test, expect, expectAccessible, allowConsoleError, ready } from "../fixtures.js";

const HOME = "Which AIFC Expat Centre service do you need?";
const CATALOGUE = "All Expat Centre services";
const h1 = (page) => page.getByRole("heading", { level: 1 });

/** The scope of the service worker the page registered, once it is registered. */
async function serviceWorkerScope(page) {
  return page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
}

for (const prefix of ["/en/expat/", "/share/"]) {
  const port = prefix === "/share/" ? 4176 : 4175;
  const site = `http://127.0.0.1:${port}${prefix}`;

  test(`under ${prefix} every page is itself and every link stays under it`, async ({ page }) => {
    await page.goto(site);
    await ready(page);
    await expect(h1(page)).toHaveText(HOME);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect(await serviceWorkerScope(page)).toBe(site);
    await page.getByRole("link", { name: "All services" }).first().click();
    await expect(page).toHaveURL(`${site}en/services/`);
    await expect(h1(page)).toHaveText(CATALOGUE);
    await page.getByRole("link", { name: "Expat Navigator" }).click();
    await expect(page).toHaveURL(`${site}en/`);
    await expect(h1(page)).toHaveText(HOME);
    // A deep link in Kazakh, loaded as a page.
    await page.goto(`${site}kk/service/iin/`);
    await ready(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "kk");
    await expect(h1(page)).toContainText("ЖСН");
    // The neutral share link below the prefix.
    await page.goto(`${site}share/?need=work&where=outside`);
    await ready(page);
    await expect(page.getByRole("button", { name: "Load these answers" })).toBeVisible();
    await expectAccessible(page);
  });
}

test("index.html forms and percent-encoded ids are the page itself, in its one address", async ({ page }) => {
  for (const [asked, canonical, heading] of [
    ["en/services/index.html", "en/services/", CATALOGUE],
    ["en/service/iin/index.html", "en/service/iin/", /Individual Identification Number/],
    ["en/q/need/index.html", "en/q/need/", "What is needed?"],
    ["en/service/%69in/", "en/service/iin/", /Individual Identification Number/],
    ["index.html", "", HOME],
  ]) {
    await page.goto(`/${asked}`);
    await ready(page);
    await expect(h1(page), asked).toHaveText(heading);
    await expect(page).toHaveURL(`http://127.0.0.1:4173/${canonical}`);
  }
});

test("a leading double slash and doubled inner slashes start the app with links on this host", async ({ page }) => {
  await page.goto("http://127.0.0.1:4173//en/services/");
  await ready(page);
  await expect(h1(page)).toHaveText(CATALOGUE);
  await expect(page).toHaveURL("http://127.0.0.1:4173/en/services/");
  const href = await page.getByRole("link", { name: "All services" }).first().evaluate((a) => a.href);
  expect(href).toBe("http://127.0.0.1:4173/en/services/");
  expect(await serviceWorkerScope(page)).toBe("http://127.0.0.1:4173/");

  await page.goto("http://127.0.0.1:4173/en//service//iin//");
  await ready(page);
  await expect(h1(page)).toContainText("Individual Identification Number");
  await expect(page).toHaveURL("http://127.0.0.1:4173/en/service/iin/");
  await page.getByRole("link", { name: "All services" }).first().click();
  await expect(page).toHaveURL("http://127.0.0.1:4173/en/services/");
});

test("the 404 page finds the site root even when its path ends in a language code", async ({ page }) => {
  allowConsoleError(/^Failed to load resource: the server responded with a status of 404 \(Not Found\)$/);
  for (const asked of ["/en/q/ru/#/kk/service/iin", "/kk/service/nope/ru", "/en/q/ru/"]) {
    const response = await page.goto(`http://127.0.0.1:4173${asked}`);
    expect(response.status(), asked).toBe(404);
    await expect(h1(page)).toHaveText("Page not found");
    expect(await page.evaluate(() => document.baseURI), asked).toBe("http://127.0.0.1:4173/");
    // Styled: the stylesheet was found from the root.
    expect(await page.evaluate(() => [...document.styleSheets].some((s) => s.cssRules.length > 0)), asked).toBe(true);
  }
  await page.getByRole("link", { name: "Back to the home page" }).click();
  await expect(page).toHaveURL("http://127.0.0.1:4173/en/");
  await ready(page);
  await expect(h1(page)).toHaveText(HOME);
});

test("under a sub-path named like a language, the 404 page finds the root the app remembered", async ({ page }) => {
  allowConsoleError(/^Failed to load resource: the server responded with a status of 404 \(Not Found\)$/);
  await page.goto("http://127.0.0.1:4175/en/expat/en/");
  await ready(page);
  const response = await page.goto("http://127.0.0.1:4175/en/expat/en/no/such/page/");
  expect(response.status()).toBe(404);
  expect(await page.evaluate(() => document.baseURI)).toBe("http://127.0.0.1:4175/en/expat/");
  await page.getByRole("link", { name: "Back to the home page" }).click();
  await expect(page).toHaveURL("http://127.0.0.1:4175/en/expat/en/");
  await ready(page);
  await expect(h1(page)).toHaveText(HOME);
});
