// Like a Comune's site (issue 12): the Designers Italia "Comuni" model citizens know. The header
// names the parent institution and searches the catalogue, every page has its breadcrumb from
// "Home" and the question on how clear it was, the footer the municipality's links; a service page
// says whom it is for; after logging in the citizen lands on the desk ("Scrivania"), which puts
// first what waits for them.
import assert from "node:assert/strict";
import { test } from "node:test";

import { base, expectAccessible, graphql, login, openPage, screenshot, tokenFor } from "./harness.mjs";
import { CITIZEN_APP, OPERATOR, TENANT } from "./flows.mjs";

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const SITE = "https://www.comune.bugliano.pi.it";
const SERVICE = "carta-identita-elettronica";
const MARIO = ["RSSMRA80A01H501U", "cittadino"];
const ADMIN = ["admin", "admin"];

/** The footer's link named `name` and where it leads. */
async function footerLink(page, name) {
  const link = page.getByTestId("footer").getByRole("link", { name, exact: true });
  return link.getAttribute("href");
}

test("the header names the parent institution and searches the catalogue; the footer has the municipality's links", async () => {
  const { page, close } = await openPage();
  try {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${base}${CITIZEN_APP}`);
    const parent = page.getByTestId("parent-institution");
    assert.equal(await parent.innerText(), "Regione Toscana");
    assert.equal(await parent.getAttribute("href"), "https://www.regione.toscana.it");

    const footer = page.getByTestId("footer");
    await footer.getByText("Codice fiscale e partita IVA: 00231480500").waitFor();
    await footer.getByText("Piazza del Municipio 1, 56030 Bugliano (PI)").waitFor();
    const expected = {
      "Amministrazione trasparente": `${SITE}/amministrazione-trasparente`,
      "Segnala un disservizio": `${SITE}/segnala-disservizio`,
      "Informativa privacy": `${SITE}/informativa-privacy`,
      "Note legali": `${SITE}/note-legali`,
      "Cookie policy": `${SITE}/cookie-policy`,
      "Mappa del sito": `${SITE}/mappa-del-sito`,
      "Sito istituzionale": SITE,
      "Dichiarazione di accessibilità": `${CITIZEN_APP}accessibilita`,
    };
    for (const [name, href] of Object.entries(expected)) assert.equal(await footerLink(page, name), href, name);
    assert.equal(await footerLink(page, "urp@comune.bugliano.pi.it"), "mailto:urp@comune.bugliano.pi.it");
    await expectAccessible(page, "citizen home with the Comuni header and footer, 1366 px");
    await screenshot(page, "comune-home");

    // The header's search leads to the catalogue's results.
    const search = page.getByRole("search", { name: "Ricerca nel sito" });
    await search.getByLabel("Cerca nel sito").fill("residenza");
    await search.getByRole("button", { name: "Cerca" }).click();
    await page.waitForURL(/\/bugliano\/?\?q=residenza$/);
    await page.getByRole("link", { name: "Cambio di residenza" }).first().waitFor();
    assert.equal(await page.getByLabel("Cerca un servizio").inputValue(), "residenza");

    // On a phone only the round button shows: it opens the catalogue with the focus in its field.
    await page.setViewportSize(PHONE);
    await page.goto(`${base}${CITIZEN_APP}servizi/${SERVICE}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    assert.equal(await search.getByLabel("Cerca nel sito").isVisible(), false);
    await search.getByRole("button", { name: "Cerca" }).click();
    await page.waitForURL(/\/bugliano\/?$/);
    await page.waitForFunction(() => document.activeElement?.id === "catalogue-q");
    await expectAccessible(page, "citizen home with the Comuni header and footer, 390 px");

    // A municipality without a site map has no such link.
    await page.goto(`${base}/valdifiori/`);
    await page.getByTestId("footer").getByRole("link", { name: "Informativa privacy" }).waitFor();
    assert.equal(await page.getByTestId("footer").getByRole("link", { name: "Mappa del sito" }).count(), 0);
    assert.equal(await page.getByTestId("parent-institution").count(), 1);
  } finally {
    await close();
  }
});

