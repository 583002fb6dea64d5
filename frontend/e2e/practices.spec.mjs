// The citizen's practices through the real Form.io form: fill, save a draft, resume it, upload a
// file, submit, download the receipt, find it in "Le mie pratiche" and on its own page.
import assert from "node:assert/strict";
import { test } from "node:test";

import { CITIZEN_APP, field, SERVICE, submitPracticeAsCitizen, waitForForm } from "./flows.mjs";
import { base, expectAccessible, graphql, login, openPage, screenshot, tokenFor } from "./harness.mjs";

test("a citizen fills the real form, saves, resumes, uploads, submits and follows the practice", async () => {
  const { page, close } = await openPage();
  try {
    const { number } = await submitPracticeAsCitizen(page, {
      check: async (current) => {
        await expectAccessible(current, "citizen-form");
        await screenshot(current, "citizen-form");
      },
    });

    // The receipt is a real PDF from the server.
    const receipt = page.getByTestId("practice-confirmation").getByRole("link", { name: /ricevuta/i });
    const href = await receipt.getAttribute("href");
    const response = await page.request.get(new URL(href, base).href);
    assert.equal(response.status(), 200);
    assert.match(response.headers()["content-type"], /application\/pdf/);
    assert.equal((await response.body()).subarray(0, 5).toString(), "%PDF-");

    // "Le mie pratiche" lists it; a filter narrows the list.
    await page.getByRole("link", { name: "Le mie pratiche" }).first().click();
    const row = page.getByTestId("practice-row").filter({ hasText: number });
    await row.waitFor();
    await expectAccessible(page, "citizen-practices");
    await screenshot(page, "citizen-practices");
    await page.getByLabel("Mostra").selectOption("draft");
    await row.waitFor({ state: "detached" });
    await page.getByLabel("Mostra").selectOption("sent");
    await page.getByTestId("practice-row").filter({ hasText: number }).getByRole("link").first().click();

    // Its page: number, status, read-only data, history, messages; the citizen writes.
    await page.getByTestId("practice-history").waitFor();
    assert.equal((await page.getByTestId("practice-facts").getByTestId("practice-number").innerText()).trim(), number);
    await page.locator(".sportello-form").getByText("Mario").first().waitFor();
    await page.getByLabel("Messaggio", { exact: true }).fill("Posso passare a ritirarla venerdì?");
    await page.getByRole("button", { name: "Invia messaggio" }).click();
    await page.getByTestId("practice-message").filter({ hasText: "venerdì" }).waitFor();
    await expectAccessible(page, "citizen-practice");
    await screenshot(page, "citizen-practice");
  } finally {
    await close();
  }
});

test("server field errors appear on the fields and in a summary with links", async () => {
  const { page, close } = await openPage();
  try {
    await login(page, CITIZEN_APP, "BNCGLI85C55G702H", "cittadino");
    await page.goto(`${base}${CITIZEN_APP}servizi/${SERVICE}/domanda`);
    await waitForForm(page);
    await field(page, "fiscalCode").fill("TOO-SHORT");
    await page.getByRole("button", { name: "Invia", exact: true }).click();
    const summary = page.getByTestId("form-problems");
    await summary.waitFor();
    const link = summary.getByRole("link", { name: /Codice fiscale/ }).first();
    const message = (await link.innerText()).trim();
    // The same message is shown on the field itself by the renderer...
    await page.locator(".formio-component-fiscalCode").getByText(message).first().waitFor();
    // ...and the summary's link takes the focus there.
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "data[fiscalCode]");
    await expectAccessible(page, "citizen-form-errors");
  } finally {
    await close();
  }
});

const GIULIA = ["BNCGLI85C55G702H", "cittadino"];

/** The first of Giulia's practices whose next steps include one of `actions`, through the API. */
async function practiceAllowing(...actions) {
  const token = await tokenFor("bugliano", ...GIULIA);
  const { practices } = await graphql(
    "bugliano",
    "{ practices(first: 100, sort: {field: NUMBER, descending: false}) { edges { node { id number status availableTransitions } } } }",
    {},
    token,
  );
  const found = practices.edges.map(({ node }) => node).find((node) => actions.some((action) => node.availableTransitions.includes(action)));
  assert.ok(found, `the demo gives Giulia a practice she may ${actions.join(" or ")}`);
  return found;
}

test("a citizen answers the office's request for more information", async () => {
  const practice = await practiceAllowing("START_INTEGRATION_ANSWER", "ANSWER_INTEGRATION");
  const { page, close } = await openPage();
  try {
    await login(page, CITIZEN_APP, ...GIULIA);
    await page.goto(`${base}${CITIZEN_APP}pratiche/${encodeURIComponent(practice.id)}`);
    await page.getByRole("heading", { name: "Rispondi alla richiesta di integrazione" }).waitFor();
    await expectAccessible(page, "citizen: answering a request for information");
    await page.getByLabel("Messaggio per l'ufficio (facoltativo)").fill("Allego quanto richiesto.");
    await page.getByRole("button", { name: "Invia la risposta" }).click();
    await page.getByText("Risposta inviata all'ufficio.").waitFor();
    await page.getByText("In lavorazione dopo l'integrazione", { exact: true }).first().waitFor();
    assert.equal(await page.getByRole("heading", { name: "Rispondi alla richiesta di integrazione" }).count(), 0);
    await expectAccessible(page, "citizen: request for information answered");
  } finally {
    await close();
  }
});

test("a citizen withdraws a practice after confirming, and can no longer withdraw it", async () => {
  const practice = await practiceAllowing("WITHDRAW");
  const { page, close } = await openPage();
  try {
    await login(page, CITIZEN_APP, ...GIULIA);
    await page.goto(`${base}${CITIZEN_APP}pratiche/${encodeURIComponent(practice.id)}`);
    await page.getByRole("button", { name: "Ritira la domanda" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText(`Vuoi davvero ritirare la pratica ${practice.number}?`, { exact: false }).waitFor();
    await expectAccessible(page, "citizen: withdraw dialog");
    await dialog.getByRole("button", { name: "Sì, ritira" }).click();
    await page.getByText("Domanda ritirata.").waitFor();
    await page.getByText("Ritirata", { exact: true }).first().waitFor();
    assert.equal(await page.getByRole("button", { name: "Ritira la domanda" }).count(), 0);
  } finally {
    await close();
  }
});
