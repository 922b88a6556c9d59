// The app is built twice (`ui::Desk`): the wizard's build for every page a foreign employee opens,
// and the HR desk's build, the whole app, for the Drafts and Roster pages. A page loads only its
// own build, and a link between the two loads the other's page.
import { test, expect, open, ready } from "../fixtures.js";

const WIZARD = /\/expat-navigator-[0-9a-f]+_bg\.wasm$/;
const DESK = /\/expat-navigator-desk-[0-9a-f]+_bg\.wasm$/;

/** The wasm files the page asks for from now on, each once (a preload and its use are one). */
function wasmRequests(page) {
  const seen = [];
  page.on("request", (request) => {
    if (request.url().endsWith(".wasm") && !seen.includes(request.url())) seen.push(request.url());
  });
  return seen;
}

test("the wizard's pages load the wizard's build; a link to the Roster page loads the desk's", async ({ page }) => {
  const wasm = wasmRequests(page);
  await open(page, "q/need/");
  expect(wasm).toHaveLength(1);
  expect(wasm[0]).toMatch(WIZARD);
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Roster" }).click();
  await expect(page).toHaveURL(/\/en\/roster\/$/);
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Many employees at once");
  expect(wasm).toHaveLength(2);
  expect(wasm[1]).toMatch(DESK);
  // The desk's build is the whole app: the wizard's pages open in place from it.
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "All services" }).click();
  await expect(page).toHaveURL(/\/en\/services\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("All Expat Centre services");
  expect(wasm).toHaveLength(2);
});

test("Back or Forward to a desk page in the wizard's build loads that page", async ({ page }) => {
  const wasm = wasmRequests(page);
  await open(page);
  // As if the history held the Drafts page: a history entry the wizard's build cannot render.
  await page.evaluate(() => {
    history.pushState(null, "", "drafts/");
    dispatchEvent(new PopStateEvent("popstate"));
  });
  await expect(page).toHaveURL(/\/en\/drafts\/$/);
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Drafts");
  expect(wasm.map((url) => DESK.test(url))).toEqual([false, true]);
});

test("a desk page that the wizard's build started on is never reloaded", async ({ page, context }) => {
  // Offline, the service worker's stand-in for a page is the wizard's: it must not reload forever.
  await context.route(DESK, (route) => route.abort());
  let loads = 0;
  page.on("framenavigated", (frame) => frame === page.mainFrame() && loads++);
  await page.route(/\/en\/roster\/$/, async (route) => {
    const response = await route.fetch();
    // The wizard's build in place of the desk's (the inline loader changes, so its hash in the
    // policy goes too, as do the integrity attributes).
    const html = (await response.text())
      .replaceAll(/expat-navigator-desk-[0-9a-f]+/g, () => wizardName)
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "")
      .replaceAll(/ integrity="[^"]*"/g, "");
    await route.fulfill({ response, body: html });
  });
  const home = await (await page.request.get("./en/")).text();
  const wizardName = home.match(/expat-navigator-[0-9a-f]+(?=\.js)/)[0];
  await page.goto("./en/roster/");
  await ready(page);
  await page.waitForTimeout(500);
  expect(loads).toBe(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Many employees at once");
});
