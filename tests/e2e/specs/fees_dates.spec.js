// The fee calculator and the dates block on service pages, with the clock frozen on Tue 10 Mar
// 2026 so every date is fixed. Amounts use no-break spaces; Playwright's text matching treats
// them as spaces.
import { readFile } from "node:fs/promises";
import { test, expect, expectAccessible, open, switchLanguage } from "../fixtures.js";

const TODAY = new Date("2026-03-10T10:00:00");

async function openService(page, id, options) {
  await page.clock.setFixedTime(TODAY);
  await open(page, `service/${id}/`, options);
}

/** Types a date into the date input whose legend is `legend`, then leaves it. */
async function fillDate(page, legend, [day, month, year], labels = ["Day", "Month", "Year"]) {
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel(labels[0], { exact: true }).fill(day);
  await group.getByLabel(labels[1], { exact: true }).fill(month);
  await group.getByLabel(labels[2], { exact: true }).fill(year);
  await group.getByLabel(labels[2], { exact: true }).blur();
  return group;
}

const liveTotal = (page) => page.locator('p[aria-live="polite"]');
const feeTable = (page) => page.locator("table", { has: page.locator("caption", { hasText: "Your fees" }) });
const dates = (page) => page.locator('section[aria-labelledby="dates"]');

test("work visa invitation, 3 years with Priority: 550 000 + 150 000 + 2 162.50 = 702 162.50 ₸", async ({ page }) => {
  await openService(page, "work-visa-invitation");
  // Before a length is chosen, the service fee is asked for, not guessed.
  await expect(feeTable(page)).toContainText("choose above");
  await expectAccessible(page);

  await page.getByLabel("Visa length").selectOption("3");
  await page.getByLabel(/Priority Service/).check();
  await expect(liveTotal(page)).toHaveText("For 1 person: 550 000 ₸ + 150 000 ₸ + 2 162.50 ₸ = 702 162.50 ₸.");
  const table = feeTable(page);
  await expect(table.locator("caption")).toHaveText("Your fees, paid on Tue 10 Mar 2026");
  await expect(table.locator("tr", { hasText: "up to 3 years" })).toContainText("550 000 ₸");
  await expect(table.locator("tr", { hasText: "Priority Service" })).toContainText("150 000 ₸");
  await expect(table.locator("tr", { hasText: "State fee" })).toContainText("0.5 MRP × 4 325 ₸ (2026 MRP) = 2 162.50 ₸");
  await expect(table.locator("tfoot th")).toHaveText("Total");
  await expect(table.locator("tfoot td")).toHaveText(["702 162.50 ₸", "× 1", "702 162.50 ₸"]);
  await expect(page.getByText("Priority Service is paid separately, on top of the service fee")).toBeVisible();
  await expectAccessible(page);

  // A payment in 2027 uses the latest known MRP, and says so.
  await fillDate(page, "Payment date", ["5", "1", "2027"]);
  await expect(table.locator("caption")).toHaveText("Your fees, paid on Tue 5 Jan 2027");
  await expect(table.locator("tr", { hasText: "State fee" })).toContainText(
    "the 2027 MRP is not known yet, so the latest known value is used",
  );
});

test("the single-entry business invitation keeps the unreadable “00 000 KZT” fee out of the total", async ({ page }) => {
  await openService(page, "business-single-invitation");
  const table = feeTable(page);
  await expect(table.locator("tr", { hasText: "Service fee" })).toContainText("unconfirmed");
  await expect(table.locator("tr", { hasText: "Service fee" })).toContainText("not in the total");
  const warning = page.locator(".warning", { hasText: "kept out of the total" });
  await expect(warning).toHaveText("unconfirmed Service fee – kept out of the total. The guide prints “00 000 KZT”, which cannot be read.");
  await expect(liveTotal(page)).toHaveText("For 1 person: 2 162.50 ₸. Some fees are not in the total: see below.");

  await page.getByLabel(/Priority Service/).check();
  await page.getByLabel(/Personal Manager/).check();
  await expect(liveTotal(page)).toContainText("40 000 ₸ + 170 000 ₸ + 2 162.50 ₸ = 212 162.50 ₸");
  await expect(table.locator("tfoot")).toContainText("Total of the known fees");
  await expect(page.getByText("The guide does not say whether the Personal Manager fee replaces the service fee")).toBeVisible();
  await expectAccessible(page);
});

test("the residence permit: 1 440 000 ₸ + 17 300 ₸, 45 working days and the passport's 180 days", async ({ page }) => {
  await openService(page, "residence-permit");
  await expect(liveTotal(page)).toHaveText("For 1 person: 1 440 000 ₸ + 17 300 ₸ = 1 457 300 ₸.");
  await expect(feeTable(page).locator("tr", { hasText: "State fee" })).toContainText("4 MRP × 4 325 ₸ (2026 MRP) = 17 300 ₸");

  await fillDate(page, "Passport expiry date", ["1", "7", "2026"]);
  const block = dates(page);
  await expect(block).toContainText("The passport must be valid until");
  await expect(block).toContainText("Sun 6 Sep 2026"); // 10 Mar + 180 calendar days
  await expect(block.locator(".warning")).toContainText("The passport expires on Wed 1 Jul 2026, before Sun 6 Sep 2026: renew it first.");
  await expectAccessible(page);
});

