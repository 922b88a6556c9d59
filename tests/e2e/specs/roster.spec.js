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
  await expect(row("Bob")).toContainText("answers missing, next: “where”");
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

/** 200 employees, every 15th row carrying one of thirteen kinds of bad cell. */
function fixture200() {
  const header = ["label", "need", "where", "citizenship", "submitter", "branch", "family", "member1", "years", "registration", "passport-expiry", "payment-date", "colour", "need"];
  const good = { need: "work", where: "outside", citizenship: "other", submitter: "employer", branch: "no", family: "0", member1: "", years: "2", registration: "", "passport-expiry": "01.07.2030", "payment-date": "10.03.2026" };
  const bad = [
    ["need", "holiday"],
    ["where", "mars"],
    ["family", "two"],
    ["family", "12"],
    ["member1", "cousin", { family: "1" }],
    ["years", "7"],
    ["passport-expiry", "31.02.2030"],
    ["payment-date", "2026/13/40"],
    ["registration", "iin"],
    ["citizenship", ""],
  ];
  const rows = [];
  for (let i = 0; i < 200; i++) {
    const cells = { ...good, label: `Employee ${i + 1}` };
    const kind = i % 15 === 0 ? bad[(i / 15) % bad.length] : null;
    if (kind) Object.assign(cells, kind[2] ?? {}, { [kind[0]]: kind[1] });
    const line = header.slice(0, 12).map((h) => cells[h] ?? "").concat(["blue", ""]);
    if (i === 199) line.push("surplus");
    rows.push(line.join("\t"));
  }
  return [header.join("\t"), ...rows].join("\n");
}

