// The catalogue: all 23 services by section, search in either language, a page per service that
// opens directly, anomalies shown as unconfirmed rather than guessed.
import { test, expect, expectAccessible, open, openMissing, switchLanguage } from "../fixtures.js";

const IDS = [
  "work-visa-invitation", "work-visa-in-kz", "work-visa-extension", "investor-a5-invitation", "investor-a5-in-kz",
  "investor-a6-invitation", "investor-a6-extension", "residence-permit", "temporary-residence-permit",
  "business-single-invitation", "business-single-extension", "business-multi-invitation", "business-multi-in-kz",
  "business-multi-extension", "visa-cancellation-departed", "visa-cancellation-exit-visa", "qualification-review",
  "arrival-notification", "iin", "tax-residency-certificate", "tax-residency-certificate-itrp", "digital-signature",
  "fingerprinting",
];

test("the catalogue lists all 23 services in the guide's 9 sections", async ({ page }) => {
  await open(page, "services/");
  await expect(page.locator("main h2")).toHaveCount(9);
  await expect(page.locator(".service-list li")).toHaveCount(23);
  for (const id of IDS) await expect(page.locator(`a[href="/en/service/${id}/"]`)).toHaveCount(1);
  await expectAccessible(page);
});

test("search reads both languages and Cyrillic look-alikes of visa codes", async ({ page }) => {
  await open(page, "services/");
  const search = page.getByRole("searchbox", { name: "Search the services" });
  await search.fill("ЖСН");
  await expect(page.locator(".service-list li")).toHaveCount(1);
  await expect(page.locator(".service-list")).toContainText("Individual Identification Number");
  await search.fill("А6"); // Cyrillic А
  await expect(page.locator('a[href="/en/service/investor-a6-invitation/"]')).toBeVisible();
  await search.fill("nothing like this");
  await expect(page.locator(".service-list li")).toHaveCount(0);
  await expect(page.getByText("0 services found")).toBeVisible();
  await search.fill("");
  await expect(page.locator(".service-list li")).toHaveCount(23);
});

for (const id of IDS) {
  test(`service page ${id} opens directly, in English and Kazakh, axe clean`, async ({ page }) => {
    await open(page, `service/${id}/`);
    await expect(page.getByRole("heading", { level: 2, name: "Required documents" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Fees" })).toBeVisible();
    await expect(page.locator(".source")).toContainText("Source: the Expat Centre's guide, lines");
    await expectAccessible(page);
    await switchLanguage(page, "kk");
    await expect(page.getByRole("heading", { level: 2, name: "Қажетті құжаттар" })).toBeVisible();
    await expect(page.locator(".source")).toContainText("Дереккөз");
    await expectAccessible(page);
  });
}

test("the single-entry business invitation fee is shown as unconfirmed with what the guide prints", async ({ page }) => {
  await open(page, "service/business-single-invitation/");
  const fees = page.locator("section", { has: page.getByRole("heading", { name: "Fees", exact: true }) });
  await expect(fees.locator(".tag.unconfirmed").first()).toBeVisible();
  await expect(fees).toContainText("00 000 KZT");
  await expect(fees).toContainText("40 000 ₸");
  await expect(fees).toContainText("170 000 ₸");
  await expect(fees).toContainText("0.5 MRP = 2 162.50 ₸");
});

test("an extension says the guide gives no fee table, and what it does say", async ({ page }) => {
  await open(page, "service/work-visa-extension/");
  await expect(page.locator("main")).toContainText("not given in the guide");
  await expect(page.locator("main")).toContainText("30");
  await expect(page.locator("main")).toContainText("5 working days");
});

test("the work visa invitation's fee table matches the guide, per visa length", async ({ page }) => {
  await open(page, "service/work-visa-invitation/");
  const table = page.locator("table").first();
  for (const amount of ["370 000 ₸", "460 000 ₸", "550 000 ₸", "640 000 ₸", "730 000 ₸", "150 000 ₸", "2 162.50 ₸"])
    await expect(table).toContainText(amount);
  await expect(page.locator("main")).toContainText("5 working days");
  await expect(page.locator("main")).toContainText("may be extended by up to 30 calendar days");
});

test("an unknown service id is a not-found page, not a crash", async ({ page }) => {
  await openMissing(page, "service/no-such-service/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});