test("ready-by across Nauryz: submitted Fri 20 Mar 2026, 5 working days → Wed 1 Apr 2026", async ({ page }) => {
  await openService(page, "work-visa-invitation");
  const block = dates(page);
  // Today is filled in: 10 Mar + 5 working days.
  await expect(block.getByRole("definition").first()).toContainText("Tue 17 Mar 2026");

  await fillDate(page, "Date you submit the application", ["20", "3", "2026"]);
  const ready = block.locator("dt", { hasText: "Ready by" }).locator("xpath=following-sibling::dd[1]");
  await expect(ready).toContainText("Wed 1 Apr 2026");
  await expect(ready).toContainText(
    "The guide's processing time: 5 working days, counted from the next working day after Fri 20 Mar 2026; 23–25 Mar are days off (Nauryz).",
  );
  // The guide's extra 30 calendar days: 1 Apr + 30 = Fri 1 May (Unity Day) → Mon 4 May.
  const worst = block.locator("dt", { hasText: "If state bodies take the extra 30 days" }).locator("xpath=following-sibling::dd[1]");
  await expect(worst).toContainText("Mon 4 May 2026");
  await expectAccessible(page);
});

test("the relocation timeline counts back from the planned entry", async ({ page }) => {
  await openService(page, "work-visa-invitation");
  await fillDate(page, "Planned date of entry into Kazakhstan", ["20", "4", "2026"]);
  const timeline = dates(page).locator("table");
  await expect(timeline.locator("tr").filter({ has: page.locator("strong", { hasText: /^Submit the invitation by$/ }) })).toContainText("Mon 6 Apr 2026");
  await expect(timeline.locator("tr", { hasText: "Entry into Kazakhstan" })).toContainText("Mon 20 Apr 2026");
  await expect(timeline.locator("tr", { hasText: "Arrival notified by" })).toContainText("Thu 23 Apr 2026");
  await expect(dates(page).locator(".note", { hasText: "On track" })).toContainText("left to submit the invitation, by Mon 6 Apr 2026");
  await expectAccessible(page);
});

test("an extension: no fee table, and the filing window for a visa expiring 31 Mar 2026", async ({ page }) => {
  await openService(page, "work-visa-extension");
  await expect(feeTable(page).locator("tr", { hasText: "Service fee" })).toContainText("unconfirmed");
  await expect(page.locator(".warning", { hasText: "kept out of the total" })).toContainText(
    "The guide gives no fee table for this service.",
  );
  await expect(dates(page)).toContainText("The guide gives no processing time for this service.");

  await fillDate(page, "When does the current visa expire?", ["31", "3", "2026"]);
  const block = dates(page);
  const opens = block.locator("dt", { hasText: "Applications open" }).locator("xpath=following-sibling::dd[1]");
  const closes = block.locator("dt", { hasText: "Applications close" }).locator("xpath=following-sibling::dd[1]");
  await expect(opens).toContainText("Wed 11 Feb 2026");
  await expect(closes).toContainText("Thu 19 Mar 2026");
  await expect(closes).toContainText("5 working days before Tue 31 Mar 2026, that day itself not counted; 23–25 Mar are days off (Nauryz)");
  // 10, 11, 12, 13, 16, 17, 18 and 19 March.
  await expect(block.locator(".note", { hasText: "you can apply" })).toHaveText(
    "Today (Tue 10 Mar 2026) you can apply: 8 working days left to apply, the last one on Thu 19 Mar 2026.",
  );
  await expectAccessible(page);
});

