// The roster, for HR: pasted rows, every bad cell explained by row and column, one line per
// employee with the service, people, fees and dates, totals, CSV, and the text kept on reload.
import { readFile } from "node:fs/promises";
import { test, expect, expectAccessible, open, ready } from "../fixtures.js";

const HEADER = "label\tneed\twhere\tcitizenship\tsubmitter\tbranch\tfamily\tmember1\tyears\tregistration\tcolour\tpayment-date";
const ROWS = [
  "Aigerim\twork\toutside\tother\temployer\tno\t1\tspouse\t3\t\tred\t10.03.2026",
  "Bob\twork\tmars\tother\temployer\tno\t0\t\t3\t\t\t10.03.2026",
  "Chen\tregistration\t\t\t\t\t0\t\t\tfingerprinting\t\t31.02.2026",
  "Dana\twork\toutside\tother\temployer\tno\ttwelve\t\t\t\t\t",
];

test("a pasted roster: problems by row and column, one line per employee, totals, CSV, kept on reload", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-10T10:00:00"));
  await open(page, "roster/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Many employees at once");
  const [template] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /Download the template/ }).click()]);
  expect(await readFile(await template.path(), "utf8")).toContain("label\tneed\twhere");
  await page.getByLabel("Rows from a spreadsheet").fill([HEADER, ...ROWS].join("\n"));

  const problems = page.getByRole("status").filter({ hasText: "Some cells could not be used" });
  await expect(problems).toContainText("Row 1, column “colour”: not a column this app knows; ignored");
  await expect(problems).toContainText("Row 3, column “where”: “mars” is not allowed. Allowed: outside, inside");
  await expect(problems).toContainText("Row 4, column “payment-date”: “31.02.2026” is not a date");
  await expect(problems).toContainText("Row 5, column “family”: “twelve” is not a whole number from 0 to 9");
  await expectAccessible(page);

  const table = page.locator("table", { has: page.locator("caption", { hasText: "One line per employee" }) });
  const row = (name) => table.locator("tbody tr", { hasText: name });
  await expect(table.locator("tbody tr")).toHaveCount(4);
  await expect(row("Aigerim")).toContainText("Invitation letter");
  await expect(row("Aigerim")).toContainText("1 104 325 ₸"); // (550 000 + 2 162.50) × 2
  await expect(row("Bob")).toContainText("answers missing");
  await expect(row("Chen")).toContainText("10 000 ₸");
  const totals = page.locator("table", { has: page.locator("caption", { hasText: "Totals" }) });
  await expect(totals.locator("tfoot")).toContainText("1 114 325 ₸");

  // Filter by service.
  await page.getByLabel("Show the service").selectOption("fingerprinting");
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await page.getByLabel("Show the service").selectOption("");

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the results (CSV)" }).click()]);
  const lines = (await readFile(await csv.path(), "utf8")).trim().split("\r\n");
  expect(lines).toHaveLength(5);
  expect(lines[1]).toContain("\"Aigerim\"");
  expect(lines[1]).toContain("1104325");

  // One calendar with every employee's dates: a ready-by date for each of the two complete rows.
  const [ics] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download every employee's dates (.ics)" }).click()]);
  const calendar = (await readFile(await ics.path(), "utf8")).replace(/\r\n /g, "");
  expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  expect(calendar).toContain("SUMMARY:Aigerim: Ready by");

  // The pasted text survives a reload.
  await page.waitForTimeout(300);
  await page.reload();
  await ready(page);
  await expect(page.getByLabel("Rows from a spreadsheet")).toHaveValue([HEADER, ...ROWS].join("\n"));
  await expect(table.locator("tbody tr")).toHaveCount(4);
});
