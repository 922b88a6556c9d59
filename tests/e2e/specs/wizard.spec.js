// The wizard: one question per page, keyboard alone, both languages, axe clean on every step.
import { test, expect, expectAccessible, open, ready } from "../fixtures.js";

/** Picks a radio by its label with the keyboard only, then presses Continue with Enter. */
async function chooseByKeyboard(page, label) {
  const wanted = page.getByRole("radio", { name: label, exact: false });
  // Tab into the group (the first radio, or the checked one, takes focus).
  for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.type === "radio")); i++) await page.keyboard.press("Tab");
  const count = await page.getByRole("radio").count();
  for (let i = 0; i < count && !(await wanted.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Space");
  await expect(wanted).toBeChecked();
  await continueByKeyboard(page);
}

async function typeByKeyboard(page, text) {
  for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.tagName === "INPUT")); i++) await page.keyboard.press("Tab");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
  await continueByKeyboard(page);
}

async function continueByKeyboard(page) {
  const button = page.getByRole("button", { name: /Continue|Жалғастыру/ });
  for (let i = 0; i < 30 && !(await button.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  const before = page.url();
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(before);
  await page.locator("#main h1").first().waitFor();
}

test("an employee from abroad, with a spouse and a 15-year-old child, through a branch office, by keyboard alone", async ({ page }) => {
  test.setTimeout(120_000); // ten pages, each checked with axe
  await open(page);
  await page.getByRole("link", { name: "Start now" }).focus();
  await page.keyboard.press("Enter");
  const steps = [
    ["What is needed?", "To work for an AIFC Participant"],
    ["Where is the applicant now?", "Outside Kazakhstan"],
    ["Which group of countries", "Any other country"],
    ["Who will submit the documents", "The employer (the AIFC Participant) itself"],
    ["representative office or a branch", "Yes, a representative office or branch"],
  ];
  for (const [question, answer] of steps) {
    await expect(page.getByRole("heading", { level: 1 })).toContainText(question);
    await expectAccessible(page);
    await chooseByKeyboard(page, answer);
  }
  await expect(page.getByRole("heading", { level: 1 })).toContainText("How many family members");
  await expectAccessible(page);
  await typeByKeyboard(page, "2");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Family member 1");
  await chooseByKeyboard(page, "Spouse");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Family member 2");
  await chooseByKeyboard(page, "Child aged 14 to 18");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await expect(page.locator(".summary-list .row")).toHaveCount(8);
  await expectAccessible(page);
  const result = page.getByRole("link", { name: "See the result" });
  await result.focus();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1 })).toContainText("Invitation letter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("work visa");
  // One checklist per person.
  await expect(page.getByRole("heading", { level: 2, name: "Applicant" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Family member 1: Spouse" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Family member 2: Child aged 14 to 18" })).toBeVisible();
  const applicant = page.locator("section.person").nth(0);
  const spouse = page.locator("section.person").nth(1);
  // The branch office's power of attorney is on the applicant's list, not the spouse's.
  await expect(applicant).toContainText("general power of attorney");
  await expect(applicant).toContainText("Employment contract");
  await expect(spouse).not.toContainText("Employment contract");
  await expect(spouse).toContainText("marriage, birth or adoption certificate");
  // Step 2 at the embassy or airport.
  await expect(applicant.getByRole("heading", { name: "Step 2: getting the visa" })).toBeVisible();
  await expectAccessible(page);

  // Tick an item off with the keyboard; it stays ticked after leaving and coming back.
  const first = applicant.getByRole("checkbox").first();
  await first.focus();
  await page.keyboard.press("Space");
  await expect(first).toBeChecked();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await page.goForward();
  await expect(page.locator("section.person").nth(0).getByRole("checkbox").first()).toBeChecked();
});

test("in Kazakh, by keyboard alone: the IIN for an applicant and one child", async ({ page }) => {
  test.setTimeout(90_000);
  await open(page, "", { lang: "kk" });
  await page.getByRole("link", { name: "Бастау" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Не қажет?");
  await expectAccessible(page);
  await chooseByKeyboard(page, "Көші-қон және салық қызметтері");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Қай қызмет қажет?");
  await expectAccessible(page);
  await chooseByKeyboard(page, "Жеке сәйкестендіру нөмірі (ЖСН)");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("неше отбасы мүшесі");
  await expectAccessible(page);
  await typeByKeyboard(page, "1");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("1");
  await expectAccessible(page);
  await chooseByKeyboard(page, "14 пен 18 жас аралығындағы баласы");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Жауаптарыңызды тексеріңіз");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Нәтижені көру" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Жеке сәйкестендіру нөмірі");
  await expect(page.getByRole("heading", { level: 2, name: "Өтініш беруші" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /Отбасы мүшесі 1/ })).toBeVisible();
  await expectAccessible(page);
});

test("Continue without an answer shows an error summary that takes focus and links to the field", async ({ page }) => {
  await open(page, "q/need/");
  await page.getByRole("button", { name: "Continue" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("There is a problem");
  await expect(page.locator("#q-need-error")).toContainText("Select one option");
  await expect(page).toHaveURL(/\/en\/q\/need\/$/);
  await expectAccessible(page);
  await summary.getByRole("link").click();
  await expect(page.locator("#q-need")).toBeFocused();
  await expect(page).toHaveURL(/\/en\/q\/need\/$/);
});

test("a count question explains bad input", async ({ page }) => {
  await open(page, "share/?need=work&where=outside&citizenship=other&submitter=employer&branch=no");
  await page.getByRole("button", { name: "Load these answers" }).click();
  await expect(page).toHaveURL(/\/en\/check\/$/);
  await open(page, "q/family/");
  await expect(page).toHaveURL(/\/en\/q\/family\/$/);
  await page.getByRole("textbox").fill("twelve");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".error-summary")).toContainText("Enter a whole number in digits");
  await page.getByRole("textbox").fill("12");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".error-summary")).toContainText("Enter a number in the range 0–9");
  await expectAccessible(page);
});

