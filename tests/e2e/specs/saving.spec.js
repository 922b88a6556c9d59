// Nothing typed is lost at the edges: thousands of drafts, a record too big to keep aside,
// storage refused or full in the middle of a session, values typed but not submitted, the
// result page's dates, and share links with repeated unknown keys.
import { readFile } from "node:fs/promises";
import { test, expect, expectAccessible, open, ready } from "../fixtures.js";

const WORK = "need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=0";

/** A stored version 2 draft record; `n` orders them in time (a larger n is newer). */
function record(n, name = `Employee ${n}`) {
  const t = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString().slice(0, 19);
  const id = `20260101-000000-${n.toString(16).padStart(8, "0")}`;
  return [`expat-navigator.draft.${id}`, JSON.stringify({ version: 2, id, name, lang: "en", answers: { need: "work" }, ticked: [], created: t, updated: t, revision: 1 })];
}

/** Seeds `count` drafts before the app starts, once (not again on reload). */
async function seedDrafts(page, count, extra = {}) {
  const entries = Object.fromEntries([...Array.from({ length: count }, (_, i) => record(i)), ...Object.entries(extra)]);
  await page.addInitScript((entries) => {
    if (sessionStorage.getItem("seeded")) return;
    localStorage.setItem("expat-navigator.drafts", '{"version":2}');
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    sessionStorage.setItem("seeded", "1");
  }, entries);
}

const storageDump = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
const banner = (page, text) => page.getByRole("status").filter({ hasText: text });

test("1 001 drafts: the newest is listed first and offered on Home, every one is reachable, export has all", async ({ page }) => {
  await seedDrafts(page, 1001);
  await open(page, "");
  await expect(page.locator("main")).toContainText("Employee 1000");
  await open(page, "drafts/");
  await expect(page.locator("li.draft").first()).toContainText("Employee 1000");
  await expect(page.locator("li.draft")).toHaveCount(50);
  await expect(page.getByText("Showing 50 of 1001 found, 1001 drafts in all")).toBeVisible();
  // The oldest is found by name.
  await page.getByLabel("Find a draft by name").fill("Employee 0");
  await expect(page.locator("li.draft").first()).toContainText("Employee 0");
  await page.getByLabel("Find a draft by name").fill("");
  await page.getByRole("button", { name: "Show 50 more" }).click();
  await expect(page.locator("li.draft")).toHaveCount(100);
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export all drafts" }).click()]);
  const exported = JSON.parse(await readFile(await download.path(), "utf8"));
  expect(exported.drafts).toHaveLength(1001);
});

test("5 000 drafts: the Drafts page opens with the newest first", async ({ page }) => {
  test.setTimeout(90_000);
  await seedDrafts(page, 5000);
  const started = Date.now();
  await open(page, "drafts/");
  await expect(page.locator("li.draft").first()).toContainText("Employee 4999");
  console.log(`5 000 drafts: Drafts page ready in ${Date.now() - started} ms (unthrottled; make bench has the phone figure)`);
  await expect(page.getByText("Showing 50 of 5000 found, 5000 drafts in all")).toBeVisible();
});

