// How long the citizen area takes to become usable on a slow phone: the catalogue (the first
// service card on screen) and a service's form (its first field rendered and enabled), each
// loaded with an empty cache in Debian's Chromium under Lighthouse's "Slow 4G" conditions
// (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and a CPU slowed 4 times, through the
// DevTools protocol. Prints the median of the runs and the bytes on the wire against the bytes
// the pages decoded, by file.
//
//   npm run load-time [-- --runs 5] [-- --plain]     (after `npm run build`)
//   E2E_BASE_URL=http://127.0.0.1:8000 npm run load-time   (a server already running, with demo data)
//
// Without E2E_BASE_URL it starts `sportello serve --migrate --demo` as the end-to-end scenarios do
// (e2e/server.mjs; SPORTELLO_FRONTEND_DIR chooses another build). `--plain` asks for no content
// coding (`Accept-Encoding: identity`), to see what compression saves on the same server.
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

import { startServer } from "../e2e/server.mjs";

const TENANT = "bugliano";
const CITIZEN = ["RSSMRA80A01H501U", "cittadino"];
/** Lighthouse's mobile "Slow 4G" (throttling.mobileSlow4G) and its 4× CPU slowdown. */
const SLOW_4G = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
/** Lighthouse's mobile screen (a Moto G Power). */
const SCREEN = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

const PAGES = [
  { name: "catalogue", path: `/${TENANT}/`, usable: "[data-testid=service-card]", login: false },
  {
    name: "form",
    path: `/${TENANT}/servizi/carta-identita-elettronica/domanda`,
    usable: '.sportello-form [name="data[givenName]"]:not([disabled])',
    login: true,
  },
];

/**
 * Runs in the page before its own scripts: records the moment the `usable` element is on screen
 * and the page can answer input, i.e. the first task after the frame that painted it.
 */
function watchUsable(selector) {
  window.__usableAt = new Promise((resolve) => {
    const check = () => {
      const element = document.querySelector(selector);
      const box = element?.getBoundingClientRect();
      if (box && box.width > 0 && box.height > 0) {
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
      } else {
        requestAnimationFrame(check);
      }
    };
    requestAnimationFrame(check);
  });
}

/** A citizen's session the way the app keeps it (src/shared/session.ts), from the login mutation. */
async function citizenSession(base) {
  const response = await fetch(`${base}/${TENANT}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: "mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken expiresIn } }",
      variables: { input: { username: CITIZEN[0], password: CITIZEN[1] } },
    }),
  });
  const { accessToken, refreshToken, expiresIn } = (await response.json()).data.login;
  return { accessToken, refreshToken, expiresAt: Date.now() + expiresIn * 1000 };
}

/** Per request: its URL, content coding, bytes on the wire (headers included) and bytes decoded. */
function countBytes(cdp) {
  const requests = new Map();
  const entry = (id) => requests.get(id) ?? requests.set(id, { url: "", encoding: "", wire: 0, decoded: 0 }).get(id);
  cdp.on("Network.responseReceived", ({ requestId, response }) => {
    const headers = Object.fromEntries(Object.entries(response.headers).map(([key, value]) => [key.toLowerCase(), value]));
    Object.assign(entry(requestId), { url: response.url, encoding: headers["content-encoding"] ?? "" });
  });
  cdp.on("Network.dataReceived", ({ requestId, dataLength }) => {
    entry(requestId).decoded += dataLength;
  });
  cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength }) => {
    entry(requestId).wire = encodedDataLength;
  });
  return requests;
}

async function measure(browser, base, page, { throttle, plain, session }) {
  const context = await browser.newContext({ ...SCREEN, locale: "it-IT" });
  if (session) {
    await context.addInitScript(
      ([key, value]) => window.localStorage.setItem(key, value),
      [`sportello:${TENANT}:session`, JSON.stringify(session)],
    );
  }
  await context.addInitScript(watchUsable, page.usable);
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (plain) await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": "identity" } });
  if (throttle) {
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...SLOW_4G });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  }
  const requests = countBytes(cdp);
  await tab.goto(`${base}${page.path}`, { waitUntil: "commit" });
  const usable = await tab.evaluate(() => window.__usableAt);
  const fcp = await tab.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0);
  await context.close();
  const files = [...requests.values()].filter((request) => request.url);
  return { usable, fcp, files };
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const kilobytes = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function report(page, runs) {
  const times = runs.map((run) => run.usable);
  const last = runs.at(-1).files;
  const wire = last.reduce((sum, file) => sum + file.wire, 0);
  const decoded = last.reduce((sum, file) => sum + file.decoded, 0);
  console.log(
    `${page.name} ${page.path}: usable after ${seconds(median(times))} (runs: ${times.map(seconds).join(", ")}), ` +
      `first contentful paint ${seconds(median(runs.map((run) => run.fcp)))}`,
  );
  console.log(`  ${last.length} requests, ${kilobytes(wire)} transferred, ${kilobytes(decoded)} uncompressed; the largest:`);
  for (const file of [...last].sort((a, b) => b.wire - a.wire).slice(0, 6)) {
    const path = new URL(file.url).pathname;
    const name = path.length > 52 ? `…${path.slice(-51)}` : path;
    console.log(`    ${name.padEnd(52)} ${(file.encoding || "-").padEnd(5)} ${kilobytes(file.wire).padStart(9)} ${kilobytes(file.decoded).padStart(9)}`);
  }
}

const { values } = parseArgs({
  options: { runs: { type: "string", default: "3" }, plain: { type: "boolean", default: false } },
});
const runs = Number(values.runs);
const external = process.env.E2E_BASE_URL?.replace(/\/$/, "");
const server = external ? { url: external, stop: async () => {} } : await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run"],
});
try {
  const session = await citizenSession(server.url);
  console.log(
    `Slow 4G (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up), CPU ${CPU_SLOWDOWN}× slower, ${SCREEN.viewport.width}×${SCREEN.viewport.height}, ` +
      `empty cache, median of ${runs}; Accept-Encoding: ${values.plain ? "identity" : "Chromium's own"}`,
  );
  for (const page of PAGES) {
    const options = { plain: values.plain, session: page.login ? session : null };
    // One unthrottled load first: the server's first answers (stylesheet, caches) are not the subject.
    await measure(browser, server.url, page, { ...options, throttle: false });
    const results = [];
    for (let run = 0; run < runs; run += 1) results.push(await measure(browser, server.url, page, { ...options, throttle: true }));
    report(page, results);
  }
} finally {
  await browser.close();
  await server.stop();
}
