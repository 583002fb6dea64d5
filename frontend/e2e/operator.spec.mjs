// The operators' app: the work queue (filters, sorts, pages), a practice taken in charge, noted
// internally and accepted, a practice given to a colleague of the office (and hidden from another office),
// and a pending booking of the moderated tax desk approved in its office's agenda.
import assert from "node:assert/strict";
import { test } from "node:test";

import { calendarBySlug, COLLEAGUE, freeSlotsAhead, OPERATOR, openAsOperator, queueLoaded, romeDay, TAX_OPERATOR, TENANT } from "./flows.mjs";
import { expectAccessible, graphql, networkQuiet, openPage, screenshot, tokenFor } from "./harness.mjs";

/** The numbers of the practices in the queue's rows, top to bottom. */
async function rowNumbers(page) {
  await page.getByTestId("queue-table").waitFor();
  return page.getByTestId("queue-row").locator("th a").allInnerTexts();
}

test("an operator filters, sorts and pages the work queue", async () => {
  const { page, close } = await openPage();
  await openAsOperator(page);
  await page.getByRole("heading", { level: 1, name: "Pratiche da lavorare" }).waitFor();
  await queueLoaded(page);
  await expectAccessible(page, "operator: work queue");
  await screenshot(page, "operator-queue");

  // The count of a status is a quick filter, and agrees with the filtered total.
  const quick = page.getByTestId("status-counts").getByRole("link", { name: /^In lavorazione \d+$/ });
  const count = Number((await quick.innerText()).match(/(\d+)$/)[1]);
  await quick.click();
  await page.waitForURL(/stato=PENDING/);
  await queueLoaded(page);
  assert.match(await page.getByTestId("queue-status").innerText(), new RegExp(`^${count} pratich`));
  const statuses = await page.getByTestId("queue-row").getByTestId("practice-status").allInnerTexts();
  assert.ok(statuses.length > 0 && statuses.every((status) => status === "In lavorazione"), statuses.join());

  // The filter bar: unassigned submitted practices of one applicant, found by part of the name.
  // A status and the assignment apply as soon as chosen, the typed name on "Cerca".
  await page.getByRole("button", { name: "Azzera i filtri" }).click();
  await page.waitForURL((url) => !url.search.includes("stato="));
  await queueLoaded(page);
  await page.getByRole("button", { name: "Stati: aperte" }).click();
  await page.getByTestId("queue-statuses").locator("label", { hasText: /^Acquisita \(\d+\)$/ }).click();
  await page.waitForURL(/stato=SUBMITTED/);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Filtri", exact: true }).click();
  await page.selectOption("#queue-assignment", "unassigned");
  await page.waitForURL(/assegnazione=unassigned/);
  await page.fill("#queue-applicant", "rossi");
  await page.getByRole("button", { name: "Cerca" }).click();
  await page.waitForURL(/richiedente=rossi/);
  await queueLoaded(page);
  const rows = await page.getByTestId("queue-row").all();
  assert.ok(rows.length > 0, "the demo has an unassigned submitted practice of Mario Rossi");
  for (const row of rows) {
    const cells = await row.locator("td").allInnerTexts();
    assert.match(cells[1], /Mario Rossi/);
    assert.equal(cells[2], "Acquisita");
    assert.equal(cells[5], "Nessuno", "unassigned");
  }
  await expectAccessible(page, "operator: filtered queue");

  // Sorting by number, both ways, of every practice (the closed too); the header says the order it is in.
  await page.getByRole("button", { name: "Azzera i filtri" }).click();
  await page.waitForURL((url) => !url.search.includes("richiedente"));
  await queueLoaded(page);
  await page.getByTestId("status-counts").getByRole("link", { name: /^Tutte, anche chiuse/ }).click();
  await page.waitForURL(/chiuse=1/);
  await queueLoaded(page);
  await page.getByRole("button", { name: /^Numero/ }).click();
  await page.waitForURL(/ordine=NUMBER/);
  await queueLoaded(page);
  const header = page.getByRole("columnheader", { name: /^Numero/ });
  assert.equal(await header.getAttribute("aria-sort"), "descending");
  const descending = await rowNumbers(page);
  assert.deepEqual(descending, [...descending].sort().reverse());
  await page.getByRole("button", { name: /^Numero/ }).click();
  await page.waitForURL(/verso=asc/);
  await queueLoaded(page);
  assert.equal(await header.getAttribute("aria-sort"), "ascending");
  const first = await rowNumbers(page);
  assert.deepEqual(first, [...first].sort());

  // Keyset pages: on, and back to the same first page.
  assert.equal(first.length, 20, "the demo has more than one page of practices");
  await page.getByRole("button", { name: "Pagina successiva" }).click();
  await page.waitForURL(/dopo=/);
  await queueLoaded(page);
  const second = await rowNumbers(page);
  assert.ok(second.length > 0);
  assert.ok(second[0] > first[first.length - 1], "the next page goes on where the first ended");
  await page.getByRole("button", { name: "Pagina precedente" }).click();
  await page.waitForURL(/prima=/);
  await queueLoaded(page);
  assert.deepEqual(await rowNumbers(page), first);
  await close();
});

