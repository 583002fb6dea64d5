// Both apps on a phone (390 × 844): the main menu is a drawer behind a menu button, as in
// Bootstrap Italia's collapsible header, and every section is reachable from it.
import assert from "node:assert/strict";
import { test } from "node:test";

import { base, expectAccessible, login, openPage, screenshot } from "./harness.mjs";
import { CITIZEN_APP, OPERATOR, OPERATOR_APP } from "./flows.mjs";

const PHONE = { width: 390, height: 844 };

async function onPhone() {
  const opened = await openPage();
  await opened.page.setViewportSize(PHONE);
  return opened;
}

/** Opens the drawer with the menu button and checks what a screen reader and a keyboard get. */
async function openMenu(page, buttonName, menuName) {
  const toggle = page.getByRole("button", { name: buttonName });
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  await toggle.click();
  const menu = page.getByRole("dialog", { name: menuName });
  await menu.waitFor();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  return { toggle, menu };
}

test("on a phone a citizen opens the menu, reaches every section, and Esc closes it", async () => {
  const { page, close } = await onPhone();
  await login(page, CITIZEN_APP, "RSSMRA80A01H501U", "cittadino");
  await page.goto(`${base}${CITIZEN_APP}`);
  // Closed, the menu takes no room and its links are not shown.
  assert.equal(await page.getByRole("link", { name: "Le mie pratiche" }).isVisible(), false);

  const { toggle, menu } = await openMenu(page, "Apri il menu", "Navigazione principale");
  for (const name of ["Servizi", "Le mie pratiche", "Appuntamenti", "Sale e spazi"]) {
    assert.ok(await menu.getByRole("link", { name }).isVisible(), `${name} is in the phone menu`);
  }
  await expectAccessible(page, "citizen menu open on a phone");
  await screenshot(page, "phone-menu", { fullPage: false });

  // Focus stays in the open menu: tabbing past its last link comes back to its first control.
  const focusable = await menu.locator("a[href], button").count();
  for (let step = 0; step < focusable + 1; step += 1) await page.keyboard.press("Tab");
  assert.ok(await menu.evaluate((element) => element.contains(document.activeElement)), "focus left the open menu");

  // Esc closes it and gives focus back to the menu button.
  await page.keyboard.press("Escape");
  await menu.waitFor({ state: "hidden" });
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-controls") === "main-menu");

  // A link followed from the menu opens the page and closes the menu.
  await openMenu(page, "Apri il menu", "Navigazione principale");
  await page.getByRole("dialog").getByRole("link", { name: "Le mie pratiche" }).click();
  await page.waitForURL(/\/pratiche$/);
  await page.getByRole("dialog").waitFor({ state: "hidden" });
  await page.getByRole("heading", { level: 1, name: "Le mie pratiche" }).waitFor();
  await close();
});

test("on a phone the menu speaks the chosen language and the close button closes it", async () => {
  const { page, close } = await onPhone();
  await page.goto(`${base}${CITIZEN_APP}`);
  await page.selectOption("#ui-language", "de");
  const { menu } = await openMenu(page, "Menü öffnen", "Hauptnavigation");
  await menu.getByRole("button", { name: "Menü schließen" }).click();
  await menu.waitFor({ state: "hidden" });
  await close();
});

test("on a phone an operator reaches the queue and the agenda from the menu", async () => {
  const { page, close } = await onPhone();
  await login(page, OPERATOR_APP, ...OPERATOR);
  const { menu } = await openMenu(page, "Apri il menu", "Navigazione principale");
  const links = await menu.getByRole("link").allInnerTexts();
  assert.ok(links.length >= 2, links.join(", "));
  await expectAccessible(page, "operators' menu open on a phone");
  await menu.getByRole("link").nth(1).click();
  await page.getByRole("dialog").waitFor({ state: "hidden" });
  assert.ok(new URL(page.url()).pathname.startsWith(OPERATOR_APP));
  await close();
});
