// The server's own messages speak the interface's language: a wrong password on the login page is
// refused in Italian, and in German once the citizen switches to Deutsch (Bugliano writes its own
// texts in Italian and English only: the server's messages come in all three all the same).
import assert from "node:assert/strict";
import { test } from "node:test";

import { CITIZEN_APP } from "./flows.mjs";
import { base, expectAccessible, openPage, screenshot } from "./harness.mjs";

// No such account: the attempts count against no citizen's login throttle.
const NOBODY = "nessuno-e2e-lingue";
const MESSAGES = {
  it: "Nome utente o password non corretti.",
  en: "Wrong username or password.",
  de: "Benutzername oder Passwort ist falsch.",
};
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };

/** Logs in with a wrong password; the problems listed above the form once they show this answer. */
async function refusedLogin(page, before = "") {
  await page.fill("#login-username", NOBODY);
  await page.fill("#login-password", "non-questa");
  const answered = page.waitForResponse((response) => response.url().includes("/graphql") && response.request().method() === "POST");
  // the login form's own button: the header has a search form too
  await page.locator("form:has(#login-username) button[type=submit]").click();
  const response = await answered;
  assert.match(response.request().headers()["accept-language"] ?? "", /^(it|de)$/);
  const problems = page.getByTestId("problems");
  await problems.waitFor();
  // the list of the previous attempt stays until this answer replaces it
  await page
    .waitForFunction((text) => document.querySelector("[data-testid=problems]")?.innerText.trim() !== text, before.trim(), { timeout: 5_000 })
    .catch(() => {});
  return (await problems.innerText()).trim();
}

test("a wrong password is refused in the interface's language, never in English", async () => {
  const { page, close } = await openPage({ locale: "it-IT" });
  await page.setViewportSize(LAPTOP);
  await page.goto(`${base}${CITIZEN_APP}login`);

  const italian = await refusedLogin(page);
  assert.match(italian, /C'è un problema:/);
  assert.ok(italian.includes(MESSAGES.it), italian);
  assert.ok(!italian.includes(MESSAGES.en) && !italian.includes(MESSAGES.de), italian);
  await expectAccessible(page, "login refused in Italian");
  await screenshot(page, "server-languages-login-it");

  await page.selectOption("#ui-language", "de");
  await page.locator("h1", { hasText: "Anmelden" }).waitFor();
  const german = await refusedLogin(page, italian);
  assert.ok(german.includes(MESSAGES.de), german);
  assert.ok(!german.includes(MESSAGES.it) && !german.includes(MESSAGES.en), german);
  assert.doesNotMatch(german, /\b(wrong|password|username)\b/i);
  await expectAccessible(page, "login refused in German");
  await screenshot(page, "server-languages-login-de");

  await page.setViewportSize(PHONE);
  await expectAccessible(page, "login refused in German on a phone");
  await screenshot(page, "server-languages-login-de-phone");
  await close();
});
