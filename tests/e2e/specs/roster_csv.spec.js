// The roster's files at the edges: the results CSV never runs a formula in a spreadsheet, a
// quoted line break stays in its cell, a CSV saved by Excel in Russian (Windows-1251) reads as
// Cyrillic and says so, and a file that cannot be read or saved says so too.
import { readFile } from "node:fs/promises";
import { test, expect, expectAccessible, open } from "../fixtures.js";

const HEADER = "label\tneed\twhere\tcitizenship\tsubmitter\tbranch\tfamily";
const ANSWERS = "work\toutside\tother\temployer\tno\t0";
const FORMULAS = ['=HYPERLINK("http://x","x")', "+1+1", "-2+3", "@SUM(A1:A2)"];

/** Windows-1251 bytes of `text` (ASCII and the Cyrillic letters used here), as Excel writes. */
function cp1251(text) {
  const special = { "Ё": 0xa8, "ё": 0xb8, "І": 0xb2, "і": 0xb3, "«": 0xab, "»": 0xbb, "№": 0xb9 };
  return Buffer.from([...text].map((c) => {
    const code = c.codePointAt(0);
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (c in special) return special[c];
    throw new Error(`${c} is not in this test's Windows-1251 table`);
  }));
}

const table = (page) => page.locator("table", { has: page.locator("caption", { hasText: "One line per employee" }) });
const chooseFile = (page, name, buffer, mimeType = "text/csv") =>
  page.getByLabel("Or choose a CSV file").setInputFiles({ name, mimeType, buffer });

test("the results CSV shows a label that looks like a formula as text, never runs it", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-10T10:00:00"));
  await open(page, "roster/");
  await page.getByLabel("Rows from a spreadsheet").fill([HEADER, ...FORMULAS.map((label) => `${label}\t${ANSWERS}`)].join("\n"));
  await expect(table(page).locator("tbody tr")).toHaveCount(4);
  // The page shows each label as it was typed.
  for (const label of FORMULAS) await expect(table(page).getByRole("cell", { name: label, exact: true })).toHaveCount(1);

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the results (CSV)" }).click()]);
  const text = await readFile(await csv.path(), "utf8");
  const lines = text.trim().split("\r\n");
  expect(lines).toHaveLength(5);
  // Each one quoted, with a ' before it, so the spreadsheet shows it as text.
  expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"",""x"")"`);
  expect(lines[2]).toContain(`"'+1+1"`);
  expect(lines[3]).toContain(`"'-2+3"`);
  expect(lines[4]).toContain(`"'@SUM(A1:A2)"`);
  expect(text).not.toMatch(/(^|,)"?[=+\-@\t\r]/m);
  // The app's own figures are still numbers: row, people, fees.
  expect(lines[1]).toMatch(/^2,"'=HYPERLINK.*",1,\d+(\.\d+)?,/);
});

test("a CSV file whose label holds a quoted line break gives one employee, not two", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-10T10:00:00"));
  await open(page, "roster/");
  const csv = [
    "label,need,where,citizenship,submitter,branch,family",
    '"Aigerim\r\nSeitkali",work,outside,other,employer,no,0',
    "Bolat,work,outside,other,employer,no,0",
    "",
  ].join("\r\n");
  await chooseFile(page, "team.csv", Buffer.from(csv, "utf8"));
  const rows = table(page).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Aigerim");
  await expect(rows.nth(0)).toContainText("Seitkali");
  await expect(rows.nth(0)).toContainText("Invitation letter");
  // Bolat's row starts on line 4 of the file: the line break inside Aigerim's cell counts.
  await expect(rows.nth(1).locator("th")).toHaveText("4");
  await expect(rows.nth(1)).toContainText("Invitation letter");
  await expect(page.getByText("Some cells could not be used")).toHaveCount(0);
  await expectAccessible(page);
});

test("a CSV saved by Excel in Russian (Windows-1251) shows its Cyrillic labels, and says how it was read", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-10T10:00:00"));
  await open(page, "roster/");
  const csv = [
    "label;need;where;citizenship;submitter;branch;family",
    "Иванов Пётр;work;outside;other;employer;no;0",
    "Айгерім «Аля»;work;outside;other;employer;no;0",
    "",
  ].join("\r\n");
  await chooseFile(page, "сотрудники.csv", cp1251(csv));
  const rows = table(page).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(table(page).getByRole("cell", { name: "Иванов Пётр", exact: true })).toBeVisible();
  await expect(table(page).getByRole("cell", { name: "Айгерім «Аля»", exact: true })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "read as Windows-1251 (Cyrillic)" })).toBeVisible();
  await expect(table(page)).not.toContainText("\ufffd");
  await expect(page.getByLabel("Rows from a spreadsheet")).toHaveValue(/Иванов Пётр/);
  await expectAccessible(page);
  // A UTF-8 file is read as it is, and the notice goes.
  await chooseFile(page, "team.csv", Buffer.from(csv.replace("Иванов", "Петров"), "utf8"));
  await expect(table(page).getByRole("cell", { name: "Петров Пётр", exact: true })).toBeVisible();
  await expect(page.getByText("read as Windows-1251")).toHaveCount(0);
});

test("a download the browser refuses is said, not swallowed", async ({ page }) => {
  await page.addInitScript(() => {
    URL.createObjectURL = () => {
      throw new Error("downloads are blocked here");
    };
  });
  await open(page, "roster/");
  await page.getByLabel("Rows from a spreadsheet").fill([HEADER, `Aigerim\t${ANSWERS}`].join("\n"));
  await expect(table(page).locator("tbody tr")).toHaveCount(1);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await page.getByRole("button", { name: "Download the results (CSV)" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("The file could not be saved: the browser refused the download.");
  await expectAccessible(page);
  await alert.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
  // The same for every download, here the template.
  await page.getByRole("button", { name: /Download the template/ }).click();
  await expect(page.getByRole("alert")).toContainText("The file could not be saved");
});

test("a file that is not text, or too large, is refused with a message and the roster is kept", async ({ page }) => {
  await open(page, "roster/");
  const box = page.getByLabel("Rows from a spreadsheet");
  const kept = [HEADER, `Aigerim\t${ANSWERS}`].join("\n");
  await box.fill(kept);
  // A spreadsheet's own file (an .xlsx is a zip), chosen instead of its CSV.
  await chooseFile(page, "team.xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const message = page.getByRole("alert");
  await expect(message).toContainText("This file is not text");
  await expect(page.getByLabel("Or choose a CSV file")).toHaveAccessibleDescription(/This file is not text/);
  await expect(box).toHaveValue(kept);
  await expectAccessible(page);
  // More text than a roster can keep.
  await chooseFile(page, "huge.csv", Buffer.alloc(2 * 1024 * 1024 + 1, "a"));
  await expect(message).toContainText("This file is too large");
  await expect(box).toHaveValue(kept);
  await expect(table(page).locator("tbody tr")).toHaveCount(1);
});