test("a service page has its breadcrumb from Home and says whom the service is for, in every language", async () => {
  const { page, close } = await openPage();
  try {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${base}${CITIZEN_APP}servizi/${SERVICE}`);
    await page.getByRole("heading", { level: 1, name: "Carta d'identità elettronica" }).waitFor();
    const breadcrumb = page.getByRole("navigation", { name: "Percorso di navigazione" });
    await breadcrumb.getByRole("link", { name: "Servizi" }).waitFor();
    const links = breadcrumb.getByRole("link");
    assert.deepEqual(await links.allInnerTexts(), ["Home", "Servizi", "Documenti d'identità"]);
    assert.equal(await links.first().getAttribute("href"), SITE);
    const current = breadcrumb.locator("[aria-current=page]");
    assert.equal((await current.innerText()).trim(), "Carta d'identità elettronica");

    await page.getByRole("heading", { level: 2, name: "A chi è rivolto", exact: true }).waitFor();
    await page.getByText("Ai residenti a Bugliano di ogni età", { exact: false }).waitFor();
    assert.ok(
      (await page.getByTestId("service-index").getByRole("link").allInnerTexts()).includes("A chi è rivolto"),
      "the page index lists the section",
    );
    await expectAccessible(page, "service page with breadcrumb and audience, 1366 px");
    await page.setViewportSize(PHONE);
    await expectAccessible(page, "service page with breadcrumb and audience, 390 px");

    // In English the breadcrumb and the section speak English, and so does the municipality's text.
    await page.setViewportSize(DESKTOP);
    await page.selectOption("#ui-language", "en");
    const english = page.getByRole("navigation", { name: "Breadcrumb" });
    await english.getByRole("link", { name: "Services" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Who it is for", exact: true }).waitFor();
    await page.getByText("Residents of Bugliano of any age", { exact: false }).waitFor();
    await page.getByRole("heading", { name: "How clear is the information on this page?" }).waitFor();
    await expectAccessible(page, "service page in English");
    await page.selectOption("#ui-language", "de");
    await page.getByRole("navigation", { name: "Navigationspfad" }).getByRole("link", { name: "Startseite" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Für wen", exact: true }).waitFor();
    await expectAccessible(page, "service page in German");
    await page.selectOption("#ui-language", "it");
  } finally {
    await close();
  }
});

/** The counts of one page's ratings, as the municipality's administrator reads them. */
async function ratingsOf(path) {
  const token = await tokenFor(TENANT, ...ADMIN);
  const { pageRatings } = await graphql(
    TENANT,
    "{ pageRatings(first: 100) { edges { node { path count average stars { stars count } answers { answer count } comments { stars answer comment } } } } }",
    {},
    token,
  );
  return pageRatings.edges.map(({ node }) => node).find((node) => node.path === path) ?? null;
}

test("a visitor rates how clear a page is, and the administrator reads it back", async () => {
  const path = `/servizi/${SERVICE}`;
  const before = await ratingsOf(path);
  const comment = `Non capivo quali documenti portare (${Date.now()})`;
  const { page, close } = await openPage();
  try {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${base}${CITIZEN_APP}servizi/${SERVICE}`);
    const rating = page.getByTestId("page-rating");
    await rating.getByRole("heading", { name: "Quanto sono chiare le informazioni su questa pagina?" }).waitFor();
    // The stars are radio buttons: one is chosen on its label, the next with the arrow key.
    await rating.locator("label", { hasText: "Valuta 1 stella su 5" }).click();
    await page.keyboard.press("ArrowRight");
    assert.equal(await rating.getByRole("radio", { name: "Valuta 2 stelle su 5" }).isChecked(), true);
    const question = rating.getByRole("group", { name: "Dove hai incontrato le maggiori difficoltà?" });
    await question.waitFor();
    await question.locator("label", { hasText: "A volte le indicazioni non erano complete" }).click();
    await rating.getByLabel("Vuoi aggiungere altri dettagli?").fill(comment);
    await expectAccessible(page, "page rating, follow-up question open");
    await page.setViewportSize(PHONE);
    await expectAccessible(page, "page rating on a phone");
    await rating.getByRole("button", { name: "Invia la valutazione" }).click();
    await rating.getByText("Grazie, il tuo parere ci aiuterà a migliorare il servizio!").waitFor();
  } finally {
    await close();
  }
  const after = await ratingsOf(path);
  assert.equal(after.count, (before?.count ?? 0) + 1);
  const twoStars = (node) => node?.stars.find((entry) => entry.stars === 2)?.count ?? 0;
  assert.equal(twoStars(after), twoStars(before) + 1);
  assert.deepEqual(after.comments[0], { stars: 2, answer: "INCOMPLETE", comment });
});

