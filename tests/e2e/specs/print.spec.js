// Printed checklists: A4 PDFs from Chromium, read back page by page with pdf.js. One page for a
// lone employee; one page per person for a family; no row split across pages; no navigation,
// buttons or footer on paper; a header with the print date, the catalogue date, the guide lines
// and a QR code of the share link.
import { test, expect, expectAccessible, open } from "../fixtures.js";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const WORK = "need=work&where=outside&citizenship=other&submitter=employer&branch=no";
const ALONE = `${WORK}&family=0`;
const FAMILY = `${WORK}&family=2&member1=spouse&member2=child-14-18`;
const TODAY = new Date("2026-03-10T10:00:00");

/** Loads answers through a share link and opens their result, on a fixed day. */
async function openOutcome(page, query, options) {
  await page.clock.setFixedTime(TODAY);
  await open(page, `share/?${query}`, options);
  await page.getByRole("button", { name: /Load these answers|Осы жауаптарды жүктеу|Загрузить эти ответы/ }).click();
  await page.getByRole("link", { name: /See the result|Нәтижені көру|Посмотреть результат/ }).click();
  await expect(page.locator("section.person").first()).toBeVisible();
}

/** What the checklist shows on screen: the title, and each person's heading and rows. */
async function readChecklist(page) {
  return page.evaluate(() => {
    const text = (el) => el.textContent.replace(/\s+/g, " ").trim();
    const people = [...document.querySelectorAll("section.person")].map((section) => ({
      heading: text(section.querySelector("h2")),
      rows: [...section.querySelectorAll(".checklist > li")].map((li) => {
        const label = li.querySelector("label").cloneNode(true);
        label.querySelectorAll(".condition").forEach((c) => c.remove());
        // The row's parts: the name, its conditions and notes, its sub-items.
        const parts = [...li.querySelectorAll(".condition, li")].map(text);
        return { name: text(label), parts: [text(label), ...parts] };
      }),
    }));
    return { title: text(document.querySelector("#main h1")), people };
  });
}

/** Prints to an A4 PDF (as the Print button would), attached to the test, opened with pdf.js. */
async function print(page, testInfo, name) {
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", printBackground: false });
  await testInfo.attach(name, { body: pdf, contentType: "application/pdf" });
  return getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
}

/** Prints to an A4 PDF and returns each page's text. */
async function printToPdf(page, testInfo, name) {
  const doc = await print(page, testInfo, name);
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => item.str).join(" ").replace(/\s+/g, " ").trim());
  }
  await doc.destroy();
  testInfo.annotations.push({ type: "pdf pages", description: `${name}: ${pages.length}` });
  return pages;
}

/** Text compared without whitespace: line breaks and text runs in a PDF fall anywhere. */
const squash = (s) => s.replace(/\s+/g, "");
const pagesHolding = (pages, s) => pages.flatMap((p, i) => (squash(p).includes(squash(s)) ? [i] : []));

/** Every row is whole on one page, and on the page of its person. */
function expectRowsWhole(pages, people, pageOf) {
  people.forEach((person, i) => {
    for (const row of person.rows) {
      expect(pagesHolding(pages, row.name), `"${row.name}" is on one page`).toContain(pageOf(i));
      for (const part of row.parts) {
        expect(pagesHolding(pages, part), `"${part}" of the row "${row.name}" is on its page`).toContain(pageOf(i));
      }
    }
  });
}

/** The screen's chrome: none of it is printed. */
async function expectNoChrome(page, pages) {
  const all = pages.join(" ");
  for (const word of ["All services", "Drafts", "Skip to main content", "Қазақша", "English", "Change your answers",
    "Share these answers", "Everything about this service", "Office hours", "independent reference tool"]) {
    expect(squash(all), `"${word}" is not printed`).not.toContain(squash(word));
  }
  expect(all, "the Print button is not printed").not.toMatch(/\bPrint\b/);
  // The footer's phone numbers and email.
  const footer = await page.locator("footer a").allTextContents();
  expect(footer.length).toBeGreaterThan(0);
  for (const link of footer) expect(squash(all)).not.toContain(squash(link));
}

