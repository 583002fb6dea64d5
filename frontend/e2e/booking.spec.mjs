// The citizen's appointments and room bookings: booking a desk's slot through the picker,
// seeing, downloading, moving and cancelling it; a slot taken meanwhile; booking a room.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";

import { calendarBySlug, DAY_MS, freeIntervalsAhead, freeSlotsAhead, LEEWAY_MS, romeDay, TENANT } from "./flows.mjs";
import { base, expectAccessible, graphql, now, openPage, screenshot, tokenFor } from "./harness.mjs";

const CITIZEN = "VRDLCU92L20E715F";
const PASSWORD = "cittadino";
const app = (path) => `${base}/${TENANT}${path}`;

/**
 * The Rome days on which the citizen already has a place: one person takes one place at a time
 * (ALREADY_BOOKED otherwise), and the demo has booked one for each citizen.
 */
async function busyDays() {
  const token = await tokenFor(TENANT, CITIZEN, PASSWORD);
  const data = await graphql(TENANT, "{ myAppointments(first: 100) { edges { node { start status } } } }", {}, token);
  const occupying = ["DRAFT", "PENDING", "APPROVED"];
  const nodes = data.myAppointments.edges.map((edge) => edge.node).filter((node) => occupying.includes(node.status));
  return new Set(nodes.map((node) => romeDay(node.start)));
}

/** Logs in through the link a page offers, so the page's choices come back with the citizen. */
async function loginFromPage(page, linkName) {
  await page.getByRole("link", { name: linkName }).click();
  await page.fill("#login-username", CITIZEN);
  await page.fill("#login-password", PASSWORD);
  await page.click("form:has(#login-username) button[type=submit]");
  await page.waitForSelector("[data-testid=user-name]");
}

/** The time labels of the picker's free slots, as the page shows them ("09:30"). */
async function slotLabels(picker) {
  return picker.locator("label").evaluateAll((labels) => labels.map((label) => label.textContent));
}

const SOME_FREE = /^\d+ orar[io] liber[oi] in questa settimana\.$/;

/** Waits until the picker has read its week: some free times, or none. */
async function weekLoaded(picker) {
  await picker.getByTestId("slot-picker-status").filter({ hasText: /in questa settimana\./ }).waitFor();
}

/** Moves the picker on by a week and waits for that week's free times. */
async function nextWeek(picker) {
  const shown = await picker.getByTestId("slot-picker-week").innerText();
  await picker.getByRole("button", { name: /Settimana successiva/ }).click();
  await picker.getByTestId("slot-picker-week").filter({ hasNotText: shown }).waitFor();
  await weekLoaded(picker);
}

/** The picker's value of a slot: its calendar and start. */
function slotKey(slot) {
  return `${slot.calendarId}|${new Date(slot.start).toISOString()}`;
}

