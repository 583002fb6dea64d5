// Until when a citizen may move or cancel an appointment online: said before confirming (also
// when the chosen time is already past that deadline), and past it the appointment offers no
// change but the office's telephone. Slots come from the API (flows.mjs), never from today's date.
import assert from "node:assert/strict";
import { test } from "node:test";

import { calendarBySlug, CITIZEN_APP, DAY_MS, freeSlotsAhead, LEEWAY_MS, romeDay, TENANT } from "./flows.mjs";
import { base, expectAccessible, graphql, login, now, openPage, screenshot, tokenFor } from "./harness.mjs";

const CITIZEN = ["BNCGLI85C55G702H", "cittadino"];
const ZONE = "Europe/Rome";
const WEEKDAYS = "lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica";

/** The Rome days on which the citizen already holds a place (one person, one place at a time). */
async function busyDays() {
  const token = await tokenFor(TENANT, ...CITIZEN);
  const { myAppointments } = await graphql(TENANT, "{ myAppointments(first: 100) { edges { node { start status } } } }", {}, token);
  const occupying = myAppointments.edges.map(({ node }) => node).filter((node) => ["DRAFT", "PENDING", "APPROVED"].includes(node.status));
  return new Set(occupying.map((node) => romeDay(node.start)));
}

/** "lunedì 7 dicembre, ore 10:00": the deadline `days` days before `start` on Rome's clocks, as the page writes it. */
function untilText(start, days) {
  const day = new Date(Date.parse(`${romeDay(start)}T12:00:00Z`) - days * DAY_MS);
  const otherYear = day.getUTCFullYear() !== Number(romeDay(now()).slice(0, 4));
  const written = new Intl.DateTimeFormat("it", {
    timeZone: "UTC", weekday: "long", day: "numeric", month: "long", ...(otherYear ? { year: "numeric" } : {}),
  }).format(day);
  const time = new Intl.DateTimeFormat("it", { timeZone: ZONE, hour: "2-digit", minute: "2-digit" }).format(new Date(start));
  return `${written}, ore ${time}`;
}

/** Opens the booking page on a slot (the address keeps the choice, as after a login) and holds it. */
async function holdFromPage(page, slot) {
  const search = new URLSearchParams({ calendario: slot.calendarId, inizio: slot.start });
  await page.goto(`${base}${CITIZEN_APP}appuntamenti/prenota?${search}`);
  await page.getByTestId("chosen-slot").locator("p").filter({ hasText: /–/ }).waitFor();
  await page.getByRole("button", { name: "Prenota questo orario" }).click();
  await page.getByRole("heading", { level: 2, name: "Conferma l'appuntamento" }).waitFor();
}

async function confirmWith(page, reason) {
  await page.getByLabel("Motivo della visita").fill(reason);
  await page.getByRole("button", { name: "Conferma l'appuntamento" }).click();
  await page.getByTestId("booking-done").waitFor();
}

/** How many days before an appointment citizens may change it online (as the admin). */
async function setCancelDaysBefore(id, days) {
  const admin = await tokenFor(TENANT, "admin", "admin");
  const { updateCalendar } = await graphql(
    TENANT,
    "mutation($input: UpdateCalendarInput!) { updateCalendar(input: $input) { errors { field code message } } }",
    { input: { id, fields: { cancelDaysBefore: days } } },
    admin,
  );
  assert.deepEqual(updateCalendar.errors, []);
}