test("an operator takes a submitted practice in charge, writes an internal note and accepts it", async () => {
  const { page, close } = await openPage();
  await openAsOperator(page, "?stato=SUBMITTED&assegnazione=unassigned");
  await queueLoaded(page);
  const number = (await rowNumbers(page))[0];
  await page.getByRole("link", { name: number, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: new RegExp(`^Pratica ${number}`) }).waitFor();
  await page.locator(".sportello-form .formio-form").waitFor();
  // Exactly the steps the API allows on a submitted practice.
  assert.deepEqual(await page.getByTestId("transitions").getByRole("button").allInnerTexts(), ["Prendi in carico"]);
  await expectAccessible(page, "operator: submitted practice");

  await page.getByRole("button", { name: "Prendi in carico" }).click();
  await page.getByTestId("action-result").filter({ hasText: `Pratica ${number} presa in carico.` }).waitFor();
  await page.getByTestId("practice-assignee").filter({ hasText: "Paolo Conti" }).waitFor();
  const offered = await page.getByTestId("transitions").getByRole("button").allInnerTexts();
  assert.deepEqual(offered, ["Assegna", "Richiedi integrazione", "Accogli", "Respingi"]);

  // Bootstrap Italia draws the radio on its label, which takes the click.
  await page.getByTestId("message-composer").locator("label", { hasText: "Nota interna — non visibile al cittadino" }).click();
  await page.getByLabel("Testo della nota interna").fill("Documenti verificati allo sportello.");
  await page.getByTestId("message-composer").getByLabel("Allegati (facoltativi)").setInputFiles({
    name: "verbale.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Verbale della verifica allo sportello.\n"),
  });
  await page.getByRole("button", { name: "Salva la nota interna" }).click();
  const note = page.getByTestId("internal-note").filter({ hasText: "Documenti verificati allo sportello." });
  await note.waitFor();
  assert.match(await note.innerText(), /Nota interna — non visibile al cittadino/);
  assert.match(await note.getByRole("link").innerText(), /^verbale\.txt/);

  await page.getByRole("button", { name: "Accogli", exact: true }).click();
  await page.getByLabel(/^Motivazione/).fill("Certificato pronto per il ritiro.");
  await expectAccessible(page, "operator: accepting a practice");
  await page.getByRole("button", { name: "Accogli la pratica" }).click();
  await page.getByTestId("action-result").filter({ hasText: `Pratica ${number} accolta.` }).waitFor();
  await page.getByTestId("practice-outcome").filter({ hasText: "Certificato pronto per il ritiro." }).waitFor();
  await page.getByTestId("transitions-none").waitFor();
  assert.equal(await page.getByTestId("practice-facts").getByTestId("practice-status").innerText(), "Accolta");
  assert.match(await page.getByTestId("practice-history").innerText(), /Domanda accolta/);
  await expectAccessible(page, "operator: accepted practice");
  await screenshot(page, "operator-practice");
  await close();
});

