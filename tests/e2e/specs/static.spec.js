// Every address is a real static page: complete without JavaScript where it does not depend on
// the visitor's answers, a titled shell where it does, never blank; the app takes it over
// without a visible change; the old `#/...` links still open the same page.
import { test, expect, expectAccessible, open, ready, allowConsoleError } from "../fixtures.js";

const SERVICE = "work-visa-invitation";
const SHARE = "need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=0";

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

/** A page's `#app` as text and structure, comparable between the static HTML and the live app:
 * no framework comments, links resolved, the service page's calculators left out (they are a
 * "loading" line in the static page). */
function normalized(page) {
  return page.evaluate(() => {
    const app = document.getElementById("app").cloneNode(true);
    for (const section of app.querySelectorAll("section.calculator")) section.remove();
    for (const a of app.querySelectorAll("a[href]")) a.setAttribute("href", a.href);
    // Attribute order is not something anyone sees.
    for (const el of [app, ...app.querySelectorAll("*")]) {
      const attributes = [...el.attributes].map((a) => [a.name, a.value]).sort();
      for (const [name] of attributes) el.removeAttribute(name);
      for (const [name, value] of attributes) el.setAttribute(name, value);
    }
    const walker = document.createTreeWalker(app, NodeFilter.SHOW_COMMENT);
    const comments = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    comments.forEach((c) => c.remove());
    return app.outerHTML.replace(/\s+/g, " ");
  });
}

test("a service page without JavaScript shows its steps, documents and fees, in both languages", async ({ browser }) => {
  for (const lang of ["kk", "en", "ru"]) {
    // What the live app shows on this page...
    const live = await browser.newContext();
    const page = await live.newPage();
    await open(page, `service/${SERVICE}/`, { lang });
    const expected = await page.evaluate(() => ({
      title: document.querySelector("#main h1").textContent,
      documents: [...document.querySelectorAll("#main ul.checklist > li")].map((li) => li.textContent),
      fees: document.querySelector("#main table")?.textContent,
      steps: [...document.querySelectorAll("#main section[aria-labelledby=steps] li")].map((li) => li.textContent),
    }));
    await live.close();
    expect(expected.documents.length).toBeGreaterThan(5);
    expect(expected.fees).toMatch(/\d/);

    // ...is all there with JavaScript off.
    const off = await browser.newContext({ javaScriptEnabled: false });
    const staticPage = await off.newPage();
    const response = await staticPage.goto(`./${lang}/service/${SERVICE}/`);
    expect(response.status()).toBe(200);
    await expect(staticPage.locator("html")).toHaveAttribute("lang", lang);
    await expect(staticPage.locator("#main h1")).toHaveText(expected.title);
    const documents = await staticPage.locator("#main ul.checklist > li").allTextContents();
    expect(documents).toEqual(expected.documents);
    expect(await staticPage.locator("#main table").first().textContent()).toBe(expected.fees);
    expect(expected.steps.length).toBeGreaterThan(1);
    expect(await staticPage.locator("#main section[aria-labelledby=steps] li").allTextContents()).toEqual(expected.steps);
    // Where the calculators would be, a note says they need JavaScript; nothing says "loading".
    await expect(staticPage.locator("#fees ~ .no-js-only")).toContainText("JavaScript");
    await expect(staticPage.locator("#main .loading")).toBeHidden();
    await off.close();
  }
});

test("each static page is what the app renders, so the app takes over without a visible change", async ({ browser }) => {
  for (const lang of ["kk", "en", "ru"]) {
    for (const path of ["", "services/", `service/${SERVICE}/`, "service/iin/", "about/"]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const release = await holdWasm(page);
      await page.goto(`./${lang}/${path}`, { waitUntil: "domcontentloaded" });
      const before = await normalized(page);
      release();
      await ready(page);
      expect(await normalized(page), `${lang}/${path}`).toBe(before);
      await context.close();
    }
  }
});

test("the app takes over a deep link without a layout shift", async ({ page }) => {
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__shift += e.value))).observe({ type: "layout-shift", buffered: true });
  });
  await open(page, `service/${SERVICE}/`);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__shift)).toBeLessThan(0.01);
});

