// The public catalogue: an anonymous visitor browses, filters, searches and pages the services,
// reads a service page with its sections and calls to action, and switches language.
import assert from "node:assert/strict";
import { test } from "node:test";

import { base, expectAccessible, openPage, screenshot } from "./harness.mjs";

/** The GraphQL requests of the catalogue's own operations, as the browser sent them. */
function watchCatalogueRequests(page) {
  const seen = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!url.pathname.endsWith("/graphql")) return;
    const operation = url.searchParams.get("operationName") ?? request.postDataJSON?.()?.operationName ?? "";
    if (operation.startsWith("Catalogue")) seen.push({ operation, method: request.method(), url });
  });
  return seen;
}

const cards = (page) => page.getByTestId("service-card");
const count = (page) => page.getByTestId("result-count");

test("a visitor browses by category, searches, pages, and the back button retraces the search", async () => {
  const { page, close } = await openPage();
  const requests = watchCatalogueRequests(page);
  await page.goto(`${base}/bugliano/`);
  await page.getByRole("heading", { level: 1, name: "Servizi" }).waitFor();
  await count(page).filter({ hasText: /^\d+ servizi trovati$/ }).waitFor();
  const total = Number((await count(page).innerText()).split(" ")[0]);
  assert.ok(total > 12, `the demo has more services than a page holds (${total})`);
  assert.equal(await cards(page).count(), 12);
  await expectAccessible(page, "citizen catalogue");
  await screenshot(page, "citizen-catalogue");

  // the next page and back again, through links that the URL keeps
  await page.getByRole("link", { name: "Pagina successiva" }).click();
  await page.waitForURL(/\?dopo=/);
  await page.waitForFunction(
    (rest) => document.querySelectorAll("[data-testid=service-card]").length === rest,
    total - 12,
  );
  await page.getByRole("link", { name: "Pagina precedente" }).click();
  await page.waitForURL(/\?prima=/);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=service-card]").length === 12);

  // a category narrows the list to its services
  const categories = page.getByRole("navigation", { name: "Esplora per categoria" });
  await categories.getByRole("link", { name: "Tributi" }).click();
  await page.waitForURL(/\?categoria=tributi$/);
  await page.getByRole("heading", { level: 2, name: "Tributi" }).waitFor();
  await count(page).filter({ hasText: "1 servizio trovato" }).waitFor();
  assert.deepEqual(await cards(page).getByRole("heading").allInnerTexts(), ["Riduzione della TARI"]);
  await expectAccessible(page, "citizen catalogue, one category");

  // words searched inside the category: none there; across all categories, the services about them
  await page.getByLabel("Cerca un servizio").fill("residenza");
  // the catalogue's own search (the header has one too)
  await page.getByRole("search", { name: "Cerca nel catalogo dei servizi" }).getByRole("button", { name: "Cerca" }).click();
  await page.waitForURL(/\?q=residenza&categoria=tributi$/);
  await count(page).filter({ hasText: "Nessun servizio trovato" }).waitFor();
  await categories.getByRole("link", { name: "Tutte le categorie" }).click();
  await page.waitForURL(/\?q=residenza$/);
  await count(page).filter({ hasText: /trovat/ }).filter({ hasNotText: "Nessun" }).waitFor();
  const found = await cards(page).getByRole("heading").allInnerTexts();
  assert.ok(found.includes("Cambio di residenza"), found.join(", "));
  assert.ok(!found.includes("Riduzione della TARI"), found.join(", "));
  await expectAccessible(page, "citizen catalogue, search results");

  // the back button returns to the previous search, field included
  await page.goBack();
  await page.waitForURL(/\?q=residenza&categoria=tributi$/);
  await count(page).filter({ hasText: "Nessun servizio trovato" }).waitFor();
  assert.equal(await page.getByLabel("Cerca un servizio").inputValue(), "residenza");

  // public reads go out as cacheable GETs naming a persisted document by its hash
  const operations = new Set(requests.map((request) => request.operation));
  assert.ok(operations.has("CatalogueServices") && operations.has("CatalogueCategories"), [...operations].join());
  for (const { operation, method, url } of requests) {
    assert.equal(method, "GET", `${operation} was sent with ${method}`);
    assert.match(url.searchParams.get("extensions") ?? "", /"sha256Hash":"sha256:[0-9a-f]{64}"/, operation);
    assert.equal(url.searchParams.get("query"), null, `${operation} carried its whole text`);
  }
  await close();
});