test("an impossible date gets a clear message once the field is left, not while typing", async ({ page }) => {
  await openService(page, "work-visa-invitation");
  const group = page.getByRole("group", { name: "Date you submit the application" });
  await group.getByLabel("Day", { exact: true }).fill("31");
  await group.getByLabel("Month", { exact: true }).fill("02");
  await expect(group.locator(".error-message")).toHaveCount(0);
  await group.getByLabel("Year", { exact: true }).fill("2026");
  await group.getByLabel("Year", { exact: true }).blur();
  const error = group.locator(".error-message");
  await expect(error).toHaveText("31.02.2026 is not a real date: check the day and the month");
  await expect(group.getByLabel("Day", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(group).toHaveAttribute("aria-describedby", /dates-submitted-error/);
  await expect(page.locator(".field.has-error")).toHaveCount(1);
  await expectAccessible(page);

  // Fixing it clears the message at once.
  await group.getByLabel("Day", { exact: true }).fill("27");
  await expect(error).toHaveCount(0);
  await expect(dates(page)).toContainText("Fri 6 Mar 2026");
});

test("a date in 2031 says the working-day calendar does not cover it", async ({ page }) => {
  await openService(page, "work-visa-invitation");
  await fillDate(page, "Date you submit the application", ["3", "3", "2031"]);
  await expect(dates(page).locator(".warning")).toHaveText(
    "The working-day calendar covers 2024–2030 and does not cover Mon 3 Mar 2031, so this date cannot be worked out.",
  );
  await expectAccessible(page);
});

test("the .ics download holds the filing window and the ready-by dates", async ({ page }) => {
  await openService(page, "work-visa-extension");
  await fillDate(page, "When does the current visa expire?", ["31", "3", "2026"]);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download calendar (.ics)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("work-visa-extension-dates.ics");
  const ics = await readFile(await download.path(), "utf8");
  const unfolded = ics.replace(/\r\n /g, "");
  expect(unfolded.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(unfolded).toContain("END:VCALENDAR");
  expect(unfolded).toContain("DTSTART;VALUE=DATE:20260211");
  expect(unfolded).toContain("SUMMARY:Applications open: Work visa extension");
  expect(unfolded).toContain("DTSTART;VALUE=DATE:20260319");
  expect(unfolded).toContain("SUMMARY:Applications close: Work visa extension");
  expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);

  // An invitation's file also carries the ready-by date and the timeline.
  await openService(page, "work-visa-invitation");
  await fillDate(page, "Planned date of entry into Kazakhstan", ["20", "4", "2026"]);
  const again = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download calendar (.ics)" }).click();
  const timeline = (await readFile(await (await again).path(), "utf8")).replace(/\r\n /g, "");
  for (const day of ["20260317", "20260406", "20260420", "20260423"])
    expect(timeline).toContain(`DTSTART;VALUE=DATE:${day}`);
});

test("in Kazakh: the filing window, the fees, and the answers kept across a language switch", async ({ page }) => {
  await openService(page, "work-visa-extension", { lang: "kk" });
  await fillDate(page, "Қолданыстағы визаның мерзімі қашан аяқталады?", ["31", "3", "2026"], ["Күн", "Ай", "Жыл"]);
  const block = dates(page);
  await expect(block.getByRole("heading", { name: "Ұзартуға өтініш беру кезеңі" })).toBeVisible();
  await expect(block).toContainText("2026 жылғы 11 ақпан, сәрсенбі");
  await expect(block).toContainText("2026 жылғы 19 наурыз, бейсенбі");
  await expect(block).toContainText("23–25 наурыз аралығында демалыс (Наурыз мейрамы)");
  await expect(block.locator(".note", { hasText: "өтініш беруге болады" })).toContainText("8 жұмыс күні қалды");
  await expect(page.locator(".warning", { hasText: "жиынға қосылмады" })).toContainText(
    "Нұсқаулық бұл қызмет үшін алымдар кестесін бермейді.",
  );
  await expectAccessible(page);

  // The visa's expiry is an answer: it survives the switch to English.
  await switchLanguage(page, "en");
  await expect(dates(page)).toContainText("Wed 11 Feb 2026");
  const group = page.getByRole("group", { name: "When does the current visa expire?" });
  await expect(group.getByLabel("Year", { exact: true })).toHaveValue("2026");
});

test("in Kazakh: the state fee line names the MRP", async ({ page }) => {
  await openService(page, "work-visa-invitation", { lang: "kk" });
  await page.getByLabel("Визаның мерзімі").selectOption("3");
  await expect(liveTotal(page)).toHaveText("1 адамға: 550 000 ₸ + 2 162,50 ₸ = 552 162,50 ₸.");
  await expect(feeTable(page)).toHaveCount(0); // the caption is in Kazakh
  await expect(page.locator("table", { hasText: "0,5 АЕК × 4 325 ₸ (2026 жылғы АЕК) = 2 162,50 ₸" })).toHaveCount(1);
  await expectAccessible(page);
});

test("fingerprinting is free once a work visa, investor visa or TRP service fee is paid, and says why", async ({ page }) => {
  await openService(page, "fingerprinting");
  await expect(liveTotal(page)).toContainText("10 000 ₸");
  await page.getByLabel(/A service fee for a work visa, investor visa or temporary residence permit was paid/).check();
  await expect(liveTotal(page)).not.toContainText("10 000 ₸");
  await expect(page.locator("table", { hasText: "free: the work visa, investor visa or TRP service fee was paid" })).toHaveCount(1);
  await expectAccessible(page);
});

test("a share link shows the fee options it holds", async ({ page }) => {
  await open(page, "share/?need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=0&years=3&priority=yes");
  const options = page.locator("dl", { has: page.locator("dt", { hasText: "Visa length" }) });
  await expect(page.getByRole("heading", { level: 2, name: "Fee options in this link" })).toBeVisible();
  await expect(options).toContainText("Up to 3 years");
  await expect(options).toContainText("Priority Service?");
  await expectAccessible(page);
});
