// Steps several scenarios share: a citizen submitting a practice through the real form, the
// office accepting it in the operators' app, and the days and slots there are to book.
import assert from "node:assert/strict";

import { base, graphql, login, now, tokenFor } from "./harness.mjs";

export const TENANT = "bugliano";
export const CITIZEN_APP = "/bugliano/";
export const SERVICE = "carta-identita-elettronica";
/** The smallest PDF a sniffer recognises: the identity card form takes PDF or JPEG reports. */
const REPORT_PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** The Form.io input of a component (Form.io names inputs `data[<key>]`). */
export function field(page, key) {
  return page.locator(`.sportello-form [name="data[${key}]"]`);
}

/** Picks a radio option the way a person does: on its label (Bootstrap Italia draws the circle there). */
export async function choose(page, label) {
  await page.locator(".sportello-form label", { hasText: label }).click();
}

export async function waitForForm(page) {
  await field(page, "givenName").waitFor();
}

/**
 * Logs in as a demo citizen, fills the identity card form (reason "lost", so the report file is
 * asked for and uploaded), saves a draft, resumes it and submits it. Returns the practice's
 * number and its page's URL, for scenarios that go on (the office accepts it...). A draft of the
 * service the citizen had open (the demo's, another scenario's) is deleted first: the form would
 * resume it.
 */
export async function submitPracticeAsCitizen(page, { username = "RSSMRA80A01H501U", check = async () => {} } = {}) {
  await deleteOpenDraft(await tokenFor(TENANT, username, "cittadino"), SERVICE);
  await login(page, CITIZEN_APP, username, "cittadino");
  await page.goto(`${base}${CITIZEN_APP}servizi/${SERVICE}/domanda`);
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

export const OPERATOR_APP = "/bugliano/operator/";
export const OPERATOR = ["operatore", "operatore"];
/** The operator of the tax office (Ufficio Tributi), whose desk is moderated. */
export const TAX_OPERATOR = ["operatrice-tributi", "operatore"];
/** The other operator of the registry office, where OPERATOR works. */
export const COLLEAGUE = ["operatrice-anagrafe", "operatore"];
export const operatorUrl = (path = "") => `${base}${OPERATOR_APP}${path}`;

/** Opens the operators' app at `path`, logging in as the demo operator when the app asks. */
export async function openAsOperator(page, path = "", account = OPERATOR) {
  await page.goto(operatorUrl(path));
  const form = page.locator("#login-username");
  const heading = page.getByRole("heading", { level: 1 });
  await Promise.race([form.waitFor(), heading.waitFor()]);
  if (await form.isVisible()) {
    await login(page, OPERATOR_APP, ...account);
    await page.goto(operatorUrl(path));
  }
}

/** Waits until the queue shows the answer to the address it is at. */
export async function queueLoaded(page) {
  const search = new URL(page.url()).searchParams.toString();
  await page.locator(`[data-testid=queue-results][data-search="${search}"][aria-busy=false]`).waitFor();
}

/**
 * As the demo operator, finds practice `number` in the queue of submitted practices, takes it in
 * charge and accepts it. For other scenarios: a citizen's practice, accepted by the office.
 */
export async function acceptPracticeAsOperator(page, number, reason = "Pratica accolta dall'ufficio") {
  await openAsOperator(page, "?stato=SUBMITTED&ordine=NUMBER");
  await queueLoaded(page);
  const link = page.getByRole("link", { name: number, exact: true });
  while (!(await link.count())) {
    const next = page.getByRole("button", { name: "Pagina successiva" });
    assert.ok(await next.isEnabled(), `practice ${number} is not among the submitted ones`);
    await next.click();
    await queueLoaded(page);
  }
  await link.click();
  await page.getByRole("heading", { level: 1, name: new RegExp(`^Pratica ${number}`) }).waitFor();
  await page.getByRole("button", { name: "Prendi in carico" }).click();
  await page.getByTestId("action-result").filter({ hasText: `Pratica ${number} presa in carico.` }).waitFor();
  await page.getByRole("button", { name: "Accogli", exact: true }).click();
  await page.getByLabel(/^Motivazione/).fill(reason);
  await page.getByRole("button", { name: "Accogli la pratica" }).click();
  await page.getByTestId("action-result").filter({ hasText: `Pratica ${number} accolta.` }).waitFor();
  await page.getByTestId("practice-outcome").filter({ hasText: reason }).waitFor();
}

export const DAY_MS = 86_400_000;
/** Time a scenario may take between choosing a slot and its last change to the booking. */
export const LEEWAY_MS = 3_600_000;
/** The most days one freeSlots or resourceAvailability answer covers (longer ranges are cut short). */
const LONGEST_RANGE_DAYS = 62;

/** The Europe/Rome day ("2026-12-24") of an instant: the calendars' days and the apps' addresses. */
export function romeDay(instant) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome" }).format(new Date(instant));
}