test("200 employees with thirteen kinds of bad cell: each reported by row and column, the rest priced", async ({ page }) => {
  test.setTimeout(60_000); // axe over 200 lines, an edit and a reload
  await page.clock.setFixedTime(new Date("2026-03-10T10:00:00"));
  await open(page, "roster/");
  const elapsed = await page.evaluate(async (text) => {
    const area = document.getElementById("roster-text");
    const start = performance.now();
    area.value = text;
    area.dispatchEvent(new Event("input", { bubbles: true }));
    while (document.querySelectorAll("table tbody tr").length < 100) await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - start;
  }, fixture200());
  console.log(`200 employees: results in ${Math.round(elapsed)} ms (unthrottled)`);
  const table = page.locator("table", { has: page.locator("caption", { hasText: "One line per employee" }) });
  // A hundred lines at a time; the totals cover all of them.
  await expect(table.locator("tbody tr")).toHaveCount(100);
  await expect(page.getByText("Showing 100 of 200 employees.")).toBeVisible();
  await page.getByRole("button", { name: "Show 100 more" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(200);
  const problems = page.getByRole("status").filter({ hasText: "Some cells could not be used" });
  const expected = [
    "Row 1, column “colour”: not a column this app knows; ignored",
    "Row 1, column “need”: a second column of the same name; ignored",
    "Row 2, column “need”: “holiday” is not allowed. Allowed: work, invest, business, live, cancel, qualification, registration",
    "Row 17, column “where”: “mars” is not allowed. Allowed: outside, inside",
    "Row 32, column “family”: “two” is not a whole number from 0 to 9",
    "Row 47, column “family”: “12” is not a whole number from 0 to 9",
    "Row 62, column “member1”: “cousin” is not allowed",
    "Row 77, column “years”: “7” is not allowed. Allowed: 1, 2, 3, 4, 5",
    "Row 92, column “passport-expiry”: “31.02.2030” is not a date",
    "Row 107, column “payment-date”: “2026/13/40” is not a date",
    "Row 122, column “registration”: the other answers do not lead to this question; ignored",
    "Row 137, column “citizenship”: this answer is missing, so no service can be chosen yet",
    "Row 201, column “”: 1 cell more than the header has columns; ignored",
  ];
  for (const text of expected) await expect(problems).toContainText(text);
  await expectAccessible(page);
  // A row with a bad cell still gets what its other cells allow; good rows are priced.
  const employee = (n) => table.locator("tbody tr").filter({ has: page.getByRole("cell", { name: `Employee ${n}`, exact: true }) });
  await expect(employee(1)).toContainText("answers missing, next: “need”");
  await expect(employee(91)).toContainText("Invitation letter"); // its passport date is bad, the rest is read
  await expect(employee(3)).toContainText("ready by");
  const totals = page.locator("table", { has: page.locator("caption", { hasText: "Totals" }) });
  await expect(totals.locator("tfoot th")).toHaveText("The company");

  // Fix a bad cell in the page: its problem goes, the row is priced.
  await page.getByRole("button", { name: "Edit – Employee 1", exact: true }).click();
  // The editor shows the row's problems where its cells are changed.
  const editor = page.locator("section.roster-editor");
  await expect(editor.getByRole("status")).toContainText("Row 2, column “need”: “holiday” is not allowed");
  await expect(page.getByLabel("need", { exact: true }).first()).toHaveValue("");
  await page.getByLabel("need", { exact: true }).first().selectOption("work");
  await expect(problems).not.toContainText("Row 2, column “need”");
  await expect(editor.getByRole("status")).toHaveCount(0);
  await expect(employee(1)).toContainText("ready by");
  await page.getByRole("button", { name: "Done" }).click();
  // All 200 rows, with the fix, survive a reload.
  const text = await page.getByLabel("Rows from a spreadsheet").inputValue();
  expect(text.split("\n")).toHaveLength(201);
  await page.reload();
  await ready(page);
  await expect(page.getByLabel("Rows from a spreadsheet")).toHaveValue(text);
  await expect(problems).toContainText("Row 17, column “where”: “mars” is not allowed");
});

const TWO = [
  "label\tneed\twhere\tcitizenship\tsubmitter\tbranch\tfamily",
  "Aigerim\twork\toutside\tother\temployer\tno\t0",
  "Bolat\twork\toutside\tother\temployer\tno\t0",
].join("\n");

test("rows are edited and added in the page, a row opens as a draft, and nothing is lost on reload", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-10T10:00:00"));
  await open(page, "roster/");
  const box = page.getByLabel("Rows from a spreadsheet");
  await box.fill(TWO);
  const table = page.locator("table", { has: page.locator("caption", { hasText: "One line per employee" }) });
  await expect(table.locator("tbody tr")).toHaveCount(2);

  // Edit Bolat's row: every column gets a field, each change goes into the roster's text.
  await page.getByRole("button", { name: "Edit – Bolat" }).click();
  await expect(page.getByRole("heading", { name: "Row 3" })).toBeFocused();
  await expect(page.getByLabel("where", { exact: true })).toHaveValue("outside");
  await page.getByLabel("where", { exact: true }).selectOption("inside");
  await page.getByLabel("label", { exact: true }).fill("Bolat K.");
  await page.getByLabel("family", { exact: true }).fill("1");
  await page.getByLabel("family", { exact: true }).press("Tab");
  await expect(box).toHaveValue(/\nBolat K\.\twork\tinside\tother\temployer\tno\t1$/);
  await expect(table.locator("tbody tr", { hasText: "Bolat K." })).toContainText("answers missing, next: “visa”");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Done" }).click();

  // Add an employee: the row is written once its first field is, and gets its line.
  await page.getByRole("button", { name: "Add an employee" }).click();
  await expect(page.getByRole("heading", { name: "Add an employee" })).toBeFocused();
  await page.getByLabel("label", { exact: true }).fill("Chen");
  await page.getByLabel("label", { exact: true }).press("Tab");
  await expect(page.getByRole("heading", { name: "Row 4" })).toBeVisible();
  for (const [column, value] of [["need", "work"], ["where", "outside"], ["citizenship", "other"], ["submitter", "employer"], ["branch", "no"]])
    await page.getByLabel(column, { exact: true }).selectOption(value);
  await page.getByLabel("family", { exact: true }).fill("0");
  await page.getByLabel("family", { exact: true }).press("Tab");
  await page.getByRole("button", { name: "Done" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(3);
  await expect(table.locator("tbody tr", { hasText: "Chen" })).toContainText("Invitation letter");

  // Everything typed and edited survives a reload.
  const edited = await box.inputValue();
  await page.reload();
  await ready(page);
  await expect(box).toHaveValue(edited);
  await expect(page.locator("li.current")).toContainText("3 employees");

  // A row opens as a draft of its own, named after the employee, on its result.
  await page.getByRole("button", { name: "Open as a draft – Aigerim" }).click();
  await expect(page).toHaveURL(/\/en\/result\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Invitation letter");
  await open(page, "drafts/");
  await expect(page.locator("li.draft", { hasText: "Aigerim" })).toHaveCount(1);
});

test("a roster name being typed survives a change made in another tab", async ({ page, context }) => {
  await open(page, "roster/");
  await page.getByLabel("Rows from a spreadsheet").fill(TWO);
  const saved = page.locator("section", { has: page.getByRole("heading", { name: "Rosters on this device" }) }).locator("li");
  await expect(saved).toHaveCount(1);
  await saved.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("Roster name").fill("Half-typed");
  const other = await context.newPage();
  await other.goto("./en/roster/");
  await ready(other);
  await other.getByLabel("Rows from a spreadsheet").fill(`${TWO}\nYerlan\twork\toutside\tother\temployer\tno\t0`);
  await expect(page.getByLabel("Rows from a spreadsheet")).toHaveValue(/Yerlan/);
  await expect(page.getByLabel("Roster name")).toHaveValue("Half-typed");
  await other.close();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(saved).toContainText("Half-typed");
  await expect(page.getByLabel("Rows from a spreadsheet")).toHaveValue(/Yerlan/);
});

test("rosters are kept like drafts: several, renamed, exported, deleted with undo, imported, shared between tabs", async ({ page, context }) => {
  await open(page, "roster/");
  await page.getByLabel("Rows from a spreadsheet").fill(TWO);
  const saved = page.locator("section", { has: page.getByRole("heading", { name: "Rosters on this device" }) }).locator("li");
  await expect(saved).toHaveCount(1);
  await saved.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("Roster name").fill("Spring hires");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(saved).toContainText("Spring hires");

  // A second roster, then back to the first.
  await page.getByRole("button", { name: "Start a new roster" }).click();
  await expect(page.getByLabel("Rows from a spreadsheet")).toHaveValue("");
  // A first row added in the page starts the roster (with the template's header), and the
  // editor stays open as the new roster is saved.
  await page.getByRole("button", { name: "Add an employee" }).click();
  await page.getByLabel("label", { exact: true }).fill("Dana");
  await page.getByLabel("label", { exact: true }).press("Tab");
  await expect(saved).toHaveCount(2);
  await expect(page.getByRole("heading", { name: "Row 2" })).toBeVisible();
  await expect(page.getByLabel("Rows from a spreadsheet")).toHaveValue(/^label\tneed\twhere.*\nDana\t/s);
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByLabel("Rows from a spreadsheet").fill("label\tneed\nDana\tregistration");
  await expect(saved).toHaveCount(2);
  await saved.filter({ hasText: "Spring hires" }).getByRole("button", { name: "Open" }).click();
  await expect(page.getByLabel("Rows from a spreadsheet")).toHaveValue(TWO);

  // Another tab sees the change as soon as it is saved.
  const other = await context.newPage();
  await other.goto("./en/roster/");
  await ready(other);
  // A new tab opens the roster changed last.
  await expect(other.getByLabel("Rows from a spreadsheet")).toHaveValue(/Dana/);
  const otherSaved = other.locator("section", { has: other.getByRole("heading", { name: "Rosters on this device" }) }).locator("li");
  await otherSaved.filter({ hasText: "Spring hires" }).getByRole("button", { name: "Open" }).click();
  await expect(other.getByLabel("Rows from a spreadsheet")).toHaveValue(TWO);
  await page.getByLabel("Rows from a spreadsheet").fill(`${TWO}\nYerlan\twork\toutside\tother\temployer\tno\t0`);
  await expect(other.getByLabel("Rows from a spreadsheet")).toHaveValue(/Yerlan/);
  await other.close();

  // Export both, delete one and undo, then import the file into an empty device.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export all rosters (JSON)" }).click()]);
  const file = await download.path();
  const exported = JSON.parse(await readFile(file, "utf8"));
  expect(exported.format).toBe("expat-navigator-rosters");
  expect(exported.rosters).toHaveLength(2);
  expect(exported.rosters.map((r) => r.name)).toContain("Spring hires");
  expect(exported.rosters.find((r) => r.name === "Spring hires").text).toContain("Yerlan");
  await saved.filter({ hasText: "Spring hires" }).getByRole("button", { name: "Delete" }).click();
  await expect(saved).toHaveCount(1);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(saved).toHaveCount(2);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await ready(page);
  await expect(saved).toHaveCount(0);
  await page.getByLabel("Import rosters from a file").setInputFiles(file);
  await expect(page.getByText("In the file: 2 new, 0 already here (skipped).")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(saved).toHaveCount(2);
  await expect(page.getByText("Rosters imported: 2")).toBeVisible();
});

test("stored rosters that cannot be read are kept aside, and the first release's pasted text is migrated", async ({ page }) => {
  await page.addInitScript((text) => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    localStorage.setItem("expat-navigator.roster", text);
    localStorage.setItem("expat-navigator.roster.broken", '{"version":1,"text":"label');
    localStorage.setItem("expat-navigator.roster.later", '{"version":7,"id":"later","text":"x"}');
  }, TWO);
  await open(page, "roster/");
  await expect(page.getByLabel("Rows from a spreadsheet")).toHaveValue(TWO);
  const problems = page.getByRole("status").filter({ hasText: "Some saved data could not be read" });
  await expect(problems).toContainText("the record is damaged and could not be read");
  await expect(problems).toContainText("written by a newer version of the app");
  await expect(problems).toContainText("Records kept aside: 2");
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export what was kept aside" }).click()]);
  const kept = await readFile(await download.path(), "utf8");
  expect(kept).toContain('\\"text\\":\\"label');
  expect(kept).toContain('\\"version\\":7');
  const stored = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(stored).toContain("expat-navigator.roster.later");
  expect(stored).not.toContain("expat-navigator.roster");
  expect(stored.filter((k) => k.startsWith("expat-navigator.quarantine."))).toHaveLength(1);
});

test("at a desk the roster starts with a wide paste box, says what a cell waits for, and keeps a row's actions apart", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.clock.setFixedTime(new Date("2026-03-10T10:00:00"));
  await open(page, "roster/");
  const paste = page.getByLabel("Rows from a spreadsheet");
  // Pasting is the first control of the page; the file, the template and the import follow it.
  const firstControl = await page.evaluate(() => document.querySelector("main").querySelector("textarea, input, select, button")?.id);
  expect(firstControl).toBe("roster-text");
  for (const later of [page.getByLabel("Or choose a CSV file"), page.getByRole("button", { name: /Download the template/ }), page.getByLabel("Import rosters from a file")]) {
    const after = await paste.evaluate((box, other) => Boolean(box.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING), await later.elementHandle());
    expect(after).toBe(true);
  }
  // As wide as the content, and a long row stays on one line.
  const [box, main] = await Promise.all([paste.boundingBox(), page.locator("main h1").boundingBox()]);
  expect(box.width).toBeGreaterThan(main.width - 2);
  expect(box.width).toBeGreaterThan(900);
  // A row without `visa`: the later answers wait for it; one that no answer leads to is ignored.
  await paste.fill(["label\tneed\twhere\tcitizenship\tstay\tsubmitter\tbranch\tfamily\tregistration", "Aigerim\twork\tinside\tother\tover-90\temployer\tno\t0\tiin", "Bob\tregistration\t\t\t\t\t\t0\tiin"].join("\n"));
  expect(await paste.evaluate((t) => t.scrollWidth > t.clientWidth)).toBe(false); // fits at 1280
  await paste.evaluate((t) => (t.value += "\t" + "x".repeat(400)));
  await paste.dispatchEvent("input");
  expect(await paste.evaluate((t) => t.scrollWidth > t.clientWidth)).toBe(true); // scrolls, does not wrap
  const problems = page.getByRole("status").filter({ hasText: "Some cells could not be used" });
  await expect(problems).toContainText("Row 2, column “visa”: this answer is missing, so no service can be chosen yet");
  for (const column of ["submitter", "branch", "family"]) {
    await expect(problems).toContainText(`Row 2, column “${column}”: waits for the answer to “visa”, which is missing; it counts once that answer is given`);
  }
  await expect(problems).toContainText("Row 2, column “registration”: the other answers do not lead to this question; ignored");
  // Each action of a line is a control of its own, named for its row, with space between.
  const actions = page.locator("tbody tr", { hasText: "Bob" }).locator(".row-actions li");
  await expect(actions).toHaveCount(3);
  await expect(page.getByRole("link", { name: "Open the answers – Bob" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit – Bob" })).toBeVisible();
  const [first, second] = [await actions.nth(0).boundingBox(), await actions.nth(1).boundingBox()];
  expect(second.x - (first.x + first.width) >= 8 || second.y >= first.y + first.height).toBe(true);
  await expectAccessible(page);
});
