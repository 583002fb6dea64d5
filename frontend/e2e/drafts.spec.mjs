// One open draft per citizen and service: "Presenta la domanda online" twice leads to the same
// draft; what was typed before a refused "Invia" survives a reload; a draft can be deleted, from
// its page or from "Le mie pratiche", after a confirmation.
import assert from "node:assert/strict";
import { test } from "node:test";

import { CITIZEN_APP, deleteOpenDraft, field, TENANT, waitForForm } from "./flows.mjs";
import { base, expectAccessible, graphql, login, networkQuiet, openPage, screenshot, tokenFor } from "./harness.mjs";

const LUCA = ["VRDLCU92L20E715F", "cittadino"];
const DOGS = "anagrafe-canina";
const DOGS_NAME = "Iscrizione all'anagrafe canina";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

/** Luca's open drafts of the dog registry, through the API. */
async function openDrafts(token, serviceId) {
  const { practices } = await graphql(
    TENANT,
    "query($service: ID!) { practices(first: 10, filter: {mine: true, statuses: [DRAFT], services: [$service]}) { edges { node { id data } } } }",
    { service: serviceId },
    token,
  );
  return practices.edges.map(({ node }) => node);
}

/** From the service's page, as a citizen starts an application. */
async function applyFromServicePage(page) {
  await page.goto(`${base}${CITIZEN_APP}servizi/${DOGS}`);
  await page.getByRole("link", { name: "Presenta la domanda online" }).click();
  await waitForForm(page);
}

test("applying twice resumes one draft, a refused Invia keeps what was typed, and the draft can be deleted", async () => {
  const token = await tokenFor(TENANT, ...LUCA);
  const serviceId = await deleteOpenDraft(token, DOGS);
  const { page, close } = await openPage();
  try {
    await page.setViewportSize(DESKTOP);
    await login(page, CITIZEN_APP, ...LUCA);

    // The first time: a blank form, and no "Elimina bozza" until there is a draft.
    await applyFromServicePage(page);
    assert.equal(await page.getByTestId("draft-resumed").count(), 0);
    assert.equal(await page.getByRole("button", { name: "Elimina bozza" }).count(), 0);
    await field(page, "givenName").fill("Luca");
    await page.getByRole("button", { name: "Salva bozza" }).click();
    await page.getByText("Bozza salvata.").waitFor();
    await page.getByRole("button", { name: "Elimina bozza" }).waitFor();

    // The second time: the same draft, with what was saved.
    await applyFromServicePage(page);
    await page.getByTestId("draft-resumed").waitFor();
    assert.equal(await field(page, "givenName").inputValue(), "Luca");
    const drafts = await openDrafts(token, serviceId);
    assert.equal(drafts.length, 1, "one draft of the service, however often it is started");
    await expectAccessible(page, "citizen: a resumed draft");
    await screenshot(page, "drafts-resumed-1366");
    await page.setViewportSize(PHONE);
    await screenshot(page, "drafts-resumed-390");
    await page.setViewportSize(DESKTOP);

    // A correction, then "Invia" with required fields still empty: refused...
    await field(page, "dogName").fill("Fido");
    await page.getByRole("button", { name: "Invia", exact: true }).click();
    await page.getByTestId("form-problems").waitFor();
    await page.getByText("I dati inseriti sono salvati nella bozza").waitFor();
    await page.locator(".formio-component-microchip").getByText(/obbligatorio/).first().waitFor();
    // ...and after a reload the correction is still there.
    await page.reload();
    await waitForForm(page);
    await page.getByTestId("draft-resumed").waitFor();
    assert.equal(await field(page, "givenName").inputValue(), "Luca");
    assert.equal(await field(page, "dogName").inputValue(), "Fido");

    // "Elimina bozza" asks first; going back keeps the draft.
    await page.getByRole("button", { name: "Elimina bozza" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText(`La bozza della domanda «${DOGS_NAME}»`, { exact: false }).waitFor();
    await expectAccessible(page, "citizen: delete draft dialog");
    await screenshot(page, "drafts-delete-dialog");
    await dialog.getByRole("button", { name: "Torna indietro" }).click();
    await dialog.waitFor({ state: "hidden" });
    assert.equal((await openDrafts(token, serviceId)).length, 1);

    await page.getByRole("button", { name: "Elimina bozza" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Sì, elimina" }).click();
    // "Le mie pratiche" says so, and no longer lists it.
    await page.getByRole("heading", { level: 1, name: "Le mie pratiche" }).waitFor();
    await page.getByTestId("practices-notice").filter({ hasText: "Bozza eliminata." }).waitFor();
    await page.getByLabel("Mostra").selectOption("draft");
    await networkQuiet(page);
    assert.equal(await page.getByRole("link", { name: `Riprendi la bozza: ${DOGS_NAME}` }).count(), 0);
    assert.deepEqual(await openDrafts(token, serviceId), []);

    // Applying again starts afresh.
    await applyFromServicePage(page);
    assert.equal(await page.getByTestId("draft-resumed").count(), 0);
    assert.equal(await field(page, "dogName").inputValue(), "");
  } finally {
    await close();
  }
});

test("a draft is deleted from its row in «Le mie pratiche», after a confirmation", async () => {
  const token = await tokenFor(TENANT, ...LUCA);
  const service = await deleteOpenDraft(token, DOGS);
  const { savePracticeDraft } = await graphql(
    TENANT,
    "mutation($input: SavePracticeDraftInput!) { savePracticeDraft(input: $input) { practice { id } errors { message } } }",
    { input: { serviceId: service, data: { givenName: "Luca", dogName: "Argo" } } },
    token,
  );
  assert.deepEqual(savePracticeDraft.errors, []);
  const { page, close } = await openPage({ locale: "de-DE" });
  try {
    await page.setViewportSize(PHONE);
    await login(page, CITIZEN_APP, ...LUCA);
    await page.goto(`${base}${CITIZEN_APP}pratiche`);
    // In German: the interface's texts (the service's name is the municipality's, in Italian
    // where it has no German one).
    const remove = page.getByRole("button", { name: /^Entwurf löschen: / });
    const named = page.getByRole("button", { name: `Entwurf löschen: ${DOGS_NAME}` });
    await remove.first().waitFor();
    await screenshot(page, "drafts-list-de-390");
    await named.click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Entwurf löschen?").waitFor();
    await expectAccessible(page, "citizen: delete draft dialog, German, phone");
    await dialog.getByRole("button", { name: "Ja, löschen" }).click();
    const notice = page.getByTestId("practices-notice").filter({ hasText: "Entwurf gelöscht." });
    await notice.waitFor();
    await named.waitFor({ state: "detached" });
    // The row and the button that had the focus are gone: the focus is on what happened.
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "practices-notice");
    await expectAccessible(page, "citizen: a draft deleted from the list");
    assert.deepEqual(await openDrafts(token, service), []);
  } finally {
    await close();
  }
});
