// The frame every page shares: header, footer, language switch, login, accessibility statement.
import assert from "node:assert/strict";
import { test } from "node:test";

import { base, expectAccessible, login, openPage, screenshot } from "./harness.mjs";

test("the accessibility statement is reachable from every page's footer and passes axe", async () => {
  const { page, close } = await openPage();
  await page.goto(`${base}/bugliano/`);
  await page.getByRole("link", { name: "Dichiarazione di accessibilità" }).click();
  await page.getByRole("heading", { level: 1, name: "Dichiarazione di accessibilità" }).waitFor();
  await expectAccessible(page, "accessibility statement");
  await close();
});

test("the interface language is switched and remembered across reloads", async () => {
  const { page, close } = await openPage();
  await page.goto(`${base}/bugliano/accessibilita`);
  await page.selectOption("#ui-language", "de");
  await page.getByRole("heading", { level: 1, name: "Erklärung zur Barrierefreiheit" }).waitFor();
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Erklärung zur Barrierefreiheit" }).waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "de");
  await close();
});

test("a wrong password is refused with a message, the right one logs in", async () => {
  const { page, close } = await openPage();
  await page.goto(`${base}/bugliano/login`);
  await page.fill("#login-username", "RSSMRA80A01H501U");
  await page.fill("#login-password", "sbagliata");
  await page.click("form:has(#login-username) button[type=submit]");
  await page.getByTestId("problems").waitFor();
  await expectAccessible(page, "login page with an error");
  await screenshot(page, "login");
  await login(page, "/bugliano/", "RSSMRA80A01H501U", "cittadino");
  assert.match(await page.getByTestId("user-name").innerText(), /Mario Rossi/i);
  await close();
});