/** The print header is laid out in print media, with a real QR code about 28 mm wide. */
async function expectHeaderInPrint(page) {
  const header = page.locator(".print-header");
  await expect(header).toBeVisible();
  const svg = header.locator("svg[role=img]");
  await expect(svg).toBeVisible();
  await expect(svg).toHaveAttribute("aria-label", /QR/);
  const viewBox = await svg.getAttribute("viewBox");
  const [, n] = viewBox.match(/^0 0 (\d+) \1$/) ?? [];
  // A QR symbol is 21 + 4k modules wide, plus the 4-module quiet zone on each side.
  expect((Number(n) - 8 - 21) % 4, `viewBox ${viewBox}`).toBe(0);
  const d = await svg.locator("path").getAttribute("d");
  expect(d).toMatch(/^M\d+ \d+h\d+v1h-\d+z(M\d+ \d+h\d+v1h-\d+z)+$/);
  const width = (await svg.boundingBox()).width;
  expect(width / (96 / 25.4), "QR width in mm").toBeCloseTo(28, 0);
}

/** The fees and dates print after the checklists, results only, from a new page. */
function expectFeesAndDatesAfter(pages, checklistPages) {
  const after = pages.slice(checklistPages).join(" ");
  expect(pages.length, "a page for the fees and dates").toBeGreaterThan(checklistPages);
  expect(pages.length, "fees and dates take at most two pages").toBeLessThanOrEqual(checklistPages + 2);
  expect(after).toContain("Total of the known fees");
  expect(after).toContain("Ready by");
  expect(pages.slice(0, checklistPages).join(" ")).not.toContain("Total of the known fees");
}

test("a lone employee's checklist fits on one A4 page, with the print header; fees and dates follow", async ({ page }, testInfo) => {
  await openOutcome(page, ALONE);
  const { title, people } = await readChecklist(page);
  expect(people.map((p) => p.heading)).toEqual(["Applicant"]);
  const pages = await printToPdf(page, testInfo, "alone.pdf");
  expectFeesAndDatesAfter(pages, 1);
  const [text] = pages;
  expect(squash(text)).toContain(squash(title));
  expect(text).toContain("Expat Navigator");
  expect(text).toContain("Printed on 10.03.2026");
  expect(text).toContain("Catalogue as of 01.01.2026");
  expect(text).toMatch(/Expat Centre guide, lines \d+–\d+/);
  expect(text).toContain("Scan to reopen these answers");
  expectRowsWhole(pages, people, () => 0);
  await expectNoChrome(page, pages);
  await expectHeaderInPrint(page);
});

test("a family's checklists print one page per person, each starting a new page", async ({ page }, testInfo) => {
  await openOutcome(page, FAMILY);
  const { title, people } = await readChecklist(page);
  expect(people.map((p) => p.heading)).toEqual(["Applicant", "Family member 1: Spouse", "Family member 2: Child aged 14 to 18"]);
  const pages = await printToPdf(page, testInfo, "family.pdf");
  expectFeesAndDatesAfter(pages, people.length);
  // Every page says what it is: the service title, or the person it is for.
  pages.slice(0, people.length).forEach((text, i) => {
    const says = [title, ...people.map((p) => p.heading)].some((s) => squash(text).includes(squash(s)));
    expect(says, `page ${i + 1} has the service title or a person heading`).toBe(true);
  });
  // Person i starts page i: their heading is there, and none of the other people's.
  people.forEach((person, i) => {
    expect(pagesHolding(pages, person.heading), person.heading).toEqual([i]);
  });
  expectRowsWhole(pages, people, (i) => i);
  expect(pages[0]).toContain("Printed on 10.03.2026");
  expect(pages[0]).toContain("Catalogue as of 01.01.2026");
  expect(pages[0]).toMatch(/Expat Centre guide, lines \d+–\d+/);
  await expectNoChrome(page, pages);
  await expectHeaderInPrint(page);
});

