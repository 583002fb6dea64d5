// The identity card form in the citizen's language: German and English labels from the form's
// own translations, Form.io's texts in the language (no raw key such as `dropFilesToAttach`), the
// server's refusal naming fields by their translated label; in Italian no English word is left.
import assert from "node:assert/strict";
import { test } from "node:test";

import { CITIZEN_APP, SERVICE, TENANT, choose, deleteOpenDraft, waitForForm } from "./flows.mjs";
import { base, expectAccessible, login, openPage, screenshot, tokenFor } from "./harness.mjs";

const CITIZEN = ["RSSMRA80A01H501U", "cittadino"];
const RAW_KEY = /\b[a-z]+[A-Z][a-zA-Z]+\b/;
const ENGLISH_WORDS = ["Remove", "remaining", "Row", "Bytes", "Browse", "Drop", "File Name", "Size", "required"];
const REPORT_PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** What a person reads or hears of the form: its visible text, hidden texts for screen readers and accessible names. */
function formText(page) {
  return page.evaluate(() => {
    const form = document.querySelector(".sportello-form");
    const heard = (node) => !node.closest("[aria-hidden=true]");
    const hidden = [...form.querySelectorAll(".visually-hidden, .sr-only")].filter(heard).map((node) => node.textContent);
    const names = [...form.querySelectorAll("[aria-label], [title]")].map((node) => `${node.getAttribute("aria-label") ?? ""} ${node.getAttribute("title") ?? ""}`);
    return [form.innerText, ...hidden, ...names].join("\n");
  });
}

/** Opens the identity card form afresh (no draft left by an earlier scenario) in the browser's language. */
async function openForm(locale) {
  await deleteOpenDraft(await tokenFor(TENANT, ...CITIZEN), SERVICE);
  const opened = await openPage({ locale });
  await login(opened.page, CITIZEN_APP, ...CITIZEN);
  await opened.page.goto(`${base}${CITIZEN_APP}servizi/${SERVICE}/domanda`);
  await waitForForm(opened.page);
  return opened;
}

/** Sends the form with the reason and the declarations left out; returns the problems listed above it. */
async function refusedSubmission(page, submit) {
  await page.getByRole("button", { name: submit, exact: true }).click();
  const problems = page.getByTestId("form-problems");
  await problems.waitFor();
  return problems.innerText();
}

test("the identity card form in German", async () => {
  const { page, close } = await openForm("de-DE");
  for (const label of ["Vorname", "Nachname", "Grund des Antrags", "Zustimmung zur Organspende", "Ich äußere mich nicht"]) {
    await page.locator(".sportello-form label", { hasText: label }).first().waitFor();
  }
  await choose(page, "Verlust oder Diebstahl");
  const report = page.locator(".formio-component-report");
  await report.locator("label", { hasText: "Verlust- oder Diebstahlsanzeige" }).waitFor();
  await report.getByText("Ziehen Sie Dateien hierher oder").waitFor();
  const text = await formText(page);
  assert.doesNotMatch(text, RAW_KEY, "a raw key of Form.io's messages is shown");
  assert.match(text, /Zulässige Dateitypen: PDF, JPEG/);
  assert.doesNotMatch(text, /application\/pdf/);

  const problems = await refusedSubmission(page, "Absenden");
  assert.match(problems, /„Zustimmung zur Organspende“ ist ein Pflichtfeld\./);
  assert.match(problems, /„Verlust- oder Diebstahlsanzeige“ ist ein Pflichtfeld\./);
  assert.doesNotMatch(problems, RAW_KEY);
  assert.doesNotMatch(await formText(page), RAW_KEY);
  await expectAccessible(page, "identity card form in German, refused");
  await screenshot(page, "form-de");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, "identity card form in German, phone");
  await screenshot(page, "form-de-phone");
  await close();
});

test("the identity card form in English", async () => {
  const { page, close } = await openForm("en-GB");
  for (const label of ["Given name", "Surname", "Reason for the application", "Consent to organ donation", "I prefer not to say"]) {
    await page.locator(".sportello-form label", { hasText: label }).first().waitFor();
  }
  await choose(page, "Loss or theft");
  await page.locator(".formio-component-report").getByText("Drag files here or").waitFor();
  const text = await formText(page);
  assert.doesNotMatch(text, RAW_KEY);
  for (const italian of ["Motivo della richiesta", "Smarrimento", "Trascina", "Cognome"]) assert.ok(!text.includes(italian), `Italian left: ${italian}`);

  const problems = await refusedSubmission(page, "Submit");
  assert.match(problems, /“Consent to organ donation” is required\./);
  assert.match(problems, /“Report of loss or theft” is required\./);
  await expectAccessible(page, "identity card form in English, refused");
  await close();
});

test("the identity card form in Italian has no English word", async () => {
  const { page, close } = await openForm("it-IT");
  await choose(page, "Smarrimento o furto");
  const report = page.locator(".formio-component-report");
  const chooser = page.waitForEvent("filechooser");
  await report.getByRole("link", { name: /Sfoglia/ }).click();
  await (await chooser).setFiles({ name: "denuncia.pdf", mimeType: "application/pdf", buffer: REPORT_PDF });
  await report.getByText("denuncia.pdf").first().waitFor();
  // The size as Italian writes it ("48 byte"), not Form.io's "48.00 Bytes".
  await report.getByText(/^\d+ byte$/).waitFor();

  const problems = await refusedSubmission(page, "Invia");
  assert.match(problems, /«Consenso alla donazione degli organi» è obbligatorio\./);
  const text = `${await formText(page)}\n${problems}`;
  for (const word of ENGLISH_WORDS) assert.ok(!text.includes(word), `English left in the Italian form: ${word}`);
  assert.doesNotMatch(text, RAW_KEY);
  await expectAccessible(page, "identity card form in Italian, refused");
  await close();
});
