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
  // Sort by the ready-by date: fingerprinting (served on the day) comes before the invitation.
  await page.getByLabel("Sort by").selectOption("ready");
  await expect(table.locator("tbody tr").first()).toContainText("Chen");
  await page.getByLabel("Sort by").selectOption("fees");
  await expect(table.locator("tbody tr").first()).toContainText("Aigerim");
  await page.getByLabel("Sort by").selectOption("row");

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

test("the roster prints as one pack: each employee's checklists from a new page, each person on their own", async ({ page }, testInfo) => {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  await page.addInitScript(() => { window.print = () => {}; });
  await open(page, "roster/");
  await page.getByLabel("Rows from a spreadsheet").fill([
    "label\tneed\twhere\tcitizenship\tsubmitter\tbranch\tfamily\tmember1\tmember2",
    "Aigerim\twork\toutside\tother\temployer\tno\t2\tspouse\tchild-under-14",
    "Bolat\twork\toutside\tother\temployer\tno\t0",
  ].join("\n"));
  await page.getByLabel("Show the documents side by side in a second language (for printing)").selectOption("kk");
  await page.getByRole("button", { name: "Print every employee's checklists" }).click();
  await expect(page.locator(".roster-employee")).toHaveCount(2);
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4" });
  await testInfo.attach("roster-pack.pdf", { body: pdf, contentType: "application/pdf" });
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push((await (await doc.getPage(n)).getTextContent()).items.map((i) => i.str).join(" "));
  await doc.destroy();
  // Aigerim's three people, then Bolat: each person's checklist on a page of its own (a long
  // one may take more than one), each employee from a new page, in order.
  const first = (text) => pages.findIndex((p) => p.replace(/\s+/g, "").includes(text.replace(/\s+/g, "")));
  const at = ["Aigerim:", "Family member 1: Spouse", "Family member 2: Child under 14", "Bolat:"].map(first);
  expect(at.every((i) => i >= 0), `${at}`).toBe(true);
  expect(at).toEqual([...at].sort((a, b) => a - b));
  expect(new Set(at).size).toBe(4);
  expect(at[0], "the first employee starts on the first page, under the print header").toBe(0);
  expect(pages[0]).toContain("Printed on");
  expect(pages[at[0]]).toContain("Өтініш беруші");
  expect(pages.length).toBeGreaterThanOrEqual(4);
  expect(pages.join(" ")).not.toContain("Rows from a spreadsheet");
});
