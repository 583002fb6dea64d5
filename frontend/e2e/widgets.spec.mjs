// The embeddable widgets on the municipality's own website, a page of another origin: the
// catalogue, one service card and the appointment booker (in shadow DOM), reading the API by
// persisted hash over GET once the tenant allows the site's origin.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { base, expectAccessible, graphql, openPage, screenshot, tokenFor } from "./harness.mjs";
import { startHost } from "./host/server.mjs";

let host;
let token;
/** The tenant's allowed origins before these scenarios, put back after them. */
let originsBefore;

before(async () => {
  host = await startHost(base);
  token = await tokenFor("bugliano", "admin", "admin");
  originsBefore = (await graphql("bugliano", "{ tenant { allowedOrigins } }", {}, token)).tenant.allowedOrigins ?? [];
});

after(async () => {
  if (originsBefore) await allowOrigins(originsBefore);
  await host?.stop();
});

async function allowOrigins(origins) {
  const data = await graphql(
    "bugliano",
    "mutation($input: UpdateTenantInput!) { updateTenant(input: $input) { tenant { allowedOrigins } errors { field code message } } }",
    { input: { allowedOrigins: origins } },
    token,
  );
  assert.deepEqual(data.updateTenant.errors, []);
}

/** Every GraphQL request a page makes, to check how the widgets ask. */
function recordGraphQL(page) {
  const requests = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.endsWith("/graphql")) requests.push(request);
  });
  return requests;
}

test("a site the municipality has not allowed gets no data, and the widgets say so", async () => {
  await allowOrigins([]);
  const { page, close } = await openPage({ allowOrigins: [host.origin] });
  await page.goto(host.origin);
  await page.getByRole("alert").first().waitFor();
  assert.match(await page.getByRole("alert").first().innerText(), /non è raggiungibile/);
  await close();
});

test("the widgets render the catalogue, a card and the free slots on the municipality's site", async () => {
  await allowOrigins([host.origin]);
  const { page, close } = await openPage({ allowOrigins: [host.origin] });
  const requests = recordGraphQL(page);
  await page.goto(host.origin);

  // The catalogue: six cards a page, linking to the citizen area, a search and a pager.
  const catalogue = page.locator("sportello-services");
  await catalogue.getByRole("heading", { level: 2, name: "Servizi online" }).waitFor();
  await catalogue.getByRole("status").filter({ hasText: "servizi trovati" }).waitFor();
  assert.match(await catalogue.getByRole("status").innerText(), /^13 servizi trovati · Pagina 1 di 3$/);
  assert.equal(await catalogue.getByRole("heading", { level: 3 }).count(), 6);
  const first = catalogue.getByRole("heading", { level: 3 }).first().getByRole("link");
  assert.match(await first.getAttribute("href"), new RegExp(`^${base}/bugliano/servizi/[a-z-]+$`));

  await catalogue.getByRole("button", { name: "Pagina successiva" }).click();
  await catalogue.getByRole("status").filter({ hasText: "Pagina 2 di 3" }).waitFor();

  await catalogue.getByRole("searchbox", { name: "Cerca un servizio" }).fill("carta identita");
  await catalogue.getByRole("button", { name: "Cerca" }).click();
  await catalogue.getByRole("link", { name: "Carta d'identità elettronica" }).waitFor();

  await catalogue.getByRole("searchbox", { name: "Cerca un servizio" }).fill("");
  await catalogue.getByRole("combobox", { name: "Categoria" }).selectOption({ label: "Tributi" });
  await catalogue.getByRole("link", { name: /TARI/ }).waitFor();

  // One service's card, its title at the level the host asked for.
  const card = page.locator("sportello-service-card");
  const cardLink = card.getByRole("heading", { level: 3 }).getByRole("link", { name: "Carta d'identità elettronica" });
  await cardLink.waitFor();
  assert.equal(await cardLink.getAttribute("href"), `${base}/bugliano/servizi/carta-identita-elettronica`);

  // The booker, in a shadow root with the tenant's stylesheet, offering the citizen area's flow.
  const booking = page.locator("sportello-booking");
  await booking.getByRole("heading", { level: 2, name: /^Prenota un appuntamento: Carta d'identità elettronica$/ }).waitFor();
  const shadow = await booking.evaluate((element) => ({
    stylesheet: element.shadowRoot?.querySelector("link[rel=stylesheet]")?.getAttribute("href"),
    lightChildren: element.querySelectorAll(".sportello-widget").length,
  }));
  assert.deepEqual(shadow, { stylesheet: `${base}/bugliano/theme.css`, lightChildren: 0 });
  const radio = booking.getByRole("radio").first();
  await radio.waitFor();
  // Bootstrap Italia's own rules reach inside the shadow root: its radios are drawn by the label.
  assert.equal(await radio.evaluate((input) => getComputedStyle(input).position), "absolute");
  const chosen = page.evaluate(
    () => new Promise((resolve) => document.addEventListener("sportello:select", (event) => {
      event.preventDefault();
      resolve(event.detail.href);
    }, { once: true })),
  );
  // Bootstrap Italia draws the radio with its label, which is what a user clicks.
  await booking.locator(`label[for="${await radio.getAttribute("id")}"]`).click();
  assert.equal(await radio.isChecked(), true);
  const book = booking.getByRole("link", { name: "Prenota questo orario" });
  const href = await book.getAttribute("href");
  assert.match(href, new RegExp(`^${base}/bugliano/appuntamenti/prenota\\?servizio=[^&]+&calendario=[^&]+&inizio=`));
  await book.click();
  assert.equal(await chosen, href);
  assert.equal(new URL(page.url()).origin, host.origin, "the host cancelled the navigation");

  // Public reads go by persisted hash over GET, never with the query text (cacheable).
  assert.ok(requests.length >= 5);
  for (const request of requests) {
    const url = new URL(request.url());
    assert.equal(request.method(), "GET");
    assert.equal(url.searchParams.get("query"), null, url.href);
    assert.match(JSON.parse(url.searchParams.get("extensions")).persistedQuery.sha256Hash, /^sha256:[0-9a-f]{64}$/);
  }

  await expectAccessible(page, "widgets on a host page");
  await screenshot(page, "widget-host");
  await close();
});