// Without the service worker: each page registers it once loaded, and its precache would fetch
// the wasm this test holds back (a page's routes do not see a service worker's requests).
test.describe(() => {
  test.use({ serviceWorkers: "block" });

  test("no address is blank before the app arrives, and each names its page", async ({ page }) => {
    const release = await holdWasm(page);
    const pages = [
      ["", "Which AIFC Expat Centre service do you need?"],
      ["services/", "All Expat Centre services"],
      ["service/iin/", /Individual Identification Number/],
      ["about/", "Privacy and accessibility"],
      ["q/need/", "What is needed?"],
      ["q/member2/", /family member/i],
      ["check/", "Check your answers"],
      ["result/", "Your service and document checklist"],
      ["share/?" + SHARE, "Open shared answers"],
      ["drafts/", "Drafts"],
    ];
    // Axe checks the static page as a visitor sees it while the app downloads.
    for (const [path, heading] of pages) {
      await page.goto(`./en/${path}`, { waitUntil: "domcontentloaded" });
      await expect(page.locator("#main h1"), path).toHaveText(heading);
      await expect(page.locator("#main h1"), path).toBeVisible();
      await expect(page.locator("header.site-header"), path).toBeVisible();
      await expect(page.locator("footer.site-footer"), path).toBeVisible();
      if (/^(q|check|result|share|drafts)/.test(path)) await expect(page.locator("#main .loading"), path).toContainText("Loading");
      if (["", "service/iin/", "check/"].includes(path)) await expectAccessible(page);
    }
    release();
  });
});

test("pages that depend on answers say what is missing without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("./kk/result/");
  await expect(page.locator("#main h1")).toHaveText("Сізге қажет қызмет және құжаттар тізімі");
  await expect(page.locator("#main .no-js-only")).toContainText("JavaScript");
  await expect(page.locator("#main .loading")).toBeHidden();
  await context.close();
});

test("every old #/ link opens the same page", async ({ page }) => {
  // The last one, a link that never existed, is answered with the 404 page.
  allowConsoleError(/status of 404 \(Not Found\)$/);
  const old = [
    ["#/", /\/en\/$/, "Which AIFC Expat Centre service do you need?"],
    ["#/services", /\/en\/services\/$/, "All Expat Centre services"],
    ["#/service/iin", /\/en\/service\/iin\/$/, /Individual Identification Number/],
    ["#/q/need", /\/en\/q\/need\/$/, "What is needed?"],
    ["#/check", /\/en\/check\/$/, "Check your answers"],
    ["#/drafts", /\/en\/drafts\/$/, "Drafts"],
    ["#/about", /\/en\/about\/$/, "Privacy and accessibility"],
    [`#/share?${SHARE}`, new RegExp(`/en/share/\\?${SHARE.replace(/[?&]/g, "\\$&")}$`), "Open shared answers"],
  ];
  for (const [hash, url, heading] of old) {
    await page.goto("./" + hash);
    await expect(page, hash).toHaveURL(url);
    await ready(page);
    await expect(page.locator("#main h1"), hash).toHaveText(heading);
  }
  // The share link's answers came along.
  await expect(page.locator("#main dl.summary-list")).toContainText(/work/i);
  // A link that never existed gets the not-found page, not a blank one.
  await page.goto("./#/no/such/page");
  await expect(page).toHaveURL(/\/en\/no\/such\/page\/$/);
  await expect(page.locator("#main h1")).toHaveText("Page not found");
});