/** The Monday of an instant's week in Rome: the picker shows a week at a time. */
function weekOf(instant) {
  const day = new Date(`${romeDay(instant)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/**
 * Moves the picker on a week at a time until it offers `slot` (one from the API), and returns the
 * label a person clicks to choose it (Bootstrap Italia draws the radio there).
 */
async function showSlot(picker, slot) {
  const radio = picker.locator(`input[value="${slotKey(slot)}"]`);
  await weekLoaded(picker);
  while (!(await radio.count())) {
    assert.ok(await picker.getByRole("button", { name: /Settimana successiva/ }).isEnabled(), `the picker never offers ${slot.start}`);
    await nextWeek(picker);
  }
  return picker.locator(`label[for="${await radio.getAttribute("id")}"]`);
}

/** The start (as the page's address keeps it) of the slot chosen on the booking page. */
function chosenStart(page) {
  return new URL(page.url()).searchParams.get("inizio");
}

/** The picker's value of the slot chosen in a booking page's address. */
function slotValue(url) {
  const start = url.searchParams.get("inizio");
  return start ? slotKey({ calendarId: url.searchParams.get("calendario"), start }) : null;
}

/** "Hai scelto: <day>, <from> – <to>", once the picker has read the chosen slot's week. */
async function chosenSlotText(page) {
  const line = page.getByTestId("chosen-slot").locator("p").filter({ hasText: /–/ });
  await line.waitFor();
  return line.innerText();
}

/** "20261207T083000Z": how an iCalendar file writes a UTC instant. */
function icsInstant(iso) {
  return new Date(iso).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

test("a visitor learns what the appointments page is, and is offered to log in or book", async () => {
  const { page, close } = await openPage();
  await page.goto(app("/appuntamenti"));
  await page.getByRole("heading", { level: 1, name: "I miei appuntamenti" }).waitFor();
  await page.getByTestId("appointments-anonymous").waitFor();
  assert.ok(await page.getByRole("link", { name: "Accedi per vedere i tuoi appuntamenti" }).isVisible());
  await page.getByRole("link", { name: "Prenota un appuntamento" }).click();
  await page.getByRole("heading", { level: 2, name: "Per quale servizio vuoi un appuntamento?" }).waitFor();
  await expectAccessible(page, "booking: choose a service");
  await close();
});

test("a citizen books the registry desk, downloads the .ics, moves and cancels the appointment", async () => {
  // Told apart from the citizen's other appointments (also those of earlier runs on a kept server).
  const reason = `Rinnovo della carta d'identità ${Date.now()}`;
  // Slots far enough ahead to be moved and cancelled online (after the desk's cut-off), and of
  // them the first with two more in its week: it is chosen, the next booked, a later one moved to.
  const registry = await calendarBySlug("agenda-anagrafe");
  const cutOff = now() + registry.cancelDaysBefore * DAY_MS + LEEWAY_MS;
  const busy = await busyDays();
  const changeable = (await freeSlotsAhead(registry)).filter((slot) => Date.parse(slot.start) > cutOff && !busy.has(romeDay(slot.start)));
  const first = changeable.find((slot, n) => changeable[n + 2] && weekOf(changeable[n + 2].start) === weekOf(slot.start));
  assert.ok(first, "the registry desk has a week with three free times after its cut-off");
  const { page, close } = await openPage();
  await page.goto(app("/appuntamenti/prenota"));
  await page.getByRole("link", { name: "Carta d'identità elettronica" }).click();
  const picker = page.getByTestId("slot-picker");
  const firstLabel = await showSlot(picker, first);
  assert.match(await picker.getByTestId("slot-picker-status").innerText(), SOME_FREE);
  assert.ok((await slotLabels(picker)).every((label) => /^\d\d:\d\d \d+ post[oi] liber[oi]$/.test(label)));
  // Choose with the keyboard: that time, then the next one with an arrow key.
  const offered = await picker.getByRole("radio").evaluateAll((radios) => radios.map((radio) => radio.value));
  const second = offered[offered.indexOf(slotKey(first)) + 1];
  assert.ok(second, `no time after ${first.start} in ${offered.join(", ")}`);
  await firstLabel.click();
  await page.keyboard.press("ArrowRight");
  await page.waitForURL((url) => slotValue(url) === second);
  await picker.locator(`input[value="${second}"]:checked`).waitFor({ state: "attached" });
  const start = chosenStart(page);
  const chosenText = await chosenSlotText(page);

  await loginFromPage(page, "Accedi per prenotare");
  assert.equal(chosenStart(page), start, "the choice survives the login");
  assert.equal(await chosenSlotText(page), chosenText);
  assert.equal(await picker.getByRole("radio", { checked: true }).getAttribute("value"), second);
  await expectAccessible(page, "booking: slot picker with a choice");
  await screenshot(page, "citizen-booking");

  await page.getByRole("button", { name: "Prenota questo orario" }).click();
  await page.getByRole("heading", { level: 2, name: "Conferma l'appuntamento" }).waitFor();
  const countdown = page.getByTestId("hold-countdown");
  const left = await countdown.innerText();
  assert.match(left, /Tempo rimasto per confermare: (10|9):\d\d/);
  // It ticks: the pages' clock runs on, also when a chosen instant was installed (harness.mjs).
  await countdown.filter({ hasNotText: left }).waitFor();
  await expectAccessible(page, "booking: confirm a held slot");
  await page.getByLabel("Motivo della visita").fill(reason);
  await page.getByRole("button", { name: "Conferma l'appuntamento" }).click();
  await page.getByTestId("booking-done").getByText("Appuntamento confermato").waitFor();
  await expectAccessible(page, "booking: confirmed");

  await page.getByRole("link", { name: "Vai a I miei appuntamenti" }).click();
  await page.getByRole("heading", { level: 1, name: "I miei appuntamenti" }).waitFor();
  const card = page.getByTestId("appointment").filter({ hasText: reason });
  await card.waitFor();
  assert.match(await card.innerText(), /Ufficio Anagrafe e Stato civile/);
  assert.match(await card.innerText(), /Piazza del Municipio 1/);
  assert.equal(await card.getByTestId("booking-status").innerText(), "Confermato");
  await expectAccessible(page, "my appointments");
  await screenshot(page, "citizen-appointments");

  const ics = card.getByRole("link", { name: "Aggiungi al calendario" });
  const href = await ics.getAttribute("href");
  const type = await page.evaluate(async (url) => (await fetch(url)).headers.get("content-type"), href);
  assert.equal(type, "text/calendar;charset=utf-8");
  const [download] = await Promise.all([page.waitForEvent("download"), ics.click()]);
  assert.match(download.suggestedFilename(), /^appuntamento-\d{4}-\d{2}-\d{2}\.ics$/);
  const text = await readFile(await download.path(), "utf8");
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(text, new RegExp(`DTSTART:${icsInstant(start)}\\r\\n`));
  assert.match(text, /SUMMARY:Comune di Bugliano – Sportello anagrafe/);
  assert.ok(text.includes(`DESCRIPTION:${reason}\r\n`));

  // Move it to another free time of the same week: the last, after the one booked.
  await card.getByRole("button", { name: "Sposta" }).click();
  const movePicker = card.getByTestId("slot-picker");
  await movePicker.getByTestId("slot-picker-status").filter({ hasText: SOME_FREE }).waitFor();
  const before = await card.getByRole("heading", { level: 2 }).innerText();
  await movePicker.locator("label").last().click();
  const moveButton = card.getByRole("button", { name: /^Sposta a / });
  await moveButton.click();
  const moved = await card.getByText(/^Appuntamento spostato a /).innerText();
  await card.getByRole("heading", { level: 2 }).filter({ hasNotText: before }).waitFor();
  const after = await card.getByRole("heading", { level: 2 }).innerText();
  // The heading starts with a capital; mid-sentence the weekday does not ("spostato a mercoledì").
  assert.equal(moved, `Appuntamento spostato a ${after.charAt(0).toLowerCase()}${after.slice(1)}.`);
  await expectAccessible(page, "my appointments: moved");

  // Cancel it, through the confirmation dialog.
  await card.getByRole("button", { name: "Annulla l'appuntamento" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText(/Vuoi davvero annullare l'appuntamento/).waitFor();
  await expectAccessible(page, "my appointments: cancel dialog");
  await dialog.getByRole("button", { name: "Sì, annulla l'appuntamento" }).click();
  await card.getByText("Appuntamento annullato.").waitFor();
  await card.getByTestId("booking-status").filter({ hasText: "Annullato" }).waitFor();
  await close();
});

test("a slot taken meanwhile is explained and the picker shows the free times again", async () => {
  // A slot with both desks free, for two other citizens to take, in a week with more free times.
  const slots = await freeSlotsAhead(await calendarBySlug("agenda-anagrafe"));
  const taken = slots.find((slot) => slot.free === 2 && slots.some((other) => other !== slot && weekOf(other.start) === weekOf(slot.start)));
  assert.ok(taken, "the registry desk has a slot with both desks free");
  const { page, close } = await openPage();
  await page.goto(app("/appuntamenti/prenota"));
  await page.getByRole("link", { name: "Certificati anagrafici" }).click();
  const picker = page.getByTestId("slot-picker");
  await (await showSlot(picker, taken)).click();
  await page.waitForURL(/inizio=/);
  const url = new URL(page.url());
  const calendarId = url.searchParams.get("calendario");
  const start = url.searchParams.get("inizio");
  await loginFromPage(page, "Accedi per prenotare");
  await page.getByTestId("chosen-slot").waitFor();

  // Meanwhile two other citizens hold both desks of that slot.
  for (const other of ["RSSMRA80A01H501U", "BNCGLI85C55G702H"]) {
    const token = await tokenFor(TENANT, other, PASSWORD);
    const data = await graphql(
      TENANT,
      "mutation($input: HoldSlotInput!) { holdSlot(input: $input) { errors { code } } }",
      { input: { calendarId, start } },
      token,
    );
    assert.deepEqual(data.holdSlot.errors, []);
  }
  await page.getByRole("button", { name: "Prenota questo orario" }).click();
  await page.getByTestId("problems").getByText(/questo orario è stato prenotato da altri/).waitFor();
  await picker.getByTestId("slot-picker-status").filter({ hasText: SOME_FREE }).waitFor();
  const startsShown = await page.getByRole("radio").evaluateAll((radios) => radios.map((radio) => radio.value));
  assert.ok(!startsShown.some((value) => value.endsWith(new Date(start).toISOString())), "the full slot is no longer offered");
  assert.equal(await page.getByTestId("chosen-slot").count(), 0);
  await expectAccessible(page, "booking: slot taken meanwhile");
  await close();
});

test("on the moderated tax desk a booking waits for the office's approval", async () => {
  const [slot] = await freeSlotsAhead(await calendarBySlug("agenda-tributi"));
  assert.ok(slot, "the tax desk has a free slot");
  const { page, close } = await openPage();
  await page.goto(app("/appuntamenti/prenota"));
  await page.getByRole("link", { name: "Riduzione della TARI" }).click();
  await (await showSlot(page.getByTestId("slot-picker"), slot)).click();
  await loginFromPage(page, "Accedi per prenotare");
  await chosenSlotText(page);
  await page.getByRole("button", { name: "Prenota questo orario" }).click();
  const reason = `Riduzione per compostaggio ${Date.now()}`;
  await page.getByLabel("Motivo della visita").fill(reason);
  await page.getByRole("button", { name: "Conferma l'appuntamento" }).click();
  await page.getByTestId("booking-done").getByText("Richiesta inviata: in attesa di approvazione").waitFor();
  await page.getByRole("link", { name: "Vai a I miei appuntamenti" }).click();
  const card = page.getByTestId("appointment").filter({ hasText: reason });
  await card.getByTestId("booking-status").filter({ hasText: "In attesa di approvazione" }).waitFor();
  assert.match(await card.innerText(), /Ufficio Tributi/);
  await close();
});

test("too late to cancel online: the card offers no change and gives the office's telephone", async (t) => {
  const token = await tokenFor(TENANT, CITIZEN, PASSWORD);
  const admin = await tokenFor(TENANT, "admin", "admin");
  const registry = await calendarBySlug("agenda-anagrafe");
  const calendarId = registry.id;
  const busy = await busyDays();
  const [slot] = (await freeSlotsAhead(registry)).filter((free) => !busy.has(romeDay(free.start)));
  assert.ok(slot, "the registry desk has a free slot");
  const soonest = slot.start;
  // The desk's cut-off is made to reach its soonest free time, which after a long weekend or the
  // Christmas holidays may be more than its usual 3 days away; it is put back at the end.
  const cutOffDays = Math.max(registry.cancelDaysBefore, Math.ceil((Date.parse(soonest) - now()) / DAY_MS));
  await setCancelDaysBefore(admin, calendarId, cutOffDays);
  t.after(() => setCancelDaysBefore(admin, calendarId, registry.cancelDaysBefore));
  const reason = `Certificato di residenza ${Date.now()}`;
  const held = await graphql(
    TENANT,
    "mutation($input: HoldSlotInput!) { holdSlot(input: $input) { appointment { id } errors { code } } }",
    { input: { calendarId, start: soonest } },
    token,
  );
  assert.deepEqual(held.holdSlot.errors, []);
  const confirmed = await graphql(
    TENANT,
    "mutation($input: ConfirmAppointmentInput!) { confirmAppointment(input: $input) { errors { code } } }",
    { input: { id: held.holdSlot.appointment.id, message: reason } },
    token,
  );
  assert.deepEqual(confirmed.confirmAppointment.errors, []);

  const { page, close } = await openPage();
  await page.goto(app("/appuntamenti"));
  await loginFromPage(page, "Accedi per vedere i tuoi appuntamenti");
  const card = page.getByTestId("appointment").filter({ hasText: reason });
  await card.waitFor();
  // The API says the deadline has passed: no button leads to a refusal (the server would refuse).
  assert.match(await card.getByTestId("change-deadline").innerText(), /^Il termine per spostarlo o annullarlo online è scaduto /);
  assert.equal(await card.getByTestId("office-phone").innerText(), "Telefono dell'ufficio: +39 0587 000110.");
  assert.equal(await card.getByRole("button", { name: /^(Sposta|Annulla l'appuntamento)$/ }).count(), 0);
  assert.equal(await card.getByTestId("booking-status").innerText(), "Confermato");
  await expectAccessible(page, "my appointments: too late to cancel");
  await close();
});

/** Sets how many days before an appointment citizens may still change it online (as the admin). */
async function setCancelDaysBefore(token, id, days) {
  const { updateCalendar } = await graphql(
    TENANT,
    "mutation($input: UpdateCalendarInput!) { updateCalendar(input: $input) { errors { field code message } } }",
    { input: { id, fields: { cancelDaysBefore: days } } },
    token,
  );
  assert.deepEqual(updateCalendar.errors, []);
}

test("a citizen books the library's meeting room for a free interval and sees the booking", async () => {
  const purpose = `Riunione del comitato di quartiere ${Date.now()}`;
  const { resources } = await graphql(
    TENANT,
    "{ resources(first: 100) { edges { node { id slug minimumMinutes calendar { bookingWindowDays } } } } }",
  );
  const room = resources.edges.map(({ node }) => node).find((node) => node.slug === "sala-riunioni-biblioteca");
  // Its soonest free interval long enough for a booking (it is closed at weekends and on holidays).
  const interval = (await freeIntervalsAhead(room)).find(
    ({ start, end }) => Date.parse(end) - Date.parse(start) >= room.minimumMinutes * 60_000,
  );
  assert.ok(interval, "the meeting room has a free interval");
  const start = new Date(interval.start).toISOString(); // as the page's options write it
  const { page, close } = await openPage();
  await page.goto(app("/prenotazioni"));
  await page.getByRole("heading", { level: 1, name: "Sale e spazi" }).waitFor();
  await page.getByTestId("rooms-count").filter({ hasText: "3 risultati." }).waitFor();
  await expectAccessible(page, "rooms");
  await page.selectOption("#rooms-kind", "ROOM");
  await page.fill("#rooms-capacity", "10");
  await page.getByRole("button", { name: "Applica i filtri" }).click();
  await page.getByTestId("rooms-count").filter({ hasText: "1 risultato." }).waitFor();
  await page.getByRole("link", { name: "Sala riunioni della biblioteca" }).click();
  await page.getByRole("heading", { level: 1, name: "Sala riunioni della biblioteca" }).waitFor();

  await page.fill("#room-day", romeDay(interval.start));
  await page.getByTestId("room-availability-status").filter({ hasText: /^Libero in/ }).waitFor();
  await page.selectOption("#room-start", start);
  await page.locator("#room-end option:nth-child(2)").waitFor({ state: "attached" });
  const ends = await page.locator("#room-end option").evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
  await page.selectOption("#room-end", ends[1] ?? ends[0]);
  await page.getByTestId("price-summary").filter({ hasText: "Utilizzo gratuito." }).waitFor();

  await loginFromPage(page, "Accedi per prenotare");
  await page.getByTestId("room-choice").waitFor();
  assert.equal(await page.inputValue("#room-start"), start, "the choice survives the login");
  await page.fill("#room-attendees", "8");
  await page.fill("#room-purpose", purpose);
  await expectAccessible(page, "room: interval chosen");
  await screenshot(page, "citizen-room");
  await page.getByRole("button", { name: "Prenota", exact: true }).click();
  await page.getByTestId("room-booked").getByText("Prenotazione confermata").waitFor();
  await expectAccessible(page, "room: booked");

  await page.getByRole("link", { name: "Le mie prenotazioni di sale e spazi" }).click();
  await page.getByRole("heading", { level: 1, name: "Le mie prenotazioni di sale e spazi" }).waitFor();
  const booking = page.getByTestId("room-booking").filter({ hasText: purpose });
  await booking.waitFor();
  assert.match(await booking.innerText(), /Sala riunioni della biblioteca/);
  assert.equal(await booking.getByTestId("booking-status").innerText(), "Confermato");
  await expectAccessible(page, "my room bookings");
  await close();
});
