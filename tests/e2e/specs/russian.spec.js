// Russian, the third language: a Russian browser gets it on a first visit; the wizard, a service
// page, print and drafts work in it with the same baseline (no console error, no other origin,
// axe clean); share links stay language-neutral; numbers and plurals follow Russian rules.
import { test, expect, expectAccessible, open, ready, switchLanguage } from "../fixtures.js";

const TODAY = new Date("2026-03-10T10:00:00");
const WORK = "need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=0";

test.describe("a browser that prefers Russian", () => {
  test.use({ locale: "ru-RU" });

  test("gets Russian on a first visit, and the switch offers three languages", async ({ page }) => {
    await page.goto("./");
    await ready(page);
    await expect(page).toHaveURL(/\/ru\/$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Какая услуга Экспат-центра МФЦА Вам нужна?");
    const links = page.locator("nav.lang-switch a");
    await expect(links).toHaveText(["Қазақша", "English", "Русский"]);
    await expect(links.nth(2)).toHaveAttribute("aria-current", "true");
    await expectAccessible(page);
  });

  test("opens a language-neutral share link in Russian", async ({ page }) => {
    await page.goto(`./share/?${WORK}`);
    await ready(page);
    await expect(page).toHaveURL(new RegExp(`/ru/share/\\?${WORK.replace(/[?&]/g, "\\$&")}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Открыть ответы по ссылке");
  });

  test("keeps the language chosen with the switch over the browser's", async ({ page }) => {
    await page.goto("./");
    await ready(page);
    await switchLanguage(page, "kk");
    await page.goto("./");
    await ready(page);
    await expect(page).toHaveURL(/\/kk\/$/);
  });
});

test("the wizard in Russian: the IIN for an applicant and one child", async ({ page }) => {
  test.setTimeout(90_000);
  await open(page, "", { lang: "ru" });
  await page.getByRole("link", { name: "Начать" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Что нужно?");
  await expectAccessible(page);
  const answer = async (label) => {
    await page.getByRole("radio", { name: label }).check();
    await page.getByRole("button", { name: "Продолжить" }).click();
  };
  await answer("Миграционные и налоговые услуги");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Какая услуга нужна?");
  await answer("Индивидуальный идентификационный номер (ИИН)");
  await expectAccessible(page);
  await page.getByRole("textbox").fill("1");
  await page.getByRole("button", { name: "Продолжить" }).click();
  await expectAccessible(page);
  await answer("Ребёнок от 14 до 18 лет");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Проверьте ответы");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Посмотреть результат" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Индивидуальный идентификационный номер");
  await expect(page.getByRole("heading", { level: 2, name: "Заявитель" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /Член семьи 1/ })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expectAccessible(page);
});

test("a service page in Russian: the guide's table, the fees with a decimal comma, working days in Russian plurals", async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await open(page, "service/work-visa-invitation/", { lang: "ru" });
  await expect(page.getByRole("heading", { level: 2, name: "Необходимые документы" })).toBeVisible();
  await expect(page.locator(".source")).toContainText("Перевод с казахского");
  await page.getByLabel("Срок визы").selectOption("3");
  await expect(page.locator('p[aria-live="polite"]')).toHaveText("На 1 человека: 550 000 ₸ + 2 162,50 ₸ = 552 162,50 ₸.");
  await expect(page.locator("table", { hasText: "0,5 МРП × 4 325 ₸ (МРП 2026 года) = 2 162,50 ₸" })).toHaveCount(1);
  const dates = page.locator('section[aria-labelledby="dates"]');
  await expect(dates).toContainText("5 рабочих дней, считая со следующего рабочего дня после вт, 10 марта 2026 г.");
  await expectAccessible(page);
  // The answers and the page survive a switch to English and back.
  await switchLanguage(page, "en");
  await expect(page.locator('p[aria-live="polite"]')).toHaveText("For 1 person: 550 000 ₸ + 2 162.50 ₸ = 552 162.50 ₸.");
  await switchLanguage(page, "ru");
  await expect(page.locator('p[aria-live="polite"]')).toContainText("552 162,50 ₸");
});

test("plural forms in the catalogue's search: услуга, услуги, услуг by Russian rules", async ({ page }) => {
  await open(page, "services/", { lang: "ru" });
  const search = page.getByLabel("Поиск услуг");
  const found = page.getByText(/^Найден[оа] \d+ услуг/);
  // 1, 21: услуга; 2-4, 22-24: услуги; 0, 5-20, 25-30: услуг (and "Найдена" only with услуга).
  const expected = (n) =>
    n % 10 === 1 && n % 100 !== 11 ? `Найдена ${n} услуга`
    : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? `Найдено ${n} услуги`
    : `Найдено ${n} услуг`;
  const forms = new Set();
  for (const query of ["", "виза", "A5", "ИИН", "сертификат", "нет-такой-услуги"]) {
    await search.fill(query);
    const text = (await found.textContent()).trim();
    const n = Number(text.match(/\d+/)[0]);
    expect(text).toBe(expected(n));
    forms.add(text.split(" ").pop());
  }
  expect([...forms].sort()).toEqual(["услуг", "услуга", "услуги"]);
  await expectAccessible(page);
});

test("print in Russian with Kazakh side by side", async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await open(page, `share/?${WORK}`, { lang: "ru" });
  await page.getByRole("button", { name: "Загрузить эти ответы" }).click();
  await page.getByRole("link", { name: "Посмотреть результат" }).click();
  await expect(page.locator("section.person").first()).toBeVisible();
  const second = page.getByLabel("Показать документы рядом на втором языке (для печати)");
  await expect(second.locator("option")).toHaveText(["Без второго языка", "Қазақша", "English"]);
  await second.selectOption("kk");
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  const header = page.locator(".print-header");
  await expect(header).toContainText("Дата печати: 10.03.2026");
  await expect(header).toContainText("Басып шығарылған күні: 10.03.2026");
  const applicant = page.locator("section.person").first();
  await expect(applicant.locator("h2")).toContainText("Заявитель");
  await expect(applicant.locator("h2")).toContainText("Өтініш беруші");
  await expect(applicant).toContainText("Трудовой договор");
  await expect(applicant).toContainText("еңбек шарты");
  await expect(applicant.locator('[lang="kk"]').first()).toBeVisible();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.length).toBeGreaterThan(10_000);
});

test("drafts in Russian: an answer makes a draft, listed with a Russian plural", async ({ page }) => {
  await open(page, "q/need/", { lang: "ru" });
  await page.getByRole("radio", { name: "Миграционные и налоговые услуги" }).check();
  await page.getByRole("button", { name: "Продолжить" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Какая услуга нужна?");
  await page.locator("nav a", { hasText: "Черновики" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Черновики");
  await expect(page.locator("main")).toContainText("заполняется (1 ответ)");
  await expect(page.locator("main")).toContainText(/Черновик \d{4}-\d{2}-\d{2}/);
  await expectAccessible(page);
});

test("a Russian service page without JavaScript is complete and says it is a translation", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("./ru/service/iin/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.locator("#main h1")).toContainText("ИИН");
  await expect(page.locator("#main ul.checklist > li").first()).toBeVisible();
  await expect(page.locator(".source")).toContainText("Перевод с казахского текста руководства");
  await expect(page.locator('link[rel="alternate"][hreflang="ru"]')).toHaveCount(1);
  await context.close();
});
