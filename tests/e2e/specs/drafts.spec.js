// Drafts are never lost: reloads, bad data, no storage, full storage, two tabs, export and import.
import { readFile } from "node:fs/promises";
import { test, expect, expectAccessible, open, ready } from "../fixtures.js";

const WORK = "need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=0";

/** Loads answers from a share link into a new draft and goes to the result. */
async function loadAnswers(page, query) {
  await open(page, `share/?${query}`);
  await page.getByRole("button", { name: "Load these answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
}

/** Puts values into local storage before the app starts, once (not again on reload). */
async function seed(page, entries) {
  await page.addInitScript((entries) => {
    if (sessionStorage.getItem("seeded")) return;
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    sessionStorage.setItem("seeded", "1");
  }, entries);
}

const storageDump = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

test("answers and ticked items survive a reload and a new tab", async ({ page, context }) => {
  await loadAnswers(page, WORK);
  await page.getByRole("link", { name: "See the result" }).click();
  const box = page.locator("section.person").first().getByRole("checkbox").nth(2);
  await box.check();
  await page.reload();
  await ready(page);
  await expect(page.locator("section.person").first().getByRole("checkbox").nth(2)).toBeChecked();
  const second = await context.newPage();
  await second.goto("./en/check/");
  await ready(second);
  await expect(second.locator(".summary-list .row")).toHaveCount(6);
  await second.close();
});

test("drafts can be created, renamed, duplicated, deleted and restored with Undo", async ({ page }) => {
  await open(page, "drafts/");
  await expectAccessible(page);
  await page.getByLabel("Draft name").fill("Aigerim Sarsenova");
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What is needed?");
  await page.getByRole("radio", { name: "To invest" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/en\/q\/investor\/$/);
  await open(page, "drafts/");
  const row = page.locator("li.draft", { hasText: "Aigerim Sarsenova" });
  await expect(row).toContainText("in progress (1 answer)");
  await row.getByRole("button", { name: "Rename" }).click();
  await row.getByRole("textbox").fill("Aigerim S. (HR-114)");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("li.draft h3", { hasText: "Aigerim S. (HR-114)" })).toBeVisible();
  await page.locator("li.draft", { hasText: "Aigerim S. (HR-114)" }).getByRole("button", { name: "Duplicate" }).click();
  await expect(page.locator("li.draft")).toHaveCount(2);
  await expect(page.locator("li.draft h3", { hasText: "(copy)" })).toBeVisible();
  await page.locator("li.draft", { hasText: "(copy)" }).getByRole("button", { name: "Delete" }).click();
  await expect(page.locator("li.draft")).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: /^Draft “.*” deleted\. / })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.locator("li.draft")).toHaveCount(2);
  await page.reload();
  await ready(page);
  await expect(page.locator("li.draft")).toHaveCount(2);
});

const corrupt = {
  "corrupt JSON": { "expat-navigator.drafts": '{"version":2}', "expat-navigator.draft.bad-json": '{"version":2,"id":"bad-json","name":"Half writ' },
  "a version from the future": { "expat-navigator.drafts": '{"version":2}', "expat-navigator.draft.future": '{"version":99,"id":"future","hologram":true}' },
  "wrong types": { "expat-navigator.drafts": '{"version":2}', "expat-navigator.draft.types": '{"version":2,"id":"types","name":42,"lang":"en","answers":7,"ticked":"no","created":"2026-11-20T10:00:00","updated":"2026-11-20T10:00:00","revision":1}' },
  "an absurdly large value": { "expat-navigator.drafts": '{"version":2}', "expat-navigator.draft.huge": '{"version":2,"id":"huge","name":"' + "x".repeat(1_500_000) + '"}' },
  "invalid answers": { "expat-navigator.drafts": '{"version":2}', "expat-navigator.draft.answers": '{"version":2,"id":"answers","name":"Kept","lang":"en","answers":{"need":"work","where":"mars","bogus":"1"},"ticked":[],"created":"2026-11-20T10:00:00","updated":"2026-11-20T10:00:00","revision":1}' },
  "a truncated old-format draft": { "expat-navigator.draft": '{"version":1,"lang":"en","answers":{"need":' },
  "not an object": { "expat-navigator.drafts": '{"version":2}', "expat-navigator.draft.array": "[1,2,3]" },
};

for (const [kind, entries] of Object.entries(corrupt)) {
  test(`${kind} in storage: the app starts, says so, and keeps the raw data`, async ({ page }) => {
    await seed(page, entries);
    await open(page, "drafts/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Drafts");
    await expect(page.getByRole("status").filter({ hasText: "Some saved data could not be read" })).toBeVisible();
    await expectAccessible(page);
    // Nothing is lost: every raw value is still in storage, in place or kept aside.
    const dump = Object.values(await storageDump(page)).join("\n");
    for (const raw of Object.values(entries)) {
      if (raw === '{"version":2}') continue;
      expect(dump.includes(raw) || dump.includes(JSON.stringify(raw).slice(1, -1)), `raw value kept for ${kind}`).toBe(true);
    }
    // What was kept aside can be exported.
    const exportButton = page.getByRole("button", { name: "Export what was kept aside" });
    if (await exportButton.isVisible()) {
      const [download] = await Promise.all([page.waitForEvent("download"), exportButton.click()]);
      const text = await readFile(await download.path(), "utf8");
      expect(text).toContain("expat-navigator-quarantine");
    }
    // The app still works.
    await loadAnswers(page, WORK);
  });
}

