// Download links are signed for a few minutes (15 s on the server run.mjs starts): a link clicked
// after its signature expired still downloads, because the app signs a fresh one on the click; the
// stale address opened directly explains itself in the reader's language; a file that is gone
// says so in the app. The scenario waits until the server's clock is past the link's own expiry
// (read from the link), so it holds whatever lifetime the server was given.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";

import { choose, CITIZEN_APP, deleteOpenDraft, SERVICE, TENANT, waitForForm } from "./flows.mjs";
import { base, expectAccessible, graphql, login, now, openPage, screenshot, tokenFor } from "./harness.mjs";

const MARIO = ["RSSMRA80A01H501U", "cittadino"];
const REPORT_PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const CERTIFICATES = {
  givenName: "Mario",
  familyName: "Rossi",
  fiscalCode: "RSSMRA80A01H501U",
  email: "mario.rossi@example.it",
  certificates: { residenza: true, famiglia: false, cittadinanza: false, esistenza: false },
  stamp: "bollo",
  copies: 1,
  truthfulness: true,
  privacy: true,
};

/** Mario's certificate request, sent through the API: its id and receipt. */
async function sentPractice(token) {
  const serviceId = await deleteOpenDraft(token, "certificati-anagrafici");
  const { savePracticeDraft } = await graphql(
    TENANT,
    "mutation($input: SavePracticeDraftInput!) { savePracticeDraft(input: $input) { practice { id } errors { message } } }",
    { input: { serviceId, data: CERTIFICATES } },
    token,
  );
  assert.deepEqual(savePracticeDraft.errors, []);
  const { submitPractice } = await graphql(
    TENANT,
    "mutation($input: SubmitPracticeInput!) { submitPractice(input: $input) { practice { id receipt { name } } errors { message } } }",
    { input: { id: savePracticeDraft.practice.id } },
    token,
  );
  assert.deepEqual(submitPractice.errors, []);
  return submitPractice.practice;
}

/** Waits until the server's clock is past the expiry signed into a download link. */
async function outlive(href) {
  const token = href.split("/").pop();
  const { exp } = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
  const wait = exp * 1000 + 1500 - now();
  console.log(`downloads: waiting ${Math.max(0, wait / 1000).toFixed(1)} s for the link to expire`);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

test("a receipt link clicked after its signature expired still downloads; the stale address explains itself", async () => {
  const practice = await sentPractice(await tokenFor(TENANT, ...MARIO));
  const { page, close } = await openPage();
  let href;
  try {
    await login(page, CITIZEN_APP, ...MARIO);
    await page.goto(`${base}${CITIZEN_APP}pratiche/${encodeURIComponent(practice.id)}`);
    const link = page.getByTestId("practice-receipt").getByRole("link");
    href = new URL(await link.getAttribute("href"), base).href;
    await outlive(href);

    // The address the page was given is refused now...
    const stale = await page.request.get(href, { headers: { "Accept-Language": "it" } });
    assert.equal(stale.status(), 403);
    assert.equal((await stale.json()).code, "LINK_EXPIRED");
    // ...but the click asks for a fresh one: the receipt downloads.
    const downloading = page.waitForEvent("download");
    await link.click();
    const download = await downloading;
    assert.equal(download.suggestedFilename(), practice.receipt.name);
    assert.equal((await readFile(await download.path())).subarray(0, 5).toString(), "%PDF-");
    assert.equal(await page.getByTestId("download-failure").count(), 0);
  } finally {
    await close();
  }

  // Opened directly (a bookmark, a copied address), the stale link says what happened, in the
  // reader's language, with a way back.
  for (const [locale, heading, back] of [
    ["en-GB", "The download link has expired", "Go to the service desk"],
    ["de-DE", "Der Download-Link ist abgelaufen", "Zum Bürgerservice"],
  ]) {
    const opened = await openPage({ locale });
    try {
      const response = await opened.page.goto(href);
      assert.equal(response.status(), 403);
      await opened.page.getByRole("heading", { level: 1, name: heading }).waitFor();
      assert.equal(await opened.page.getAttribute("html", "lang"), locale.slice(0, 2));
      await opened.page.getByRole("link", { name: back }).waitFor();
      await expectAccessible(opened.page, `download link expired (${locale})`);
      await screenshot(opened.page, `download-expired-${locale}`);
    } finally {
      await opened.close();
    }
  }
});

test("a file of a draft deleted meanwhile says so in the app, in the person's language", async () => {
  const token = await tokenFor(TENANT, ...MARIO);
  await deleteOpenDraft(token, SERVICE);
  const { page, close } = await openPage();
  try {
    await login(page, CITIZEN_APP, ...MARIO);
    await page.goto(`${base}${CITIZEN_APP}servizi/${SERVICE}/domanda`);
    await waitForForm(page);
    await choose(page, "Smarrimento o furto");
    const chooser = page.waitForEvent("filechooser");
    await page.locator(".formio-component-report").getByRole("link", { name: /Sfoglia/ }).click();
    await (await chooser).setFiles({ name: "denuncia.pdf", mimeType: "application/pdf", buffer: REPORT_PDF });
    const fileLink = page.locator(".formio-component-report").getByRole("link", { name: /denuncia\.pdf/ });
    await fileLink.first().waitFor();
    await page.getByRole("button", { name: "Salva bozza" }).click();
    await page.getByText("Bozza salvata.").waitFor();

    // The file in the form downloads under a fresh link.
    const downloading = page.waitForEvent("download");
    await fileLink.first().click();
    const download = await downloading;
    assert.equal(download.suggestedFilename(), "denuncia.pdf");
    assert.equal((await readFile(await download.path())).subarray(0, 5).toString(), "%PDF-");

    // The draft is deleted elsewhere (another tab, through the API): the file goes with it.
    await deleteOpenDraft(token, SERVICE);
    await fileLink.first().click();
    const failure = page.getByTestId("download-failure");
    await failure.filter({ hasText: "Non è possibile scaricare «denuncia.pdf»: il file non esiste più" }).waitFor();
    await expectAccessible(page, "citizen: a file that is gone");
    await screenshot(page, "download-file-gone");
  } finally {
    await close();
  }
});
