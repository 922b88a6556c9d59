// Unlucky users: a storage full before the app starts, a roster past what a roster may hold, two
// tabs pressing Continue at the same moment, and every typed field kept over a reload and a
// closed tab.
import { readFile, writeFile } from "node:fs/promises";
import { test, expect, expectAccessible, open, ready } from "../fixtures.js";

const WORK = "need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=0";
const TWO = [
  "label\tneed\twhere\tcitizenship\tsubmitter\tbranch\tfamily",
  "Aigerim\twork\toutside\tother\temployer\tno\t0",
  "Bolat\twork\toutside\tother\temployer\tno\t0",
].join("\n");

const banner = (page, text) => page.getByRole("status").filter({ hasText: text });
const box = (page) => page.getByLabel("Rows from a spreadsheet");
const rosters = (page) => page.locator("section", { has: page.getByRole("heading", { name: "Rosters on this device" }) }).locator("li");

/** Puts a large text into the roster's box as one paste does (Playwright's fill types it, which
 * takes seconds per thousand lines). */
async function paste(page, text) {
  await box(page).evaluate((area, text) => {
    area.value = text;
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
}

/** Loads answers from a share link into a new draft. */
async function loadAnswers(page, query) {
  await open(page, `share/?${query}`);
  await page.getByRole("button", { name: "Load these answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
}

/** Fills local storage to its quota with filler entries, down to the last character. */
async function fillStorage(page) {
  await page.evaluate(() => {
    let size = 1 << 20;
    for (let i = 0; size >= 1; i++) {
      try {
        localStorage.setItem(`filler.${i}`, "x".repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

test("storage full before the app starts: every record is shown, said so, and room can be made", async ({ page }) => {
  await loadAnswers(page, WORK);
  await open(page, "roster/");
  await box(page).fill(TWO);
  await expect(rosters(page)).toHaveCount(1);
  await page.waitForTimeout(500);
  await fillStorage(page);

  // The result page opens on the draft's result, not on the first question.
  await open(page, "result/");
  await expect(page).toHaveURL(/\/en\/result\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Invitation letter");
  await expect(banner(page, "Storage full")).toContainText("delete or export drafts and rosters");
  await open(page, "roster/");
  await expect(box(page)).toHaveValue(TWO);
  await expect(rosters(page)).toHaveCount(1);
  await open(page, "drafts/");
  await expect(page.locator("li.draft")).toHaveCount(1);
  await expect(banner(page, "Storage full")).toBeVisible();
  await expectAccessible(page);
  // Export, then delete: the draft leaves the device, and saving works again.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export all drafts" }).click()]);
  expect(await readFile(await download.path(), "utf8")).toMatch(/"citizenship": "other"/);
  await page.evaluate(() => { for (let i = 0; i < 8; i++) localStorage.removeItem(`filler.${i}`); });
  await page.locator("li.draft").getByRole("button", { name: "Delete" }).click();
  await expect(banner(page, "Saving works again")).toBeVisible({ timeout: 10_000 });
  expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("expat-navigator.draft.")))).toBe(false);
});

test("a roster growing past 512 KB is warned about as it is typed; past 1 MB it is not saved, and offered", async ({ page }) => {
  await open(page, "roster/");
  const row = (n) => `Employee ${n}\twork\toutside\tother\temployer\tno\t0`;
  const rows = (count) => [TWO.split("\n")[0], ...Array.from({ length: count }, (_, i) => row(i))].join("\n");
  // About 600 KB: saved, with a warning before any reload.
  const large = rows(12_000);
  await paste(page, large);
  await expect(page.getByRole("status").filter({ hasText: "could not be copied aside" })).toContainText("This roster is 0.6 MB");
  await page.waitForTimeout(500);
  await page.reload();
  await ready(page);
  await expect(box(page)).toHaveValue(large);
  await expect(rosters(page).first()).toContainText("12000 employees");
  // About 1.1 MB: not saved, said at once, and the text can be downloaded.
  const tooLarge = rows(23_000);
  await paste(page, tooLarge);
  const refusal = page.getByRole("alert").filter({ hasText: "more than the 1 MB a roster can hold" });
  await expect(refusal).toContainText("This roster is 1.1 MB");
  const [download] = await Promise.all([page.waitForEvent("download"), refusal.getByRole("button", { name: "Download the text" }).click()]);
  expect(await readFile(await download.path(), "utf8")).toBe(tooLarge);
  await page.waitForTimeout(500);
  await page.reload();
  await ready(page);
  await expect(box(page)).toHaveValue(large);
  await expect(page.getByText("Some saved data could not be read")).toHaveCount(0);
});

test("a 1.3 MB roster kept by an earlier version is read with every employee, and so is its export", async ({ page }, testInfo) => {
  const text = [TWO.split("\n")[0], ...Array.from({ length: 26_000 }, (_, i) => `Employee ${i}\twork\toutside\tother\temployer\tno\t0`)].join("\n");
  const record = { version: 1, id: "big", name: "Everyone", lang: "en", text, created: "2026-01-01T00:00:00", updated: "2026-01-01T00:00:00", revision: 1 };
  await page.addInitScript((value) => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    localStorage.setItem("expat-navigator.roster.big", value);
  }, JSON.stringify(record));
  await open(page, "roster/");
  await expect(rosters(page).first()).toContainText("26000 employees");
  await expect(page.getByText("Some saved data could not be read")).toHaveCount(0);
  // Imported into an empty device, it keeps every employee.
  const file = testInfo.outputPath("rosters.json");
  await writeFile(file, JSON.stringify({ format: "expat-navigator-rosters", version: 1, exported: "2026-01-02T00:00:00", rosters: [record] }));
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await ready(page);
  await page.getByLabel("Import rosters from a file").setInputFiles(file);
  await expect(page.getByText("In the file: 1 new, 0 already here (skipped).")).toBeVisible();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(rosters(page).first()).toContainText("26000 employees");
});

test("two tabs pressing Continue on the same question at once end with a conflict copy and a notice, every time", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  for (let run = 1; run <= 20; run++) {
    // A device of its own for each run: two tabs, nothing else.
    const context = await browser.newContext({ baseURL });
    const errors = [];
    const [first, second] = [await context.newPage(), await context.newPage()];
    for (const tab of [first, second]) tab.on("pageerror", (e) => errors.push(e.message));
    const log = [];
    for (const [name, tab] of [["first", first], ["second", second]]) tab.on("console", (m) => log.push(`${name}: ${m.text()}`));
    await loadAnswers(first, WORK);
    for (const tab of [first, second]) {
      await tab.goto("./en/q/citizenship/");
      await ready(tab);
    }
    await first.getByRole("radio", { name: "An EAEU country" }).check();
    await second.getByRole("radio", { name: "Another CIS country" }).check();
    await Promise.all([first, second].map((tab) => tab.getByRole("button", { name: "Continue" }).click()));
    // Both answers are kept, one of them in a conflict copy, and a tab says so.
    const stored = () =>
      first.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith("expat-navigator.draft.")).map(([, v]) => JSON.parse(v)));
    await expect
      .poll(async () => (await stored()).map((d) => `${d.answers.citizenship}${d.name.includes("conflict") ? " (copy)" : ""}`).sort(), { message: `run ${run}: both answers kept` })
      .toEqual(expect.arrayContaining([expect.stringMatching(/^eaeu/), expect.stringMatching(/^cis/), expect.stringMatching(/\(copy\)$/)]))
      .catch(async (e) => {
        if (process.env.DEBUG_TWO_TABS) {
          console.log(JSON.stringify(await first.evaluate(() => Object.entries(localStorage)), null, 1));
          for (const tab of [first, second]) console.log(tab.url(), (await tab.locator("main").innerText()).slice(0, 300));
          console.log(log.join("\n"));
        }
        throw e;
      });
    const notices = async () => (await first.getByText(/changed in another tab/).count()) + (await second.getByText(/changed in another tab/).count());
    await expect.poll(notices, { message: `run ${run}: a notice` }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  }
});

test("every typed field survives a reload and a closed tab: roster editor, draft names, print language", async ({ page, context }) => {
  await open(page, "roster/");
  await box(page).fill(TWO);
  // The row editor: a label and a family count typed, the field never left.
  await page.getByRole("button", { name: "Edit – Bolat" }).click();
  await page.getByLabel("label", { exact: true }).fill("Bolat K.");
  await page.getByLabel("family", { exact: true }).fill("2");
  await page.reload();
  await ready(page);
  await expect(box(page)).toHaveValue(/\nBolat K\.\twork\toutside\tother\temployer\tno\t2$/);
  // "Add an employee": its first field, typed in a tab that is then closed.
  const tab = await context.newPage();
  await open(tab, "roster/");
  await tab.getByRole("button", { name: "Add an employee" }).click();
  await tab.getByLabel("label", { exact: true }).fill("Chen");
  await tab.close({ runBeforeUnload: true });
  await page.reload();
  await ready(page);
  await expect(box(page)).toHaveValue(/\nChen\t*\n?$/);

  // A new draft's name before "Create the draft", and a rename before "Save".
  await loadAnswers(page, WORK);
  await open(page, "drafts/");
  await page.locator("#new-draft-name").fill("Dana, half-typed");
  await page.locator("li.draft").getByRole("button", { name: "Rename" }).click();
  await page.locator("li.draft").getByRole("textbox").fill("Renamed, not saved");
  await page.reload();
  await ready(page);
  await expect(page.locator("#new-draft-name")).toHaveValue("Dana, half-typed");
  await expect(page.locator("li.draft").getByRole("textbox")).toHaveValue("Renamed, not saved");
  const closing = await context.newPage();
  await open(closing, "drafts/");
  await closing.locator("#new-draft-name").fill("Erlan");
  await closing.close({ runBeforeUnload: true });
  await page.reload();
  await ready(page);
  await expect(page.locator("#new-draft-name")).toHaveValue("Erlan");
  // Saved or created, the name is no longer kept as typed.
  await page.locator("li.draft").getByRole("button", { name: "Save" }).click();
  await page.getByRole("button", { name: "Create the draft" }).click();
  await open(page, "drafts/");
  await expect(page.locator("#new-draft-name")).toHaveValue("");
  await expect(page.locator("li.draft h3", { hasText: "Renamed, not saved" })).toBeVisible();
  await expect(page.locator("li.draft h3", { hasText: "Erlan" })).toBeVisible();

  // The print's second language, on the result page and the roster page.
  await loadAnswers(page, WORK);
  await open(page, "result/");
  await page.getByLabel(/in a second language/).selectOption("ru");
  await page.reload();
  await ready(page);
  await expect(page.getByLabel(/in a second language/)).toHaveValue("ru");
  await open(page, "roster/");
  await expect(page.getByLabel(/in a second language/)).toHaveValue("ru");
});

test("a date that could be read two ways is read day first, and the roster says how", async ({ page }) => {
  await open(page, "roster/");
  await box(page).fill("label\tneed\tregistration\tfamily\tentry-date\nAnn\tregistration\tiin\t0\t03/10/2026\n");
  await expect(page.getByRole("status").filter({ hasText: "Some cells could not be used" })).toContainText(
    "Row 2, column “entry-date”: “03/10/2026” was read as 3 Oct 2026, day first. If it means 10 Mar 2026, write 10.03.2026",
  );
});