test("the site root and share links open in the reader's language; the switch remembers it", async ({ browser }) => {
  const kazakh = await browser.newContext({ locale: "kk-KZ" });
  let page = await kazakh.newPage();
  await page.goto("./");
  await expect(page).toHaveURL(/\/kk\/$/);
  await page.goto(`./share/?${SHARE}`);
  await expect(page).toHaveURL(new RegExp(`/kk/share/\\?`));
  await ready(page);
  await expect(page.locator("#main h1")).toHaveText("Бөлісілген жауаптарды ашу");
  await kazakh.close();

  const english = await browser.newContext({ locale: "en-GB" });
  page = await english.newPage();
  await page.goto("./");
  await expect(page).toHaveURL(/127\.0\.0\.1:4173\/$/);
  await ready(page);
  await page.locator(".lang-switch a[hreflang=kk]").click();
  await expect(page).toHaveURL(/\/kk\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await page.goto("./");
  await expect(page).toHaveURL(/\/kk\/$/);
  await english.close();
});

test("each page names its other language and its canonical address", async ({ page }) => {
  const href = (selector) => page.locator(selector).evaluate((link) => link.href);
  await page.goto(`./kk/service/${SERVICE}/`);
  expect(await href('link[rel="canonical"]')).toBe(`http://127.0.0.1:4173/kk/service/${SERVICE}/`);
  expect(await href('link[rel="alternate"][hreflang="en"]')).toBe(`http://127.0.0.1:4173/en/service/${SERVICE}/`);
  expect(await href('link[rel="alternate"][hreflang="kk"]')).toBe(`http://127.0.0.1:4173/kk/service/${SERVICE}/`);
  await expect(page).toHaveTitle(/ · Экспат навигатор$/);
  await page.goto("./");
  expect(await href('link[rel="alternate"][hreflang="x-default"]')).toBe("http://127.0.0.1:4173/");
});

test("a missing page gets the 404 page, styled and with working links, at the root and under a sub-path", async ({ page }) => {
  // The browser logs the 404 status of the page itself.
  allowConsoleError(/status of 404 \(Not Found\)$/);
  for (const base of ["http://127.0.0.1:4173/", "http://127.0.0.1:4174/expat/"]) {
    const response = await page.goto(`${base}en/service/no-such-service/`);
    expect(response.status()).toBe(404);
    await expect(page.locator("#main h1")).toHaveText("Page not found");
    expect(await page.locator("header").evaluate((h) => getComputedStyle(h).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
    await expectAccessible(page);
    await page.locator(".lang-switch a[hreflang=kk]").click();
    await expect(page).toHaveURL(`${base}kk/`);
    await expect(page.locator("#main h1")).toHaveText("АХҚО Экспат орталығында қай қызмет сізге керек?");
  }
});

test("links between pages are followed in place, and Back returns", async ({ page }) => {
  await open(page, "services/");
  await page.evaluate(() => (window.__samePage = true));
  await page.getByRole("link", { name: /Individual Identification Number/ }).first().click();
  await expect(page).toHaveURL(/\/en\/service\/iin\/$/);
  await expect(page.locator("#main h1")).toContainText("Individual Identification Number");
  await expect(page).toHaveTitle(/Individual Identification Number.* · Expat Navigator$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/en\/services\/$/);
  await expect(page.locator("#main h1")).toHaveText("All Expat Centre services");
  expect(await page.evaluate(() => window.__samePage)).toBe(true);
});

test("under a sub-path every kind of address works: the root, a deep link, an old link, a share link", async ({ page }) => {
  const base = "http://127.0.0.1:4174/expat/";
  await page.goto(base);
  await ready(page);
  await expect(page.locator("#main h1")).toHaveText("Which AIFC Expat Centre service do you need?");
  await page.goto(`${base}kk/service/iin/`);
  await ready(page);
  await expect(page.locator("#main h1")).toContainText("ЖСН");
  await page.getByRole("link", { name: "Барлық қызметтер" }).first().click();
  await expect(page).toHaveURL(`${base}kk/services/`);
  await page.goto(`${base}#/service/residence-permit`);
  await expect(page).toHaveURL(`${base}en/service/residence-permit/`);
  await ready(page);
  await expect(page.locator("#main h1")).toContainText(/residence permit/i);
  await page.goto(`${base}share/?${SHARE}`);
  await ready(page);
  await expect(page.locator("#main h1")).toHaveText("Open shared answers");
  await page.getByRole("button", { name: "Load these answers" }).click();
  await expect(page).toHaveURL(`${base}en/check/`);
  await expectAccessible(page);
});

test("a page readable without the app fetches it at low priority; a page that needs it, at once", async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const priorities = new Map();
  cdp.on("Network.requestWillBeSent", ({ request }) => {
    if (request.url.endsWith("_bg.wasm")) priorities.set(new URL(page.url()).pathname, request.initialPriority);
  });
  await open(page, `service/${SERVICE}/`);
  await open(page, "check/");
  expect(Object.fromEntries(priorities)).toEqual({ [`/en/service/${SERVICE}/`]: "Low", "/en/check/": "High" });
});
