// What a browser downloads: the app's scripts and stylesheets in brotli (the build's and the theme
// compile's precompressed copies), the catalogue's GraphQL answers in gzip, and the municipality's
// first query fetched by the page itself while the scripts load (server/preload.py), which the
// app's own request then finds instead of asking the server again.
import assert from "node:assert/strict";
import { test } from "node:test";

import { CITIZEN_APP, SERVICE, waitForForm } from "./flows.mjs";
import { base, expectAccessible, login, openPage, screenshot } from "./harness.mjs";

/** Every response of the page from the server, with its Content-Encoding and the bytes it took. */
function watchResponses(page) {
  const seen = [];
  page.on("response", async (response) => {
    const url = new URL(response.url());
    if (url.origin !== base) return;
    const headers = await response.allHeaders();
    seen.push({ path: url.pathname, search: url.search, encoding: headers["content-encoding"] ?? "", status: response.status() });
  });
  return seen;
}

/** The requests for the municipality's first query (`Tenant`) that went to the network, and who asked. */
async function watchTenantQueries(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const sent = [];
  cdp.on("Network.requestWillBeSent", ({ request, initiator, type }) => {
    if (request.url.includes("operationName=Tenant&")) sent.push({ initiator: initiator.type, type });
  });
  return sent;
}

const assets = (seen, pattern) => seen.filter(({ path }) => pattern.test(path));

test("the catalogue's scripts and stylesheets arrive in brotli, its data in gzip, the municipality preloaded", async () => {
  const { context, page, close } = await openPage();
  const seen = watchResponses(page);
  const tenantQueries = await watchTenantQueries(context, page);
  await page.goto(`${base}${CITIZEN_APP}`);
  await page.getByTestId("service-card").first().waitFor();
  await expectAccessible(page, "citizen catalogue, compressed");

  const scripts = assets(seen, /^\/app\/assets\/.+\.js$/);
  const stylesheets = assets(seen, /^\/app\/assets\/.+\.css$|^\/bugliano\/theme\.css$/);
  assert.ok(scripts.length >= 2, `the app's scripts: ${scripts.map(({ path }) => path).join(", ")}`);
  assert.ok(stylesheets.some(({ path }) => path === "/bugliano/theme.css"), "the municipality's stylesheet");
  for (const { path, encoding } of [...scripts, ...stylesheets]) {
    assert.equal(encoding, "br", `${path} came with Content-Encoding: ${encoding || "none"}`);
  }
  const services = seen.find(({ search }) => search.includes("operationName=CatalogueServices"));
  assert.equal(services?.encoding, "gzip", "the list of services, a GraphQL answer over 1 kB");

  // One request for the municipality, made by the page's preload: the app's own used its answer.
  assert.deepEqual(tenantQueries.map(({ initiator }) => initiator), ["parser"], JSON.stringify(tenantQueries));
  await close();
});

test("a service's form comes with the renderer in brotli and looks right on a phone and a desktop", async () => {
  const { page, close } = await openPage();
  const seen = watchResponses(page);
  await login(page, CITIZEN_APP, "RSSMRA80A01H501U", "cittadino");
  for (const [width, height] of [[1366, 900], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await page.goto(`${base}${CITIZEN_APP}servizi/${SERVICE}/domanda`);
    await waitForForm(page);
    await expectAccessible(page, `service form, ${width} px`);
    await screenshot(page, `compression-form-${width}`);
  }
  const renderer = assets(seen, /^\/app\/assets\/renderer-.+\.(js|css)$/);
  assert.ok(renderer.length >= 2, `the renderer's script and stylesheet: ${renderer.map(({ path }) => path).join(", ")}`);
  for (const { path, encoding } of renderer) assert.equal(encoding, "br", `${path} came with ${encoding || "no encoding"}`);
  await close();
});
