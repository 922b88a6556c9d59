// One typed application: a roster row, the draft it opens and the result page agree on every
// fact (entry date, visa end, passport, payment date); a refused change of address still shows
// the page asked for.
import { test, expect, expectAccessible, open, ready } from "../fixtures.js";

const table = (page) => page.locator("table", { has: page.locator("caption", { hasText: "One line per employee" }) });
const dates = (page) => page.locator('section[aria-labelledby="dates"]');
const boxes = (page, legend) => {
  const group = page.getByRole("group", { name: legend });
  return ["Day", "Month", "Year"].map((label) => group.getByLabel(label, { exact: true }));
};

test("two employees differing only in their entry date get different lines", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-01T10:00:00"));
  await open(page, "roster/");
  const header = "label\tneed\twhere\tcitizenship\tsubmitter\tbranch\tfamily\tentry-date\tpassport-expiry\tpayment-date";
  await page.getByLabel("Rows from a spreadsheet").fill([
    header,
    "Early\twork\toutside\tother\temployer\tno\t0\t12.03.2026\t01.05.2030\t10.03.2026",
    "Later\twork\toutside\tother\temployer\tno\t0\t20.06.2026\t01.05.2030\t10.03.2026",
    "Short passport\twork\toutside\tother\temployer\tno\t0\t20.12.2027\t01.05.2026\t10.03.2026",
  ].join("\n"));
  const row = (name) => table(page).locator("tbody tr", { hasText: name });
  await expect(row("Early")).toContainText("ready by 17 Mar 2026");
  // The invitation is ready after the law's last day for an entry on 12 March.
  await expect(row("Early")).toContainText("invitation late for this entry: ready by 17 Mar 2026, needed by 4 Mar 2026");
  await expect(row("Early")).toContainText("arrival notification by");
  await expect(row("Later")).not.toContainText("invitation late");
  await expect(row("Later")).toContainText("arrival notification by");
  const early = await row("Early").locator("td").nth(4).innerText();
  const later = await row("Later").locator("td").nth(4).innerText();
  expect(early).not.toEqual(later);
  // A passport that ends before the entry is not valid long enough.
  await expect(row("Short passport")).toContainText("passport: see its check");
  await expect(row("Later")).toContainText("The passport is valid long enough");
  await expectAccessible(page);

  // The draft a row opens holds its entry, payment and passport dates.
  await row("Early").getByRole("button", { name: "Open as a draft – Early" }).click();
  await expect(page).toHaveURL(/\/en\/result\/$/);
  const entry = boxes(page, "Planned date of entry into Kazakhstan");
  await expect(entry[0]).toHaveValue("12");
  await expect(entry[1]).toHaveValue("3");
  const submitted = boxes(page, "Date you submit the application");
  await expect(submitted[0]).toHaveValue("10");
  const payment = boxes(page, "Payment date");
  await expect(payment[0]).toHaveValue("10");
  await expect(boxes(page, "Passport expiry date")[2]).toHaveValue("2030");
});

test("“Open as a draft” keeps an extension row's visa end, passport and payment date", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2025-12-10T10:00:00"));
  await open(page, "roster/");
  await page.getByLabel("Rows from a spreadsheet").fill([
    "label\tneed\twhere\tcitizenship\tvisa\thost\tsubmitter\tvisa-end\tpassport-expiry\tpayment-date",
    "Erlan\twork\tinside\tother\twork\tsame\temployer\t12.01.2026\t01.07.2030\t11.12.2025",
  ].join("\n"));
  const line = table(page).locator("tbody tr", { hasText: "Erlan" });
  await expect(line).toContainText("extension: from 25 Nov 2025 to 31 Dec 2025");
  await line.getByRole("button", { name: "Open as a draft – Erlan" }).click();
  await expect(page).toHaveURL(/\/en\/result\/$/);
  const block = dates(page);
  const [day, month, year] = boxes(page, "When does the current visa expire?");
  await expect(day).toHaveValue("12");
  await expect(month).toHaveValue("1");
  await expect(year).toHaveValue("2026");
  await expect(block.locator("dt", { hasText: "Applications open" }).locator("xpath=following-sibling::dd[1]")).toContainText("Tue 25 Nov 2025");
  await expect(block.locator("dt", { hasText: "Applications close" }).locator("xpath=following-sibling::dd[1]")).toContainText("Wed 31 Dec 2025");
  const passport = boxes(page, "Passport expiry date");
  await expect(passport[2]).toHaveValue("2030");
  await expectAccessible(page);

  // The draft keeps all of it over a reload.
  await page.reload();
  await ready(page);
  await expect(boxes(page, "When does the current visa expire?")[0]).toHaveValue("12");
  await expect(boxes(page, "Passport expiry date")[2]).toHaveValue("2030");
  await expect(dates(page).locator("dt", { hasText: "Applications close" })).toBeVisible();
});

test("a date typed on the result page is kept as typed, half-finished too, over a reload", async ({ page }) => {
  await open(page, "share/?need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=0");
  await page.getByRole("button", { name: "Load these answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await open(page, "result/");
  const [day, month, year] = boxes(page, "Date you submit the application");
  await day.fill("20");
  await month.fill("3");
  await year.fill("20");
  // Saved at the pause: poll storage rather than wait a fixed time.
  await expect.poll(() => page.evaluate(() => Object.values(localStorage).some((v) => v.includes('"submitted":{"day":"20","month":"3","year":"20"}')))).toBe(true);
  await page.reload();
  await ready(page);
  const again = boxes(page, "Date you submit the application");
  await expect(again[0]).toHaveValue("20");
  await expect(again[2]).toHaveValue("20");
});

test("a refused change of address loads the page asked for instead", async ({ page }) => {
  await page.addInitScript(() => {
    History.prototype.pushState = function () {
      throw new DOMException("Refused", "SecurityError");
    };
  });
  await open(page, "");
  await page.getByRole("link", { name: "Start now" }).click();
  await expect(page).toHaveURL(/\/en\/q\/need\/$/);
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What is needed?");
});

test("deleting the open draft does not bring it back, and Undo does", async ({ page }) => {
  await open(page, "share/?need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=0");
  await page.getByRole("button", { name: "Load these answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await open(page, "drafts/");
  await expect(page.locator("li.draft")).toHaveCount(1);
  await page.locator("li.draft").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Draft “.*” deleted\. / })).toBeVisible();
  await expect(page.locator("li.draft")).toHaveCount(0);
  await page.reload();
  await ready(page);
  await expect(page.locator("li.draft")).toHaveCount(0);
  // Undo is offered until the page is left; here, once more, from a fresh deletion.
  await loadAgain(page);
  await page.locator("li.draft").getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.locator("li.draft")).toHaveCount(1);
});

async function loadAgain(page) {
  await open(page, "share/?need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=0");
  await page.getByRole("button", { name: "Load these answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await open(page, "drafts/");
  await expect(page.locator("li.draft")).toHaveCount(1);
}