test("the print header is in Kazakh when the app is", async ({ page }, testInfo) => {
  await openOutcome(page, ALONE, { lang: "kk" });
  const pages = await printToPdf(page, testInfo, "alone.kk.pdf");
  expect(pages.length).toBeLessThanOrEqual(3);
  expect(pages[0]).toContain("Экспат навигатор");
  expect(pages[0]).toContain("Басып шығарылған күні: 10.03.2026");
  expect(pages[0]).toContain("Каталог мына күнгі жағдай бойынша: 01.01.2026");
  expect(pages[0]).toMatch(/Экспат орталығының нұсқаулығы, \d+–\d+-жолдар/);
  expect(pages[0]).not.toContain("Printed on");
  await expect(page.locator(".print-header svg")).toHaveAttribute("aria-label", /^QR код/);
});

test("the print header is hidden on screen, and the outcome page stays accessible with it", async ({ page }) => {
  await openOutcome(page, FAMILY);
  const header = page.locator(".print-header");
  await expect(header).toHaveCount(1);
  await expect(header).toBeHidden();
  await expect(page.getByText("Printed on 10.03.2026")).toBeHidden();
  await expectAccessible(page);
  // In print media it shows, as an image with a name (axe's target sizes do not apply to paper).
  await page.emulateMedia({ media: "print" });
  await expect(header).toBeVisible();
  await expect(header.getByRole("img", { name: "QR code: a link that reopens these answers" })).toBeVisible();
});

test("Kazakh and English side by side: each document's name, note and sub-items print on one sheet", async ({ page }, testInfo) => {
  await openOutcome(page, ALONE);
  await page.getByLabel("Show the documents side by side in a second language").selectOption("kk");
  await expectAccessible(page);
  const pages = await printToPdf(page, testInfo, "alone.both.pdf");
  const text = squash(pages.join(" "));
  for (const name of ["Copy of passport", "Төлқұжаттың көшірмесі", "Employment contract", "еңбек шарты"]) expect(text).toContain(squash(name));
  expect(text).toContain(squash("Өтініш беруші"));
  // The guide's notes and sub-items too, not only the names.
  for (const words of [
    "The passport must remain valid for at least 3 months",
    "Төлқұжат виза мерзімі аяқталғаннан кейін кемінде 3 ай",
    "A diploma of higher education directly related",
    "болжамды лауазымға тікелей қатысты жоғары білім",
  ])
    expect(text).toContain(squash(words));
  expect(pages.length).toBeLessThanOrEqual(4);
});

/** Prints to an A4 PDF and returns each page's lines of text (pdf.js items grouped by height). */
async function printLines(page, testInfo, name) {
  const doc = await print(page, testInfo, name);
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const lines = new Map();
    for (const item of (await (await doc.getPage(n)).getTextContent()).items) {
      if (!item.str.trim()) continue;
      const y = Math.round(item.transform[5]);
      lines.set(y, [...(lines.get(y) ?? []), [item.transform[4], item.str]]);
    }
    pages.push([...lines.entries()].sort((a, b) => b[0] - a[0]).map(([, parts]) => parts.sort((a, b) => a[0] - b[0]).map((p) => p[1]).join(" ").trim()));
  }
  await doc.destroy();
  return pages;
}

test("a Russian checklist with Kazakh beside it: the checklist starts on the first page, no line is a lone dash, four pages", async ({ page }, testInfo) => {
  await openOutcome(page, `${WORK}&family=1&member1=spouse&years=1`, { lang: "ru" });
  await page.locator("#second-language").selectOption("kk");
  const pages = await printLines(page, testInfo, "ru.kk.family.pdf");
  // Fewer pages than the 5 it took: the applicant's checklist follows the heading.
  expect(pages.length).toBeLessThanOrEqual(4);
  const first = squash(pages[0].join(" "));
  for (const words of ["Заявитель", "Документы для Экспат-центра", "Справка о государственной регистрации"]) {
    expect(first, `"${words}" is on the first page`).toContain(squash(words));
  }
  // Each family member still starts a page of their own.
  expect(pages.findIndex((lines) => lines.some((l) => l.startsWith("Член семьи 1")))).toBeGreaterThan(0);
  const lone = pages.flatMap((lines, i) => lines.filter((l) => /^[—–\-·|/]+$/.test(l)).map((l) => `page ${i + 1}: "${l}"`));
  expect(lone).toEqual([]);
});
