// Static hosting: offline after one visit, any sub-path, a strict CSP that blocks nothing we need,
// nothing sent anywhere.
import { test, expect, expectAccessible, open, ready } from "../fixtures.js";

test("after one visit the app works with the network off", async ({ page, context }) => {
  await open(page, "services/");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((done) => navigator.serviceWorker.addEventListener("controllerchange", done, { once: true }));
  });
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("All Expat Centre services");
  await page.getByRole("link", { name: /Individual Identification Number/ }).first().click();
  await expect(page).toHaveURL(/\/en\/service\/iin\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Individual Identification Number");
  // A page never visited opens too.
  await page.goto("./en/q/need/");
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What is needed?");
  await context.setOffline(false);
});

test("the app works under a sub-path, deep links included", async ({ page }) => {
  await page.goto("http://127.0.0.1:4174/expat/en/service/residence-permit/");
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/residence permit/i);
  await page.reload();
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/residence permit/i);
  await page.getByRole("link", { name: "All services" }).first().click();
  await expect(page).toHaveURL("http://127.0.0.1:4174/expat/en/services/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("All Expat Centre services");
  await expectAccessible(page);
});

test("the Content-Security-Policy is in force and reports no violation", async ({ page, request }) => {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await request.get("./");
  const header = response.headers()["content-security-policy"];
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(header).toContain("frame-ancestors 'none'");
  expect(header).not.toContain("unsafe-inline");
  // Walk the pages that render the most: catalogue, a service with fees and dates, the wizard.
  for (const path of ["", "services/", "service/work-visa-invitation/", "q/need/", "about/", "drafts/"]) {
    await open(page, path);
  }
  await open(page, "share/?need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=1&member1=spouse");
  await page.getByRole("button", { name: "Load these answers" }).click();
  await page.getByRole("link", { name: "See the result" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Applicant" })).toBeVisible();
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(meta).toContain("default-src 'self'");
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  // Directives that WebKit, Gecko and Blink all know: an unknown one is a console error in WebKit.
  const known = ["default-src", "script-src", "style-src", "img-src", "connect-src", "worker-src", "object-src", "base-uri", "form-action", "frame-ancestors"];
  for (const policy of [meta, header]) {
    const directives = policy.split(";").map((d) => d.trim().split(/\s+/)[0]);
    expect(directives.filter((d) => !known.includes(d))).toEqual([]);
  }
  // The manifest falls under default-src 'self', and the browser still reads it.
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send("Page.getAppManifest");
  expect(manifest.errors).toEqual([]);
  expect(manifest.data).toContain('"start_url"');
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});

test("the privacy and accessibility page says nothing leaves the device", async ({ page }) => {
  await open(page, "about/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy and accessibility");
  await expect(page.locator("main")).toContainText("nothing you enter is sent anywhere");
  await expect(page.locator("main")).toContainText("WCAG 2.2");
  await expectAccessible(page);
});

test("a web app manifest and the service worker are served", async ({ page, request }) => {
  await open(page);
  const manifest = await (await request.get("./manifest.webmanifest")).json();
  expect(manifest.start_url).toBe("./");
  const sw = await (await request.get("./sw.js")).text();
  expect(sw).not.toContain("__PRECACHE__");
  expect(sw).toMatch(/\.wasm"/);
});

test("a page registers the service worker without the app: offline works even where the wasm never ran", async ({ browser, baseURL }) => {
  // A page of its own, without the fixture's console checks: the blocked wasm is an error by design.
  const page = await browser.newPage({ baseURL });
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto("./en/service/iin/");
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(new URL("./", baseURL).href);
  await expect(page.locator("html")).not.toHaveAttribute("data-app", "ready");
  await page.close();
});
