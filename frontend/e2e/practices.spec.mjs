// The citizen's practices through the real Form.io form: fill, save a draft, resume it, upload a
// file, submit, download the receipt, find it in "Le mie pratiche" and on its own page.
import assert from "node:assert/strict";
import { test } from "node:test";

import { base, expectAccessible, login, openPage, screenshot } from "./harness.mjs";

const TENANT = "/bugliano/";
const SERVICE = "carta-identita-elettronica";
/** The smallest PDF a sniffer recognises: the identity card form takes PDF or JPEG reports. */
const REPORT_PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** The Form.io input of a component (Form.io names inputs `data[<key>]`). */
function field(page, key) {
  return page.locator(`.sportello-form [name="data[${key}]"]`);
}

/** Picks a radio option the way a person does: on its label (Bootstrap Italia draws the circle there). */
async function choose(page, label) {
  await page.locator(".sportello-form label", { hasText: label }).click();
}

async function waitForForm(page) {
  await field(page, "givenName").waitFor();
}

/**
 * Logs in as a demo citizen, fills the identity card form (reason "lost", so the report file is
 * asked for and uploaded), saves a draft, resumes it and submits it. Returns the practice's
 * number and its page's URL, for scenarios that go on (the office accepts it...).
 */
export async function submitPracticeAsCitizen(page, { username = "RSSMRA80A01H501U", check = async () => {} } = {}) {
  await login(page, TENANT, username, "cittadino");
  await page.goto(`${base}${TENANT}servizi/${SERVICE}/domanda`);
  await waitForForm(page);
  await field(page, "givenName").fill("Mario");
  await field(page, "familyName").fill("Rossi");
  await page.getByRole("button", { name: "Salva bozza" }).click();
  await page.getByText("Bozza salvata.").waitFor();

  // The draft is in the list; resuming it shows the saved data in the form.
  await page.getByRole("link", { name: "Le mie pratiche" }).first().click();
  await page.getByRole("link", { name: /Riprendi la bozza: Carta d'identità elettronica/ }).first().click();
  await waitForForm(page);
  assert.equal(await field(page, "givenName").inputValue(), "Mario");
  assert.equal(await field(page, "familyName").inputValue(), "Rossi");

  await field(page, "fiscalCode").fill("RSSMRA80A01H501U");
  await field(page, "email").fill("mario.rossi@example.org");
  await choose(page, "Smarrimento o furto");
  const chooser = page.waitForEvent("filechooser");
  await page.locator(".formio-component-report").getByRole("link", { name: /Sfoglia/ }).click();
  await (await chooser).setFiles({ name: "denuncia.pdf", mimeType: "application/pdf", buffer: REPORT_PDF });
  await page.locator(".sportello-form").getByText("denuncia.pdf").first().waitFor();
  await choose(page, "Non mi esprimo");
  await check(page);
  await page.getByLabel(/Dichiaro che quanto indicato/).check();
  await page.getByLabel(/Ho letto l'informativa/).check();
  await page.getByRole("button", { name: "Invia", exact: true }).click();
  const confirmation = page.getByTestId("practice-confirmation");
  await confirmation.waitFor();
  const number = (await confirmation.getByTestId("practice-number").innerText()).trim();
  assert.match(number, /^\d{4}\/\d{6}$/);
  return { number, url: page.url() };
}

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
    await login(page, TENANT, "BNCGLI85C55G702H", "cittadino");
    await page.goto(`${base}${TENANT}servizi/${SERVICE}/domanda`);
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
