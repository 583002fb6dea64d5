// The whole journey of a practice across the two apps: a citizen submits it through the real
// Form.io form, an operator accepts it in the operators' app, the citizen sees the outcome.
import assert from "node:assert/strict";
import { test } from "node:test";

import { acceptPracticeAsOperator, submitPracticeAsCitizen } from "./flows.mjs";
import { expectAccessible, openPage, screenshot } from "./harness.mjs";

test("a citizen submits a practice, an operator accepts it, the citizen sees the outcome", async () => {
  const citizen = await openPage();
  const office = await openPage();
  try {
    const { number, url } = await submitPracticeAsCitizen(citizen.page, { username: "VRDLCU92L20E715F" });

    const reason = `Documento pronto per il ritiro (${number})`;
    await acceptPracticeAsOperator(office.page, number, reason);
    await expectAccessible(office.page, "operator: practice accepted");

    await citizen.page.goto(url);
    const outcome = citizen.page.getByTestId("practice-outcome");
    await outcome.waitFor();
    assert.match(await outcome.innerText(), new RegExp(`Accolta.*${reason.replace(/[()]/g, "\\$&")}`, "s"));
    await expectAccessible(citizen.page, "citizen: practice accepted");
    await screenshot(citizen.page, "citizen-practice-accepted");
  } finally {
    await citizen.close();
    await office.close();
  }
});
