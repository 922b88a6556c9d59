// Words fit to print: each service's documents in the words of its own lines of the guide,
// conditions as whole sentences, and fee tables whose every amount fits a 360 px phone.
import { test, expect, expectAccessible, open, ready } from "../fixtures.js";

const main = (page) => page.locator("main");

test("the fingerprinting and IIN pages in Kazakh use those services' own words of the guide", async ({ page }) => {
  await open(page, "service/fingerprinting/", { lang: "kk" });
  await expect(main(page)).toContainText("Келу туралы хабарлама");
  await expect(main(page)).not.toContainText("хабарландыру");
  await open(page, "service/iin/", { lang: "kk" });
  await expect(main(page)).toContainText("Жеке деректерді");
  await expect(main(page)).not.toContainText("Дербес деректерді");
});

test("the TRP page in Russian uses the terms of Kazakhstan's law, with conditions as sentences", async ({ page }) => {
  await open(page, "service/temporary-residence-permit/", { lang: "ru" });
  const text = await main(page).innerText();
  expect(text).toContain("разрешени");
  expect(text).toContain("работника компании");
  for (const wrong of ["КПД ПЖБ", "сотрудника компании", "только если:", "разрешение на проживание", "“", "\""]) expect(text, wrong).not.toContain(wrong);
  await expectAccessible(page);
});

test("a printed Russian checklist says each condition as a sentence, with Russian quotes", async ({ page }) => {
  await open(page, "share/?need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=1&member1=child", { lang: "ru" });
  await page.getByRole("button", { name: "Загрузить эти ответы" }).click();
  await open(page, "result/", { lang: "ru" });
  const text = await main(page).innerText();
  for (const label of ["только если:", "если применимо:", "так как:", "“"]) expect(text, label).not.toContain(label);
});

for (const lang of ["en", "kk", "ru"]) {
  test(`at 360 px every fee amount is on screen, on a service page and the result page (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    const offscreen = () =>
      page.evaluate(() =>
        [...document.querySelectorAll("table.fees td, table.fees th")]
          .map((cell) => ({ text: cell.innerText.trim(), rect: cell.getBoundingClientRect() }))
          .filter(({ text, rect }) => text && (rect.right > window.innerWidth + 0.5 || rect.left < 0))
          .map(({ text }) => text),
      );
    for (const service of ["work-visa-invitation", "business-single-invitation", "temporary-residence-permit"]) {
      await open(page, `service/${service}/`, { lang });
      expect(await page.locator("table.fees").count(), service).toBeGreaterThan(0);
      expect(await offscreen(), `${lang} ${service}`).toEqual([]);
    }
    await open(page, "share/?need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=1&member1=spouse&years=3&priority=yes", { lang });
    await page.locator("main button.primary").first().click();
    await open(page, "result/", { lang });
    await expect(page.locator("table.fees")).toHaveCount(1);
    expect(await offscreen(), `${lang} result`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
