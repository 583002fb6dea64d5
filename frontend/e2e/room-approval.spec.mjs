// Rooms that need the office's approval: a citizen books the council hall (moderated, priced)
// and waits; the school office, whose calendar it is, approves it on "Prenotazioni sale" and
// refuses another booking with a reason; the citizen sees both outcomes. The new page is checked
// with axe at 1366 and 390 px, and in Italian, English and German.
import assert from "node:assert/strict";
import { test } from "node:test";

import { CITIZEN_APP, freeIntervalsAhead, openAsOperator, romeDay, TENANT } from "./flows.mjs";
import { base, expectAccessible, graphql, login, openPage, screenshot, tokenFor } from "./harness.mjs";

const CITIZEN = ["BNCGLI85C55G702H", "cittadino"];
/** The operator of the school office (Ufficio scuola), whose calendars the rooms' are. */
const SCHOOL_OPERATOR = ["operatore-scuola", "operatore"];
const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const MINUTE_MS = 60_000;
const app = (path) => `${base}/${TENANT}${path}`;

/** The council hall as the API gives it: the scenario books what the API says is free. */
async function councilHall() {
  const { resources } = await graphql(
    TENANT,
    "{ resources(first: 100) { edges { node { id slug name minimumMinutes calendar { bookingWindowDays moderated } } } } }",
  );
  const hall = resources.edges.map(({ node }) => node).find((node) => node.slug === "sala-consiliare");
  assert.ok(hall?.calendar.moderated, "the council hall's bookings wait for the office");
  return hall;
}

/** Two free stretches of the hall on different days, each long enough for an hour's booking. */
async function twoFreeEvenings(hall) {
  const long = (await freeIntervalsAhead(hall)).filter(({ start, end }) => Date.parse(end) - Date.parse(start) >= 60 * MINUTE_MS);
  const first = long[0];
  const second = long.find((interval) => romeDay(interval.start) !== romeDay(first.start));
  assert.ok(first && second, "the council hall is free on two days of its window");
  return [first, second];
}

/** Waits until the operators' page lists the bookings of `status` ("tutti": every status). */
async function listLoaded(page, status) {
  await page.locator(`[data-testid=room-bookings-list][data-status="${status}"][aria-busy=false]`).waitFor();
}

/** The card of the booking for `purpose` among those of `status`, paging on until it shows. */
async function requestCard(page, purpose, status = "PENDING") {
  const card = page.getByTestId("room-booking-request").filter({ hasText: purpose });
  await listLoaded(page, status);
  while (!(await card.count())) {
    const next = page.getByRole("button", { name: "Pagina successiva" });
    assert.ok((await next.count()) && (await next.isEnabled()), `no booking for ${purpose} among the ${status} ones`);
    await next.click();
    await listLoaded(page, status);
  }
  return card;
}