/** An ISO day `days` later, counted in UTC where every day has 24 hours. */
function addDays(day, days) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A calendar of the demo's offices by slug, with its office and booking rules. */
export async function calendarBySlug(slug) {
  const { offices } = await graphql(
    TENANT,
    "{ offices(first: 100) { edges { node { id calendars { id slug bookingWindowDays cancelDaysBefore } } } } }",
  );
  const found = offices.edges
    .flatMap(({ node }) => node.calendars.map((calendar) => ({ ...calendar, officeId: node.id })))
    .find((calendar) => calendar.slug === slug);
  assert.ok(found, `no calendar ${slug}`);
  return found;
}

/**
 * What a free-times query answers over a booking window: from today to its last day, keeping
 * what starts at least LEEWAY_MS from now. The API has left out holidays, the patron's day,
 * closures, weekends, the notice and what is taken, so no scenario reckons days itself.
 */
async function ahead(query, id, windowDays) {
  const today = romeDay(now());
  const last = addDays(today, windowDays);
  const found = [];
  for (let start = today; start <= last; start = addDays(start, LONGEST_RANGE_DAYS)) {
    const end = addDays(start, LONGEST_RANGE_DAYS - 1);
    const data = await graphql(TENANT, query, { id, start, end: end < last ? end : last });
    found.push(...Object.values(data)[0]); // the one field the query asks for
  }
  const earliest = now() + LEEWAY_MS;
  return found.filter((item) => Date.parse(item.start) >= earliest);
}

/** A calendar's free slots (`calendarBySlug`) over its booking window, soonest first. */
export function freeSlotsAhead(calendar) {
  return ahead(
    "query($id: ID!, $start: Date!, $end: Date!) { freeSlots(calendarId: $id, start: $start, end: $end) { calendarId start end capacity free } }",
    calendar.id,
    calendar.bookingWindowDays,
  );
}

/** A resource's free intervals (`resource { id calendar { bookingWindowDays } }`) over its booking window, soonest first. */
export function freeIntervalsAhead(resource) {
  return ahead(
    "query($id: ID!, $start: Date!, $end: Date!) { resourceAvailability(resourceId: $id, start: $start, end: $end) { start end } }",
    resource.id,
    resource.calendar.bookingWindowDays,
  );
}

/**
 * Deletes the citizen's open draft of a service, if any, through the API (as the citizen could
 * with "Elimina bozza"), so that a scenario starts the application afresh: a citizen has at
 * most one open draft per service, and starting again would resume it. Returns the service's id.
 */
export async function deleteOpenDraft(token, slug) {
  const { service } = await graphql(TENANT, "query($slug: String!) { service(slug: $slug) { id } }", { slug });
  const { practices } = await graphql(
    TENANT,
    "query($service: ID!) { practices(first: 10, filter: {mine: true, statuses: [DRAFT], services: [$service]}) { edges { node { id } } } }",
    { service: service.id },
    token,
  );
  for (const { node } of practices.edges) {
    const { deletePracticeDraft } = await graphql(
      TENANT,
      "mutation($input: DeletePracticeDraftInput!) { deletePracticeDraft(input: $input) { deletedId errors { message } } }",
      { input: { id: node.id } },
      token,
    );
    assert.deepEqual(deletePracticeDraft.errors, []);
  }
  return service.id;
}