/**
 * One of Mario's practices the office has asked more information for: the demo gives him one; on
 * a server that scenarios already used, the office asks again on one he has sent.
 */
async function practiceWaitingForMario() {
  const mario = await tokenFor(TENANT, ...MARIO);
  const { practices } = await graphql(
    TENANT,
    "{ practices(first: 100, filter: {mine: true}) { edges { node { id status service { name } } } } }",
    {},
    mario,
  );
  const mine = practices.edges.map(({ node }) => node);
  const waiting = mine.find((practice) => practice.status === "REQUEST_INTEGRATION");
  if (waiting) return waiting;
  const operator = await tokenFor(TENANT, ...OPERATOR);
  for (const practice of mine.filter((candidate) => candidate.status === "SUBMITTED")) {
    const step = (name, type, input) =>
      graphql(TENANT, `mutation($input: ${type}!) { ${name}(input: $input) { errors { code } } }`, { input }, operator);
    const taken = await step("takePracticeInCharge", "PracticeStepInput", { id: practice.id });
    if (taken.takePracticeInCharge.errors.length) continue;
    const asked = await step("requestPracticeIntegration", "RequestPracticeIntegrationInput", {
      id: practice.id,
      message: "Serve una copia del documento d'identità.",
    });
    if (!asked.requestPracticeIntegration.errors.length) return practice;
  }
  assert.fail("no practice of Mario's waits for more information, and none could be made to");
}

test("after logging in the citizen lands on the desk, which shows first what waits for them", async () => {
  const waiting = await practiceWaitingForMario();
  const { page, close } = await openPage();
  try {
    await page.setViewportSize(DESKTOP);
    await login(page, CITIZEN_APP, ...MARIO);
    await page.waitForURL(/\/bugliano\/scrivania$/);
    await page.getByRole("heading", { level: 1, name: "Scrivania" }).waitFor();
    const items = page.getByTestId("waiting-item");
    await items.first().waitFor();
    assert.deepEqual(await page.locator("main").getByRole("heading", { level: 2 }).allInnerTexts(), [
      "Ti aspettano",
      "Le tue pratiche più recenti",
      "Prossimi appuntamenti",
      "Prenotazioni di sale e spazi",
    ]);
    assert.equal(await items.first().getAttribute("data-kind"), "integration");
    const asked = items.filter({ hasText: `L'ufficio ti chiede altre informazioni per «${waiting.service.name}»` });
    assert.equal(await asked.count(), 1);
    // The menu has the desk, and the breadcrumb starts from the municipality's site.
    await page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Scrivania" }).waitFor();
    assert.deepEqual(await page.getByRole("navigation", { name: "Percorso di navigazione" }).getByRole("link").allInnerTexts(), ["Home"]);
    await expectAccessible(page, "citizen desk, 1366 px");
    await screenshot(page, "dashboard");
    await page.setViewportSize(PHONE);
    await expectAccessible(page, "citizen desk, 390 px");
    await page.setViewportSize(DESKTOP);

    // Its link leads to the practice, where the answer is given.
    await asked.getByRole("link").click();
    await page.waitForURL((url) => url.pathname.endsWith(`/pratiche/${encodeURIComponent(waiting.id)}`));
    await page.getByRole("heading", { name: "Rispondi alla richiesta di integrazione" }).waitFor();
    const trail = page.getByRole("navigation", { name: "Percorso di navigazione" });
    await trail.getByRole("link", { name: "Le mie pratiche" }).waitFor();
    assert.deepEqual(await trail.getByRole("link").allInnerTexts(), ["Home", "Scrivania", "Le mie pratiche"]);

    // In English and German the desk speaks the reader's language.
    await page.goto(`${base}${CITIZEN_APP}scrivania`);
    await page.selectOption("#ui-language", "en");
    await page.getByRole("heading", { level: 1, name: "My desk" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Waiting for you" }).waitFor();
    await expectAccessible(page, "citizen desk in English");
    await page.selectOption("#ui-language", "de");
    await page.getByRole("heading", { level: 2, name: "Wartet auf Sie" }).waitFor();
    await expectAccessible(page, "citizen desk in German");
    await page.selectOption("#ui-language", "it");
  } finally {
    await close();
  }
});