test("an old-format draft is migrated with its answers and ticks", async ({ page }) => {
  await seed(page, {
    "expat-navigator.draft": JSON.stringify({ version: 1, lang: "en", answers: { need: "registration", registration: "iin" }, ticked: [], updated: "2026-11-20T10:00:00" }),
  });
  await open(page, "drafts/");
  await expect(page.locator("li.draft")).toHaveCount(1);
  const dump = await storageDump(page);
  expect(Object.keys(dump)).not.toContain("expat-navigator.draft");
  expect(Object.keys(dump).some((k) => k.startsWith("expat-navigator.draft."))).toBe(true);
});

test("with storage disabled the app works in memory and says drafts will not be kept", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });
  });
  await open(page, "drafts/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Not saved on this device" })).toBeVisible();
  await expectAccessible(page);
  await open(page, "q/need/");
  // Said wherever the user types, not only on the Drafts page.
  await expect(page.getByRole("status").filter({ hasText: "Not saved on this device" })).toBeVisible();
  await page.getByRole("radio", { name: "To invest" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Which investor visa category is needed?");
});

test("when storage is full the app keeps working in this tab and says so", async ({ page }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (String(key).startsWith("expat-navigator.draft")) throw new DOMException("Quota exceeded", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
  await open(page, "q/need/");
  await page.getByRole("radio", { name: "To invest" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("radio", { name: "Investor visa A5" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Storage full" })).toBeVisible();
  // The draft lives in this page's memory only. The Drafts page loads a page of its own (the
  // desk's build of the app), so the browser asks before leaving; staying keeps everything.
  const asked = new Promise((resolve) =>
    page.once("dialog", async (dialog) => {
      resolve(dialog.type());
      await dialog.dismiss();
    }),
  );
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Drafts" }).click();
  expect(await asked).toBe("beforeunload");
  await expect(page).not.toHaveURL(/\/drafts\//);
  await page.goBack();
  await expect(page).toHaveURL(/\/en\/q\/investor\/$/);
  await expect(page.getByRole("radio", { name: "Investor visa A5" })).toBeChecked();
});

test("two tabs on the same draft: a change in one appears in the other", async ({ page, context }) => {
  await loadAnswers(page, WORK);
  const other = await context.newPage();
  await other.goto("./en/check/");
  await ready(other);
  await expect(other.locator(".summary-list")).toContainText("Any other country");
  // Change an answer in the first tab.
  await page.getByRole("link", { name: /Change\s+Which group of countries/ }).click();
  await page.getByRole("radio", { name: "Another CIS country" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(other.locator(".summary-list")).toContainText("Another CIS country");
  // A draft created in one tab is listed in the other.
  await other.goto("./en/drafts/");
  await ready(other);
  await expect(other.locator("li.draft")).toHaveCount(1);
  await open(page, "drafts/");
  await page.getByLabel("Draft name").fill("Second employee");
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(other.locator("li.draft")).toHaveCount(2);
  await other.close();
});

test("a name being typed survives another tab's saves, even of the same draft", async ({ page, context }) => {
  await loadAnswers(page, WORK);
  await loadAnswers(page, "need=registration&registration=iin&family=0");
  await open(page, "drafts/");
  const rows = page.locator("li.draft");
  await expect(rows).toHaveCount(2);
  await rows.nth(0).getByRole("button", { name: "Rename" }).click();
  const field = page.getByLabel("Draft name", { exact: true }).first();
  await field.fill("Half-typed name");

  // Another tab creates a draft, then renames the very draft being renamed here.
  const other = await context.newPage();
  await other.goto("./en/drafts/");
  await ready(other);
  await other.locator("#new-draft-name").fill("Third employee");
  await other.getByRole("button", { name: "Create the draft" }).click();
  await expect(rows).toHaveCount(3);
  await expect(field).toHaveValue("Half-typed name");
  await expect(field).toBeFocused();
  await other.goto("./en/drafts/");
  await ready(other);
  // The rename left half-typed in the first tab is kept on the device, so its form is open here
  // too, as typed, on the same draft.
  const same = other.locator("li.draft", { has: other.getByRole("textbox") });
  await expect(same).toHaveCount(1);
  await expect(same.getByRole("textbox")).toHaveValue("Half-typed name");
  await same.getByRole("textbox").fill("Renamed elsewhere");
  await same.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("li.draft h3", { hasText: "Renamed elsewhere" })).toBeVisible();
  await expect(page.getByLabel("Draft name", { exact: true }).first()).toHaveValue("Half-typed name");
  await other.close();

  // Saving here puts the typed name last: this tab's choice, made after the other's.
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("li.draft h3", { hasText: "Half-typed name" })).toBeVisible();
  await page.reload();
  await ready(page);
  await expect(page.locator("li.draft h3", { hasText: "Half-typed name" })).toBeVisible();
});

test("export all, clear storage, import: everything comes back; importing again skips duplicates", async ({ page }) => {
  await loadAnswers(page, WORK);
  await loadAnswers(page, "need=registration&registration=iin&family=0");
  await open(page, "drafts/");
  await expect(page.locator("li.draft")).toHaveCount(2);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export all drafts" }).click()]);
  const file = await download.path();
  const exported = JSON.parse(await readFile(file, "utf8"));
  expect(exported.format).toBe("expat-navigator-drafts");
  expect(exported.drafts).toHaveLength(2);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await ready(page);
  await expect(page.locator("li.draft")).toHaveCount(0);
  await page.getByLabel("Import drafts from a file").setInputFiles(file);
  await expect(page.getByText("In the file: 2 new, 0 already here (skipped).")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.locator("li.draft")).toHaveCount(2);
  await page.reload();
  await ready(page);
  await expect(page.locator("li.draft")).toHaveCount(2);

  await page.getByLabel("Import drafts from a file").setInputFiles(file);
  await expect(page.getByText("In the file: 0 new, 2 already here (skipped).")).toBeVisible();
});
