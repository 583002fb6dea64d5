// What every end-to-end scenario needs: Debian's Chromium driven by playwright-core, pages that
// may not reach any origin but the Sportello server's, axe-core checks, login and screenshots.
import assert from "node:assert/strict";
import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { after } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const frontend = join(dirname(fileURLToPath(import.meta.url)), "..");
export const SCREENSHOTS = join(frontend, "screenshots");
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/** The Sportello server under test (started by e2e/run.mjs). */
export const base = (process.env.E2E_BASE_URL ?? "http://127.0.0.1:8000").replace(/\/$/, "");

/**
 * How far the server's clock is from the real one, in ms: run.mjs sets SPORTELLO_TEST_CLOCK_SHIFT
 * (seconds, as tests/clock.py reads it) when SPORTELLO_TEST_CLOCK chooses the instant to run at.
 */
const CLOCK_SHIFT_MS = Number(process.env.SPORTELLO_TEST_CLOCK_SHIFT ?? 0) * 1000;

/**
 * The current instant on the server's and the pages' clock (ms since the epoch). Whatever a
 * scenario reckons from dates must start here: this process's own Date.now() is not moved.
 */
export function now() {
  return Date.now() + CLOCK_SHIFT_MS;
}

let browserPromise;
function browser() {
  browserPromise ??= chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_FLAGS,
  });
  return browserPromise;
}

const foreignRequests = new WeakMap();
/** What the pages' Content Security Policy refused, by page: the apps must need nothing it forbids. */
const refusedByPolicy = new WeakMap();

/**
 * A fresh browser context (no cookies, no storage, the server's clock) and a page in it. Requests
 * to any origin other than the server's (and `allowOrigins`) are aborted and recorded; every check
 * below fails on them.
 */
export async function openPage({ allowOrigins = [], locale = "it-IT" } = {}) {
  const allowed = new Set([new URL(base).origin, ...allowOrigins]);
  const context = await (await browser()).newContext({ locale, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  // On a chosen clock the pages read the server's time; installed, Playwright's clock runs on at
  // the real pace from there, so countdowns and timers go on as usual.
  if (CLOCK_SHIFT_MS) await context.clock.install({ time: now() });
  const foreign = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (allowed.has(url.origin)) return route.continue();
    foreign.push(url.href);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  foreignRequests.set(page, foreign);
  trackTraffic(page);
  const refused = [];
  refusedByPolicy.set(page, refused);
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Content Security Policy")) refused.push(message.text());
  });
  const close = async () => {
    assertSameOrigin(page);
    await context.close();
  };
  return { browser: await browser(), context, page, base, close };
}

const traffic = new WeakMap();

function trackTraffic(page) {
  const state = { inFlight: 0, lastChange: Date.now() };
  const change = (delta) => {
    state.inFlight += delta;
    state.lastChange = Date.now();
  };
  page.on("request", () => change(1));
  page.on("requestfinished", () => change(-1));
  page.on("requestfailed", () => change(-1));
  traffic.set(page, state);
}

/**
 * Waits until the page has had no request in flight for `quietMs`. Unlike Playwright's
 * "networkidle", this also holds after client-side navigation, where the single-page apps
 * fetch their data without loading a document.
 */
export async function networkQuiet(page, quietMs = 600) {
  const state = traffic.get(page);
  while (state.inFlight > 0 || Date.now() - state.lastChange < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Fails when the page tried to reach another origin (a CDN, a font service, the renderer's assets), or did
 * something its Content Security Policy refused. */
export function assertSameOrigin(page) {
  const foreign = foreignRequests.get(page) ?? [];
  assert.deepEqual(foreign, [], `requests left the server's origin: ${foreign.join(", ")}`);
  const refused = refusedByPolicy.get(page) ?? [];
  assert.deepEqual(refused, [], `the page's Content Security Policy refused: ${refused.join(" | ")}`);
}

/** Logs in through the login page of an app (`/bugliano/` or `/bugliano/operator/`). */
export async function login(page, appPath, username, password) {
  await page.goto(`${base}${appPath}login`);
  await page.fill("#login-username", username);
  await page.fill("#login-password", password);
  // the login form's own button: the header may hold a search form too
  await page.click("form:has(#login-username) button[type=submit]");
  await page.waitForSelector("[data-testid=user-name]");
}

/**
 * axe-core on the page as it is now: zero violations of WCAG 2.1 levels A and AA. Also checks
 * that Bootstrap Italia 2.x is detectable (the national audit of municipal sites reads
 * `--bootstrap-italia-version`) and that nothing left the origin. Results are appended to
 * screenshots/axe-results.jsonl for the release note.
 */
export async function expectAccessible(page, label) {
  assertSameOrigin(page);
  await networkQuiet(page);
  // axe reads colours: a button half-way through a colour transition would be misjudged.
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
  // Evaluated through the DevTools protocol: the pages' CSP (script-src 'self') refuses an
  // inline <script>, and must keep doing so.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    AXE_TAGS,
  );
  const version = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue("--bootstrap-italia-version").trim(),
  );
  mkdirSync(SCREENSHOTS, { recursive: true });
  appendFileSync(
    join(SCREENSHOTS, "axe-results.jsonl"),
    JSON.stringify({
      label,
      url: page.url(),
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })),
      passes: result.passes?.length ?? null,
      bootstrapItalia: version,
    }) + "\n",
  );
  const described = result.violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.html.slice(0, 200)}\n      ${n.failureSummary ?? ""}`).join("\n    ")}`)
    .join("\n  ");
  assert.equal(result.violations.length, 0, `axe-core on ${label}:\n  ${described}`);
  assert.match(version, /^['"]?2\.\d+\.\d+/, `Bootstrap Italia 2.x not detectable on ${label}`);
}

/**
 * A screenshot under frontend/screenshots/ for people to look at (not committed): the full page,
 * or with `{ fullPage: false }` what the screen shows (a menu drawn over the page).
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** A GraphQL request to the server as `username` (or anonymous), for arranging a scenario. */
export async function graphql(tenant, query, variables = {}, token = null) {
  const response = await fetch(`${base}/${tenant}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

/** An access token for a demo user, through the public login mutation. */
export async function tokenFor(tenant, username, password) {
  const data = await graphql(
    tenant,
    "mutation($input: LoginInput!) { login(input: $input) { accessToken errors { message } } }",
    { input: { username, password } },
  );
  assert.deepEqual(data.login.errors, []);
  return data.login.accessToken;
}

export async function closeBrowser() {
  if (browserPromise) await (await browserPromise).close();
  browserPromise = undefined;
}

// One browser per spec file (node --test runs each file in its own process), closed at its end.
after(closeBrowser);