test("a service page shows its sections and calls to action, in the language chosen", async () => {
  const { page, close } = await openPage();
  const requests = watchCatalogueRequests(page);
  await page.goto(`${base}/bugliano/?q=residenza`);
  await cards(page).getByRole("link", { name: "Cambio di residenza" }).click();
  await page.waitForURL(/\/bugliano\/servizi\/cambio-residenza$/);
  await page.getByRole("heading", { level: 1, name: "Cambio di residenza" }).waitFor();
  const breadcrumb = page.getByRole("navigation", { name: "Percorso di navigazione" });
  await breadcrumb.getByRole("link", { name: "Anagrafe e stato civile" }).waitFor();
  assert.deepEqual(await breadcrumb.getByRole("link").allInnerTexts(), ["Home", "Servizi", "Anagrafe e stato civile"]);
  const index = await page.getByTestId("service-index").getByRole("link").allInnerTexts();
  for (const section of ["Cos'è", "Come fare", "Cosa serve", "Quanto costa", "Accedi al servizio", "Dove rivolgersi"]) {
    assert.ok(index.includes(section), `the index lists ${section}: ${index.join(", ")}`);
    await page.getByRole("heading", { level: 2, name: section, exact: true }).waitFor();
  }
  await page.getByText("SPID di livello 2 o superiore, oppure CIE").waitFor();
  await page.getByText("lunedì–venerdì, 08:30–12:30").waitFor();
  const apply = page.getByRole("link", { name: "Presenta la domanda online" });
  assert.match(await apply.getAttribute("href"), /\/bugliano\/servizi\/cambio-residenza\/domanda$/);
  // the residence change is booked on the registry desk's calendar, which has free slots
  const book = page.getByRole("link", { name: "Prenota un appuntamento" });
  await book.waitFor();
  assert.match(await book.getAttribute("href"), /\/bugliano\/appuntamenti\/prenota\?servizio=[\w%-]+$/);
  await expectAccessible(page, "citizen service page");
  await screenshot(page, "citizen-service");

  // English: the interface and the service's own texts
  await page.selectOption("#ui-language", "en");
  await page.getByRole("heading", { level: 1, name: "Change of residence" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "What it is" }).waitFor();
  await page.getByRole("link", { name: "Apply online" }).waitFor();
  await page.getByText("Monday–Friday, 08:30–12:30").waitFor();
  await expectAccessible(page, "citizen service page in English");

  // German: the interface changes; Bugliano writes its services in Italian and English only, so
  // the server falls back to the municipality's language for the service's texts
  await page.selectOption("#ui-language", "de");
  await page.getByRole("heading", { level: 2, name: "Worum es geht" }).waitFor();
  await page.getByRole("heading", { level: 1, name: "Cambio di residenza" }).waitFor();
  await page.getByRole("link", { name: "Antrag online stellen" }).waitFor();

  // the choice survives a reload, and the catalogue follows it
  await page.reload();
  await page.getByRole("heading", { level: 2, name: "Worum es geht" }).waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "de");
  await page.getByRole("navigation", { name: "Navigationspfad" }).getByRole("link", { name: "Dienste" }).click();
  await page.getByRole("heading", { level: 1, name: "Dienste" }).waitFor();
  await count(page).filter({ hasText: /Dienste gefunden$/ }).waitFor();
  await expectAccessible(page, "citizen catalogue in German");

  for (const { operation, method } of requests) assert.equal(method, "GET", `${operation} was sent with ${method}`);
  assert.ok(requests.some((request) => request.operation === "CatalogueService"));
  assert.ok(requests.some((request) => request.operation === "CatalogueServiceSlots"));
  await close();
});