test("the school office approves a citizen's booking of the council hall and refuses another with a reason", async () => {
  const hall = await councilHall();
  const [evening, otherEvening] = await twoFreeEvenings(hall);
  const stamp = Date.now();
  const purpose = `Assemblea dei genitori ${stamp}`;
  const refusedPurpose = `Festa di fine anno ${stamp}`;
  const reason = "La sala è chiusa quel giorno per la manutenzione dell'impianto elettrico.";

  // The citizen finds the hall with its photo, address and how to pay, and books an hour of it.
  const citizen = await openPage();
  await login(citizen.page, CITIZEN_APP, ...CITIZEN);
  await citizen.page.goto(app("/prenotazioni"));
  await citizen.page.getByRole("img", { name: /^La sala consiliare:/ }).waitFor();
  await expectAccessible(citizen.page, "room approval: rooms with their photos");
  await screenshot(citizen.page, "room-approval-rooms");
  await citizen.page.getByRole("link", { name: "Sala consiliare" }).click();
  await citizen.page.getByRole("heading", { level: 1, name: "Sala consiliare" }).waitFor();
  const photo = citizen.page.getByRole("img", { name: /^La sala consiliare: file di sedie rosse/ });
  await photo.waitFor();
  assert.ok(await photo.evaluate((image) => image.complete && image.naturalWidth > 0), "the hall's photo is served");
  assert.match(await citizen.page.getByTestId("room-address").innerText(), /^Piazza del Municipio 1, primo piano, 56030 Bugliano \(PI\)/);
  assert.match(await citizen.page.getByTestId("room-payment").innerText(), /avviso pagoPA/);
  await citizen.page.fill("#room-day", romeDay(evening.start));
  await citizen.page.getByTestId("room-availability-status").filter({ hasText: /^Libero in/ }).waitFor();
  await citizen.page.selectOption("#room-start", new Date(evening.start).toISOString());
  const end = new Date(Date.parse(evening.start) + 60 * MINUTE_MS).toISOString();
  await citizen.page.locator(`#room-end option[value="${end}"]`).waitFor({ state: "attached" });
  await citizen.page.selectOption("#room-end", end);
  await citizen.page.fill("#room-attendees", "40");
  await citizen.page.fill("#room-purpose", purpose);
  await citizen.page.getByRole("button", { name: "Prenota", exact: true }).click();
  const booked = citizen.page.getByTestId("room-booked");
  await booked.getByRole("heading", { name: "Prenotazione inviata: in attesa di approvazione" }).waitFor();
  assert.equal(await booked.getByTestId("booking-status").innerText(), "In attesa di approvazione");
  await expectAccessible(citizen.page, "room approval: booked, waiting");
  await screenshot(citizen.page, "room-approval-citizen-waiting");

  // A second booking of the citizen's, on another day, made through the API.
  const token = await tokenFor(TENANT, ...CITIZEN);
  const other = await graphql(
    TENANT,
    "mutation($input: BookResourceInput!) { bookResource(input: $input) { booking { id status } errors { code message } } }",
    {
      input: {
        resourceId: hall.id,
        start: otherEvening.start,
        end: new Date(Date.parse(otherEvening.start) + 60 * MINUTE_MS).toISOString(),
        attendees: 20,
        purpose: refusedPurpose,
      },
    },
    token,
  );
  assert.deepEqual(other.bookResource.errors, []);
  assert.equal(other.bookResource.booking.status, "PENDING");

  // The school office finds both among the requests waiting for it.
  const office = await openPage();
  await office.page.setViewportSize(WIDE);
  await openAsOperator(office.page, "", SCHOOL_OPERATOR);
  await office.page.getByRole("link", { name: "Prenotazioni sale" }).click();
  await office.page.getByRole("heading", { level: 1, name: "Prenotazioni sale" }).waitFor();
  const card = await requestCard(office.page, purpose);
  const text = await card.innerText();
  assert.match(text, /Sala consiliare/);
  assert.match(text, /Giulia Bianchi/);
  assert.match(text, /Partecipanti\s+40/);
  assert.equal(await card.getByTestId("booking-status").innerText(), "In attesa di approvazione");
  await expectAccessible(office.page, "room bookings: pending, 1366 px");
  await screenshot(office.page, "room-approval-operator-1366");
  await office.page.setViewportSize(PHONE);
  await expectAccessible(office.page, "room bookings: pending, 390 px");
  await screenshot(office.page, "room-approval-operator-390");
  await office.page.setViewportSize(WIDE);

  await card.getByRole("button", { name: /^Approva la prenotazione di Sala consiliare/ }).click();
  await office.page.getByTestId("room-bookings-result").filter({ hasText: /^Prenotazione di Sala consiliare approvata: / }).waitFor();
  await card.waitFor({ state: "detached" });

  // Refusing asks for the reason in a dialog; the citizen will read it.
  const refused = await requestCard(office.page, refusedPurpose);
  await refused.getByRole("button", { name: /^Rifiuta la prenotazione di Sala consiliare/ }).click();
  const dialog = office.page.getByRole("dialog", { name: "Rifiuta la prenotazione" });
  await dialog.waitFor();
  await dialog.getByLabel("Motivo del rifiuto (facoltativo)").fill(reason);
  await expectAccessible(office.page, "room bookings: refusal dialog");
  await screenshot(office.page, "room-approval-refuse-dialog");
  await dialog.getByRole("button", { name: "Sì, rifiuta" }).click();
  await office.page.getByTestId("room-bookings-result").filter({ hasText: /^Prenotazione di Sala consiliare rifiutata: / }).waitFor();
  await refused.waitFor({ state: "detached" });

  // The approved booking is among the confirmed ones.
  await office.page.selectOption("#room-bookings-status", "APPROVED");
  await office.page.getByRole("button", { name: "Mostra" }).click();
  await office.page.waitForURL(/stato=APPROVED/);
  const approved = await requestCard(office.page, purpose, "APPROVED");
  assert.equal(await approved.getByTestId("booking-status").innerText(), "Confermato");
  assert.equal(await approved.getByRole("button").count(), 0, "nothing left to decide");
  await expectAccessible(office.page, "room bookings: approved");
  await office.close();

  // The citizen sees the hall approved, and the other booking refused with its reason.
  await citizen.page.getByRole("link", { name: "Le mie prenotazioni di sale e spazi" }).click();
  await citizen.page.getByRole("heading", { level: 1, name: "Le mie prenotazioni di sale e spazi" }).waitFor();
  const mine = citizen.page.getByTestId("room-booking").filter({ hasText: purpose });
  await mine.waitFor();
  assert.equal(await mine.getByTestId("booking-status").innerText(), "Confermato");
  assert.match(await mine.innerText(), /Come pagare\s+Dopo l'approvazione/);
  const theirs = citizen.page.getByTestId("room-booking").filter({ hasText: refusedPurpose });
  assert.equal(await theirs.getByTestId("booking-status").innerText(), "Rifiutato");
  assert.equal(await theirs.getByTestId("room-refusal-reason").innerText(), reason);
  await expectAccessible(citizen.page, "room approval: my bookings, approved and refused");
  await screenshot(citizen.page, "room-approval-citizen-outcomes");
  await citizen.close();
});

test("the room bookings page speaks English and German, on a wide screen and on a phone", async () => {
  const pages = [
    ["en-GB", "Room bookings", "All statuses"],
    ["de-DE", "Raumbuchungen", "Alle Status"],
  ];
  for (const [locale, title, every] of pages) {
    const { page, close } = await openPage({ locale });
    await openAsOperator(page, "prenotazioni-sale?stato=tutti", SCHOOL_OPERATOR);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByRole("combobox").filter({ hasText: every }).waitFor();
    await page.getByTestId("room-booking-request").first().waitFor();
    for (const [size, label] of [[WIDE, "1366"], [PHONE, "390"]]) {
      await page.setViewportSize(size);
      await expectAccessible(page, `room bookings: ${locale}, ${label} px`);
      await screenshot(page, `room-bookings-${locale}-${label}`);
    }
    await close();
  }
});