test("a 4 MB record: reported with its size, downloaded, then deleted; saving never stops", async ({ page }) => {
  const huge = "x".repeat(4_200_000);
  await seedDrafts(page, 1, { "expat-navigator.draft.huge": huge });
  await open(page, "drafts/");
  await expect(page.getByText("A record of 4.2 MB.")).toBeVisible();
  await expect(banner(page, "Not saved")).toHaveCount(0);
  await expectAccessible(page);
  // Answers typed meanwhile are saved, and survive a reload.
  await open(page, "q/need/");
  await page.getByRole("radio", { name: "To invest" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.reload();
  await ready(page);
  await open(page, "check/");
  await expect(page.locator(".summary-list .row")).toHaveCount(1);
  // Download it, then delete it by explicit choice.
  await open(page, "drafts/");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download it" }).click()]);
  expect((await readFile(await download.path(), "utf8")).length).toBe(huge.length);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete it" }).click();
  await expect(page.getByText("A record of 4.2 MB.")).toHaveCount(0);
  expect(Object.keys(await storageDump(page))).not.toContain("expat-navigator.draft.huge");
  await page.reload();
  await ready(page);
  await expect(page.getByText("too large")).toHaveCount(0);
});

test("storage refused mid-session: said on the page, no crash, and saved once it is back", async ({ page }) => {
  await open(page, "q/need/");
  await page.getByRole("radio", { name: "To invest" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  // The browser takes storage away.
  await page.evaluate(() => {
    const refuse = () => { throw new DOMException("The operation is insecure.", "SecurityError"); };
    window.__storage = { setItem: Storage.prototype.setItem, getItem: Storage.prototype.getItem, removeItem: Storage.prototype.removeItem };
    Storage.prototype.setItem = refuse;
    Storage.prototype.getItem = refuse;
    Storage.prototype.removeItem = refuse;
  });
  await page.getByRole("radio", { name: "Investor visa A5" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(banner(page, "Not saved: the browser stopped letting the app save")).toBeVisible();
  await expectAccessible(page);
  // More answers: no crash.
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("#main h1")).toBeVisible();
  // Storage comes back: what waited is written, and the page says so, without a reload.
  await page.evaluate(() => Object.assign(Storage.prototype, window.__storage));
  await expect(banner(page, "Saving works again")).toBeVisible({ timeout: 10_000 });
  await page.reload();
  await ready(page);
  await open(page, "check/");
  await expect(page.locator(".summary-list .row")).toHaveCount(3);
});

test("storage full: said where the user types, kept in the tab, written as soon as there is room", async ({ page }) => {
  await open(page, "q/need/");
  await page.evaluate(() => {
    const setItem = Storage.prototype.setItem;
    window.__setItem = setItem;
    Storage.prototype.setItem = function (key, value) {
      if (String(key).startsWith("expat-navigator.draft")) throw new DOMException("Quota exceeded", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
  await page.getByRole("radio", { name: "To invest" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(banner(page, "Storage full")).toBeVisible();
  await expect(banner(page, "Storage full").getByRole("link", { name: "See your drafts" })).toBeVisible();
  await page.evaluate(() => { Storage.prototype.setItem = window.__setItem; });
  await expect(banner(page, "Saving works again")).toBeVisible({ timeout: 10_000 });
  await page.reload();
  await ready(page);
  await open(page, "check/");
  await expect(page.locator(".summary-list .row")).toHaveCount(1);
});

test("a number typed without pressing Continue survives a reload", async ({ page }) => {
  await open(page, `share/?need=registration&registration=iin`);
  await page.getByRole("button", { name: "Load these answers" }).click();
  await open(page, "q/family/");
  await page.getByRole("textbox").fill("3");
  await page.waitForTimeout(600);
  await page.reload();
  await ready(page);
  await expect(page.getByRole("textbox")).toHaveValue("3");
  // Continue makes it an answer; nothing is left half-typed.
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("#main h1")).toContainText("Family member 1");
});

test("the result page's dates survive a reload: passport, visa end, payment date", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-10T10:00:00"));
  await open(page, `share/?${WORK}`);
  await page.getByRole("button", { name: "Load these answers" }).click();
  await page.getByRole("link", { name: "See the result" }).click();
  await expect(page.locator("section.person").first()).toBeVisible();
  const fill = async (legend, [d, m, y]) => {
    const group = page.getByRole("group", { name: legend });
    await group.getByLabel("Day", { exact: true }).fill(d);
    await group.getByLabel("Month", { exact: true }).fill(m);
    await group.getByLabel("Year", { exact: true }).fill(y);
  };
  await fill("Passport expiry date", ["1", "7", "2027"]);
  await fill("End date of the visa (optional)", ["30", "6", "2026"]);
  await fill("Payment date", ["5", "1", "2027"]);
  await page.waitForTimeout(600);
  await page.reload();
  await ready(page);
  const year = (legend) => page.getByRole("group", { name: legend }).getByLabel("Year", { exact: true });
  await expect(year("Passport expiry date")).toHaveValue("2027");
  await expect(page.getByRole("group", { name: "End date of the visa (optional)" }).getByLabel("Day", { exact: true })).toHaveValue("30");
  await expect(year("Payment date")).toHaveValue("2027");
  // And the dates worked out from them are back too.
  await expect(page.locator('section[aria-labelledby="dates"]')).toContainText("The passport must be valid until");
  await expectAccessible(page);
});

test("a share link with many copies of an unknown key lists it once, with a count", async ({ page }) => {
  await open(page, `share/?${WORK}&utm=1&utm=2&utm=3&ref=x`);
  const notices = page.locator("main li", { hasText: "unknown key" });
  await expect(notices).toHaveCount(2);
  await expect(notices.first()).toHaveText("An unknown key was ignored (3 times): utm");
  await expect(notices.nth(1)).toHaveText("An unknown key was ignored: ref");
});