test("rejecting asks again in a dialog, and a step the practice no longer allows is explained", async () => {
  const token = await tokenFor(TENANT, ...OPERATOR);
  const { page, close } = await openPage();
  await openAsOperator(page, "?stato=PENDING&ordine=NUMBER&verso=asc");
  await queueLoaded(page);
  const [changed, rejected] = await rowNumbers(page);
  assert.ok(rejected, "the demo has two practices in progress");

  // Someone else asks for more information while this page still offers the decision.
  await page.getByRole("link", { name: changed, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: new RegExp(`^Pratica ${changed}`) }).waitFor();
  // Opening it marks the citizen's messages read, and the page reloads the practice after that:
  // let it finish, so the change below is one this page has not seen.
  await networkQuiet(page);
  const id = decodeURIComponent(new URL(page.url()).pathname.split("/").pop());
  const { requestPracticeIntegration } = await graphql(
    TENANT,
    "mutation($input: RequestPracticeIntegrationInput!) { requestPracticeIntegration(input: $input) { errors { code } } }",
    { input: { id, message: "Manca la copia del documento." } },
    token,
  );
  assert.deepEqual(requestPracticeIntegration.errors, []);
  await page.getByRole("button", { name: "Respingi", exact: true }).click();
  await page.getByLabel("Motivazione del rigetto").fill("Requisiti non posseduti.");
  await page.getByRole("button", { name: "Respingi la pratica" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Sì, respingi" }).click();
  await page.getByTestId("action-panel").getByTestId("problems").waitFor();
  await expectAccessible(page, "operator: a step refused by the server");
  await page.reload();
  await page.getByTestId("transitions-none").waitFor();

  // The other one is rejected, once confirmed.
  await openAsOperator(page, "?stato=PENDING&ordine=NUMBER&verso=asc");
  await queueLoaded(page);
  await page.getByRole("link", { name: rejected, exact: true }).click();
  await page.getByRole("button", { name: "Respingi", exact: true }).click();
  const submit = page.getByRole("button", { name: "Respingi la pratica" });
  assert.equal(await submit.isDisabled(), true, "a rejection needs its reason");
  await page.getByLabel("Motivazione del rigetto").fill("Requisiti non posseduti.");
  await submit.click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText(`Vuoi davvero respingere la pratica ${rejected}?`, { exact: false }).waitFor();
  await expectAccessible(page, "operator: reject dialog");
  await dialog.getByRole("button", { name: "Sì, respingi" }).click();
  await page.getByTestId("action-result").filter({ hasText: `Pratica ${rejected} respinta.` }).waitFor();
  assert.match(await page.getByTestId("practice-outcome").innerText(), /Respinta — Requisiti non posseduti\./);
  await close();
});

/** A practice of the registry office (Ufficio Anagrafe), sent by a citizen through the API: its number and id. */
async function sentRegistryPractice() {
  const token = await tokenFor(TENANT, "VRDLCU92L20E715F", "cittadino");
  const { service } = await graphql(TENANT, "query { service(slug: \"certificati-anagrafici\") { id } }");
  const data = {
    givenName: "Luca",
    familyName: "Verdi",
    fiscalCode: "VRDLCU92L20E715F",
    email: "luca.verdi@example.it",
    certificates: { residenza: true, famiglia: false, cittadinanza: false, esistenza: false },
    stamp: "bollo",
    copies: 1,
    truthfulness: true,
    privacy: true,
  };
  const { savePracticeDraft } = await graphql(
    TENANT,
    "mutation($input: SavePracticeDraftInput!) { savePracticeDraft(input: $input) { practice { id } errors { message } } }",
    { input: { serviceId: service.id, data } },
    token,
  );
  assert.deepEqual(savePracticeDraft.errors, []);
  const { submitPractice } = await graphql(
    TENANT,
    "mutation($input: SubmitPracticeInput!) { submitPractice(input: $input) { practice { id number } errors { message } } }",
    { input: { id: savePracticeDraft.practice.id } },
    token,
  );
  assert.deepEqual(submitPractice.errors, []);
  return submitPractice.practice;
}

test("an operator gives a practice to a colleague of the office; another office never sees it", async () => {
  const practice = await sentRegistryPractice();
  const path = `pratiche/${encodeURIComponent(practice.id)}`;

  const stranger = await openPage();
  await openAsOperator(stranger.page, path, TAX_OPERATOR);
  await stranger.page.getByText("La pratica non esiste o non è visibile.").waitFor();
  await stranger.close();

  const { page, close } = await openPage();
  await openAsOperator(page, path);
  await page.getByRole("heading", { level: 1, name: new RegExp(`^Pratica ${practice.number}`) }).waitFor();
  await page.getByRole("button", { name: "Prendi in carico" }).click();
  await page.getByTestId("action-result").filter({ hasText: `Pratica ${practice.number} presa in carico.` }).waitFor();
  await page.getByRole("button", { name: "Assegna", exact: true }).click();
  // The colleagues of the office are offered, nobody of another office.
  const offered = await page.getByLabel("Operatore", { exact: true }).locator("option").allInnerTexts();
  assert.deepEqual(offered, ["Scegli un operatore", "Paolo Conti", "Sara Galli"]);
  await page.getByLabel("Operatore", { exact: true }).selectOption({ label: "Sara Galli" });
  await expectAccessible(page, "operator: assigning to a colleague");
  await page.getByTestId("action-panel").getByRole("button", { name: "Assegna" }).click();
  await page.getByTestId("action-result").filter({ hasText: `Pratica ${practice.number} assegnata.` }).waitFor();
  await page.getByTestId("practice-assignee").filter({ hasText: "Sara Galli" }).waitFor();
  // Held by a colleague: taking it back is the only step left.
  assert.deepEqual(await page.getByTestId("transitions").getByRole("button").allInnerTexts(), ["Assegna"]);
  await close();

  const colleague = await openPage();
  await openAsOperator(colleague.page, path, COLLEAGUE);
  await colleague.page.getByRole("heading", { level: 1, name: new RegExp(`^Pratica ${practice.number}`) }).waitFor();
  const steps = await colleague.page.getByTestId("transitions").getByRole("button").allInnerTexts();
  assert.deepEqual(steps, ["Assegna", "Richiedi integrazione", "Accogli", "Respingi"]);
  await colleague.close();
});

/** A booking of the moderated tax desk, made by a citizen through the API on its soonest free slot: PENDING. */
async function pendingTaxBooking() {
  const token = await tokenFor(TENANT, "BNCGLI85C55G702H", "cittadino");
  const calendar = await calendarBySlug("agenda-tributi");
  const [slot] = await freeSlotsAhead(calendar);
  assert.ok(slot, "the tax desk has a free slot");
  const { holdSlot } = await graphql(
    TENANT,
    "mutation($input: HoldSlotInput!) { holdSlot(input: $input) { appointment { id } errors { code message } } }",
    { input: { calendarId: calendar.id, start: slot.start } },
    token,
  );
  assert.deepEqual(holdSlot.errors, []);
  const { confirmAppointment } = await graphql(
    TENANT,
    "mutation($input: ConfirmAppointmentInput!) { confirmAppointment(input: $input) { appointment { status start } errors { code message } } }",
    { input: { id: holdSlot.appointment.id, message: "Rateizzazione TARI" } },
    token,
  );
  assert.deepEqual(confirmAppointment.errors, []);
  assert.equal(confirmAppointment.appointment.status, "PENDING");
  return { officeId: calendar.officeId, start: confirmAppointment.appointment.start };
}

test("the tax office's operator approves a pending booking of the tax desk in the agenda", async () => {
  const booking = await pendingTaxBooking();
  const { page, close } = await openPage();
  await openAsOperator(page, "agenda", TAX_OPERATOR);
  await page.getByRole("heading", { level: 1, name: "Agenda degli appuntamenti" }).waitFor();
  await page.selectOption("#agenda-office", booking.officeId);
  await page.fill("#agenda-day", romeDay(booking.start));
  await page.getByTestId("agenda-status").filter({ hasText: /appuntament[oi]\.$/ }).waitFor();
  const entry = page.getByTestId("agenda-entry").filter({ hasText: "Giulia Bianchi" }).filter({ hasText: "In attesa di approvazione" });
  await entry.first().waitFor();
  await expectAccessible(page, "operator: agenda week");

  await entry.first().click();
  const details = page.getByTestId("appointment-details");
  await details.waitFor();
  assert.match(await details.innerText(), /Sportello tributi/);
  assert.match(await details.innerText(), /Rateizzazione TARI/);
  await details.getByRole("button", { name: "Approva" }).click();
  await details.getByTestId("appointment-result").filter({ hasText: "Prenotazione approvata." }).waitFor();
  await details.getByTestId("booking-status").filter({ hasText: "Confermato" }).waitFor();
  await expectAccessible(page, "operator: agenda, booking approved");
  await screenshot(page, "operator-agenda");

  await page.selectOption("#agenda-view", "day");
  await page.waitForURL(/vista=giorno/);
  await page.getByTestId("agenda-entry").filter({ hasText: "Giulia Bianchi" }).first().waitFor();
  await expectAccessible(page, "operator: agenda day");
  await close();
});