test("before confirming, the citizen reads until when the appointment may be changed online", async () => {
  const registry = await calendarBySlug("agenda-anagrafe");
  const cutOff = now() + registry.cancelDaysBefore * DAY_MS + LEEWAY_MS;
  const busy = await busyDays();
  const slot = (await freeSlotsAhead(registry)).find((free) => Date.parse(free.start) > cutOff && !busy.has(romeDay(free.start)));
  assert.ok(slot, "the registry desk has a free time after its cut-off");
  const until = untilText(slot.start, registry.cancelDaysBefore);

  const { page, close } = await openPage();
  await login(page, CITIZEN_APP, ...CITIZEN);
  await holdFromPage(page, slot);
  assert.equal(await page.getByTestId("change-deadline").innerText(), `Potrai spostarlo o annullarlo online fino a ${until}.`);
  await expectAccessible(page, "booking: confirm step with the change deadline");
  await screenshot(page, "booking-deadline-ahead");

  const reason = `Deadline ahead ${Date.now()}`;
  await confirmWith(page, reason);
  assert.equal(await page.getByTestId("change-deadline").innerText(), `Puoi spostarlo o annullarlo online fino a ${until}.`);

  await page.getByRole("link", { name: "Vai a I miei appuntamenti" }).click();
  const card = page.getByTestId("appointment").filter({ hasText: reason });
  await card.waitFor();
  assert.equal(await card.getByTestId("change-deadline").innerText(), `Puoi spostarlo o annullarlo online fino a ${until}.`);
  assert.equal(await card.getByRole("button", { name: "Sposta" }).count(), 1);
  await card.getByRole("button", { name: "Annulla l'appuntamento" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Sì, annulla l'appuntamento" }).click();
  await card.getByText("Appuntamento annullato.").waitFor();
  await close();
});

test("a time sooner than the notice is told before confirming, and then offers no change online", async (t) => {
  const registry = await calendarBySlug("agenda-anagrafe");
  const busy = await busyDays();
  const [slot] = (await freeSlotsAhead(registry)).filter((free) => !busy.has(romeDay(free.start)));
  assert.ok(slot, "the registry desk has a free time");
  // The desk's notice is made to reach past the soonest free time (a day more than it is away,
  // whatever the weekends and holidays before it), and put back at the end.
  const days = Math.max(registry.cancelDaysBefore, Math.ceil((Date.parse(slot.start) - now()) / DAY_MS) + 1);
  await setCancelDaysBefore(registry.id, days);
  t.after(() => setCancelDaysBefore(registry.id, registry.cancelDaysBefore));

  const { page, close } = await openPage();
  await login(page, CITIZEN_APP, ...CITIZEN);
  await holdFromPage(page, slot);
  const warning = page.getByTestId("change-deadline");
  const italian = await warning.innerText();
  // The day of a past deadline takes its article, never before a weekday ("il domenica").
  assert.match(
    italian,
    /^Attenzione: per questo orario il termine per spostare o annullare online è già scaduto \((il (1º|[2-79]|1[02-9]|2\d|3[01])|l'(8|11)) [a-z]+( \d{4})? alle \d\d:\d\d\)\. Una volta confermato, per modifiche dovrai contattare l'ufficio\.$/,
  );
  assert.doesNotMatch(italian, new RegExp(`il (${WEEKDAYS})`));
  assert.match(await warning.evaluate((node) => node.className), /alert-warning/);
  await expectAccessible(page, "booking: confirm step past the change deadline");
  await screenshot(page, "booking-deadline-passed");
  // The same warning in the other languages, with their own prepositions.
  await page.selectOption("#ui-language", "en");
  await warning.filter({ hasText: /^Please note: for this time the deadline to move or cancel online has already passed \(on [A-Z][a-z]+ \d{1,2}(, \d{4})? at / }).waitFor();
  await page.selectOption("#ui-language", "de");
  await warning.filter({ hasText: /bereits abgelaufen \(am \d{1,2}\. [A-ZÄÖÜ][a-zäöü]+( \d{4})? um \d\d:\d\d Uhr\)/ }).waitFor();
  await expectAccessible(page, "booking: confirm step past the change deadline, in German");
  await page.selectOption("#ui-language", "it");

  const reason = `Deadline passed ${Date.now()}`;
  await confirmWith(page, reason);
  await page.getByRole("link", { name: "Vai a I miei appuntamenti" }).click();
  const card = page.getByTestId("appointment").filter({ hasText: reason });
  await card.waitFor();
  assert.match(await card.getByTestId("change-deadline").innerText(), /^Il termine per spostarlo o annullarlo online è scaduto (il|l')/);
  assert.equal(await card.getByTestId("office-phone").innerText(), "Telefono dell'ufficio: +39 0587 000110.");
  assert.equal(await card.getByRole("button", { name: /^(Sposta|Annulla l'appuntamento)$/ }).count(), 0);
  await expectAccessible(page, "my appointments: past the change deadline");
  await screenshot(page, "appointments-deadline-passed");
  await close();

  // The office may still cancel it: the time is given back for the scenarios after this one.
  const token = await tokenFor(TENANT, "operatore", "operatore");
  const citizen = await tokenFor(TENANT, ...CITIZEN);
  const { myAppointments } = await graphql(TENANT, "{ myAppointments(first: 100) { edges { node { id message } } } }", {}, citizen);
  const booked = myAppointments.edges.map(({ node }) => node).find((node) => node.message === reason);
  const { cancelAppointment } = await graphql(
    TENANT,
    "mutation($input: CancelAppointmentInput!) { cancelAppointment(input: $input) { errors { code } } }",
    { input: { id: booked.id } },
    token,
  );
  assert.deepEqual(cancelAppointment.errors, []);
});
