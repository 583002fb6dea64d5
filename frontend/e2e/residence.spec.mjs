// A citizen who moves alone: the "Cambio di residenza" form's family grid starts empty, and the
// application is sent without listing anyone.
import assert from "node:assert/strict";
import { test } from "node:test";

import { base, expectAccessible, login, openPage, screenshot } from "./harness.mjs";
import { CITIZEN_APP, choose, field } from "./flows.mjs";

/** The smallest PDF a sniffer recognises (the form takes PDF, JPEG or PNG). */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

test("a citizen moving alone submits the residence change with no family members", async () => {
  const { page, close } = await openPage();
  await login(page, CITIZEN_APP, "VRDLCU92L20E715F", "cittadino");
  await page.goto(`${base}${CITIZEN_APP}servizi/cambio-residenza/domanda`);
  const grid = page.locator(".formio-component-familyMembers");
  await grid.waitFor();
  // The grid starts with no row: nothing to remove, and no required field of a member to fill.
  assert.equal(await grid.locator("tbody tr").count(), 0);
  assert.equal(await grid.locator(`[name^="data[familyMembers]"]`).count(), 0);

  // A row added by mistake can be removed again, and the renderer says so in Italian.
  await grid.getByRole("button", { name: /Aggiungi/ }).click();
  assert.equal(await grid.locator("tbody tr").count(), 1);
  await grid.getByRole("button", { name: /Rimuovi/ }).click();
  await page.waitForFunction(() => document.querySelectorAll(".formio-component-familyMembers tbody tr").length === 0);
  const announced = await page.locator("[aria-live]").allInnerTexts();
  assert.ok(!announced.join(" ").includes("Row has been deleted"), announced.join(" | "));

  // The form knows who applies: name, fiscal code, birth date (day first) and contacts come
  // from the profile; a password login may still correct them.
  assert.equal(await field(page, "name").inputValue(), "Luca");
  assert.equal(await field(page, "surname").inputValue(), "Verdi");
  assert.equal(await field(page, "fiscalCode").inputValue(), "VRDLCU92L20E715F");
  assert.equal(await field(page, "phone").inputValue(), "+39 320 5550123", "as written, without a US mask");
  assert.ok(await field(page, "name").isEditable());
  const birthParts = await page.locator(".formio-component-birthDate").locator("input:not([type=hidden]), select").evaluateAll(
    (inputs) => inputs.map((input) => input.id.replace(/.*-/, "")),
  );
  assert.deepEqual(birthParts.slice(0, 2), ["day", "month"], "the day comes first");

  for (const [key, value] of [
    ["name", "Luca"],
    ["surname", "Verdi"],
    ["fiscalCode", "VRDLCU92L20E715F"],
    ["email", "luca.verdi@example.it"],
    ["newAddress][street", "Via dei Mille"],
    ["newAddress][houseNumber", "12"],
    ["newAddress][zip", "56010"],
  ]) {
    // Form.io names a container's fields data[container][field].
    const input = field(page, key);
    if ((await input.inputValue()) === "" && (await input.isEditable())) await input.fill(value);
  }
  const birth = page.locator(".formio-component-birthDate");
  if (await birth.locator("input:not([type=hidden]), select").first().isEditable()) {
    await birth.locator('[ref="day"], [id$="-day"]').first().fill("20");
    await birth.locator('select[ref="month"], select[id$="-month"]').first().selectOption("7");
    await birth.locator('[ref="year"], [id$="-year"]').first().fill("1992");
  }
  await choose(page, "Proprietario");
  const chooser = page.waitForEvent("filechooser");
  await page.locator(".formio-component-identityDocument").getByRole("link", { name: /Sfoglia/ }).click();
  await (await chooser).setFiles({ name: "documento.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.locator(".sportello-form").getByText("documento.pdf").first().waitFor();
  await page.getByLabel(/Ho letto l'informativa/).check();
  await page.getByRole("button", { name: "Invia", exact: true }).click();
  const confirmation = page.getByTestId("practice-confirmation");
  const problems = page.getByTestId("form-problems");
  await confirmation.or(problems).first().waitFor();
  assert.equal(await problems.count(), 0, await problems.allInnerTexts().then((texts) => texts.join(" | ")));
  assert.match((await confirmation.getByTestId("practice-number").innerText()).trim(), /^\d{4}\/\d{6}$/);
  await expectAccessible(page, "residence change sent with no family members");
  await screenshot(page, "residence-change-alone");
  await close();
});