test("changing an earlier answer recomputes the path and drops answers that no longer apply", async ({ page }) => {
  await open(page, "share/?need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=0");
  await page.getByRole("button", { name: "Load these answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await expect(page.locator(".summary-list .row")).toHaveCount(6);
  await page.getByRole("link", { name: /Change\s+What is needed/ }).click();
  await page.getByRole("radio", { name: "Migration and tax services" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Which service is needed?");
  await page.getByRole("radio", { name: "Fingerprinting" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  // The work answers (where, citizenship, submitter, branch) are gone; family may be asked again.
  for (let i = 0; i < 3 && !(await page.getByRole("heading", { level: 1, name: "Check your answers" }).isVisible()); i++) {
    if (await page.getByRole("textbox").isVisible()) await page.getByRole("textbox").fill("0");
    else await page.getByRole("radio").first().check();
    await page.getByRole("button", { name: "Continue" }).click();
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await expect(page.locator(".summary-list")).not.toContainText("Which group of countries");
  await page.getByRole("link", { name: "See the result" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Fingerprint");
});

test("a link to a question ahead of the answers opens the question that is really next", async ({ page }) => {
  await open(page, "q/branch/");
  await expect(page).toHaveURL(/\/en\/q\/need\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What is needed?");
  await open(page, "result/");
  await expect(page).toHaveURL(/\/en\/q\/need\/$/);
});

test("browser Back and Forward walk the questions", async ({ page }) => {
  await open(page, "q/need/");
  await page.getByRole("radio", { name: "To invest" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/en\/q\/investor\/$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/en\/q\/need\/$/);
  await expect(page.getByRole("radio", { name: "To invest" })).toBeChecked();
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Which investor visa category is needed?");
});

test("a share link reopens the same answers in another browser, and bad parts are explained", async ({ page, browser }) => {
  await open(page, "share/?need=business&purpose=services&entries=multiple&where=outside&submitter=asp&branch=no");
  await page.getByRole("button", { name: "Load these answers" }).click();
  await page.getByRole("link", { name: "See the result" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("multiple-entry");
  const link = await page.getByRole("textbox", { name: "Link" }).inputValue();
  expect(link).not.toMatch(/date|name|passport/);

  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await ready(second);
  await second.getByRole("button", { name: "Load these answers" }).click();
  await second.getByRole("link", { name: "See the result" }).click();
  await expect(second.getByRole("heading", { level: 1 })).toHaveText(await page.getByRole("heading", { level: 1 }).textContent());
  await other.close();

  await open(page, "share/?need=work&bogus=1&where=mars&entry-date=2026-01-01");
  const notices = page.locator(".warning");
  await expect(notices).toContainText("An unknown key was ignored");
  await expect(notices).toContainText("An invalid value was dropped");
  await expect(notices).toContainText("Dates are never shared by link");
  await expectAccessible(page);

  // The link is in no language, at the site's share address: it opens in the reader's language.
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/share\/\?need=business&/);
});

test("the outcome's fee options are saved in the draft and priced for every person", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-10T10:00:00"));
  await open(page, "share/?need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=1&member1=spouse");
  await page.getByRole("button", { name: "Load these answers" }).click();
  await page.getByRole("link", { name: "See the result" }).click();
  const visaLength = page.getByLabel("Visa length");
  const element = await visaLength.elementHandle();
  await visaLength.selectOption("3");
  // Choosing an option changes the answers but does not rebuild the calculator (no lost focus).
  expect(await element.evaluate((el) => el.isConnected)).toBe(true);
  await page.getByLabel(/Priority Service/).check();
  // Two people: (550 000 + 150 000 + 2 162.5) × 2 = 1 404 325 ₸.
  await expect(page.locator("main")).toContainText("1 404 325 ₸");
  await page.reload();
  await ready(page);
  await expect(page.getByLabel("Visa length")).toHaveValue("3");
  await expect(page.getByLabel(/Priority Service/)).toBeChecked();
  await expect(page.locator("main")).toContainText("1 404 325 ₸");
  await expectAccessible(page);
});
