// The operators' work queue on real screens: at 1366×800 the results come first under a compact
// filter bar; statuses are chosen by keyboard in a drop-down of checkboxes; the filters applied
// are chips that remove them; on a 390 px phone each row is a card the page shows whole.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";

import { openAsOperator, queueLoaded } from "./flows.mjs";
import { expectAccessible, networkQuiet, openPage, screenshot, SCREENSHOTS } from "./harness.mjs";

const LAPTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };

/** The statuses the rows show, top to bottom. */
function rowStatuses(page) {
  return page.getByTestId("queue-row").getByTestId("practice-status").allInnerTexts();
}

/** The page scrolls sideways: something is wider than the screen. */
function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** Presses Tab until the focus is on the checkbox whose label starts with `name`; fails after `limit` presses. */
async function tabTo(page, name, limit = 30) {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => {
      const focused = document.activeElement;
      return focused instanceof HTMLInputElement ? (focused.labels?.[0]?.textContent ?? "") : "";
    });
    if (label.startsWith(name)) return;
  }
  assert.fail(`Tab never reached the checkbox ${name}`);
}

/** Ticks the focused checkbox with Space and waits until the page shows it ticked, as a person would. */
async function tickFocused(page) {
  await page.keyboard.press("Space");
  await page.waitForFunction(() => document.activeElement instanceof HTMLInputElement && document.activeElement.checked);
}

test("at 1366×800 the first results show without scrolling, in every language", async () => {
  const { page, close } = await openPage();
  await page.setViewportSize(LAPTOP);
  await openAsOperator(page);
  await queueLoaded(page);
  for (const language of ["it", "en", "de"]) {
    await page.selectOption("#ui-language", language);
    await networkQuiet(page); // the rows come again in the language chosen
    await queueLoaded(page);
    await page.getByTestId("queue-row").first().waitFor();
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    const row = await page.getByTestId("queue-row").first().boundingBox();
    assert.ok(row && row.y + row.height <= LAPTOP.height, `${language}: the first row ends at ${row && row.y + row.height} px`);
    await page.screenshot({ path: join(SCREENSHOTS, `operator-queue-1366-${language}.png`) });
  }
  await page.selectOption("#ui-language", "it");
  await networkQuiet(page);
  await queueLoaded(page);
  // The open work by default: no closed practice among the rows.
  const statuses = await rowStatuses(page);
  assert.ok(statuses.length > 0);
  assert.ok(statuses.every((status) => !/^(Accolta|Respinta|Ritirata|Revocata)/.test(status)), statuses.join());
  assert.equal(await page.getByRole("button", { name: "Stati: aperte" }).count(), 1);
  await expectAccessible(page, "operator: work queue at 1366×800");
  await close();
});

test("two statuses chosen by keyboard, then a chip removes one of them", async () => {
  const { page, close } = await openPage();
  await page.setViewportSize(LAPTOP);
  await openAsOperator(page);
  await queueLoaded(page);
  const menu = page.locator("#queue-statuses-button");
  assert.equal(await menu.innerText(), "Stati: aperte ▾");
  await menu.focus();
  await page.keyboard.press("Enter");
  assert.equal(await menu.getAttribute("aria-expanded"), "true");
  await tabTo(page, "Acquisita");
  await tickFocused(page);
  await page.waitForURL((url) => url.searchParams.getAll("stato").join() === "SUBMITTED");
  await tabTo(page, "In lavorazione");
  await tickFocused(page);
  await page.waitForURL((url) => url.searchParams.getAll("stato").join() === "SUBMITTED,PENDING");
  await queueLoaded(page);
  // The drop-down stayed open through both choices, over the results.
  assert.equal(await menu.getAttribute("aria-expanded"), "true");
  await expectAccessible(page, "operator: status drop-down open");
  await screenshot(page, "operator-queue-statuses");
  await page.keyboard.press("Escape");
  assert.equal(await menu.getAttribute("aria-expanded"), "false");
  assert.equal(await menu.innerText(), "Stati: 2 scelti ▾");
  assert.ok(await menu.evaluate((button) => button === document.activeElement), "the focus is back on the drop-down's button");
  const both = await rowStatuses(page);
  assert.ok(both.includes("Acquisita") && both.includes("In lavorazione"), both.join());
  assert.ok(both.every((status) => status === "Acquisita" || status === "In lavorazione"), both.join());

  const chips = page.getByTestId("queue-chips");
  assert.deepEqual(await chips.locator(".chip-label").allInnerTexts(), ["Stati: Acquisita", "Stati: In lavorazione"]);
  await chips.getByRole("button", { name: "Rimuovi il filtro Stati: Acquisita" }).click();
  await page.waitForURL((url) => url.searchParams.getAll("stato").join() === "PENDING");
  await queueLoaded(page);
  assert.deepEqual(await chips.locator(".chip-label").allInnerTexts(), ["Stati: In lavorazione"]);
  const left = await rowStatuses(page);
  assert.ok(left.length > 0 && left.every((status) => status === "In lavorazione"), left.join());
  await expectAccessible(page, "operator: queue with a filter chip");

  // The last chip gone, the queue is the open work again.
  await chips.getByRole("button", { name: "Rimuovi il filtro Stati: In lavorazione" }).click();
  await page.waitForURL((url) => !url.search.includes("stato="));
  await queueLoaded(page);
  assert.equal(await page.getByTestId("queue-chips").count(), 0);
  await close();
});

test("on a 390 px phone each practice is a readable card and nothing scrolls sideways", async () => {
  const { page, close } = await openPage();
  await page.setViewportSize(PHONE);
  await openAsOperator(page);
  await queueLoaded(page);
  assert.equal(await scrollsSideways(page), false);
  const row = page.getByTestId("queue-row").first();
  const box = await row.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, `the first card spans ${box?.x}–${box && box.x + box.width} px`);
  // Every cell says which column it is, before its value.
  const labelled = await row.locator("td, th").evaluateAll((cells) =>
    cells.map((cell) => [getComputedStyle(cell, "::before").content, cell.getBoundingClientRect().width > 0]),
  );
  assert.deepEqual(labelled.map(([label]) => label), [
    '"Numero"', '"Servizio"', '"Richiedente"', '"Stato"', '"Inviata il"', '"Modificata il"', '"Assegnata a"', '"Messaggi non letti"',
  ]);
  assert.ok(labelled.every(([, shown]) => shown));
  await expectAccessible(page, "operator: work queue on a phone");
  await screenshot(page, "operator-queue-phone");

  // A drop-down opens inside the page's width.
  await page.getByRole("button", { name: "Stati: aperte" }).click();
  await page.getByTestId("queue-statuses").locator("label", { hasText: /^In lavorazione \(/ }).click();
  await page.waitForURL(/stato=PENDING/);
  await queueLoaded(page);
  assert.equal(await scrollsSideways(page), false);
  await page.getByRole("button", { name: "Filtri", exact: true }).click();
  assert.equal(await scrollsSideways(page), false);
  await expectAccessible(page, "operator: queue filters on a phone");
  await screenshot(page, "operator-queue-phone-filters");
  await close();
});
