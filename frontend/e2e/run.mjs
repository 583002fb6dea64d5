// Runs the end-to-end scenarios: starts `sportello serve --migrate --demo` on a free port with a
// fresh data directory (its own embedded PostgreSQL, MongoDB-protocol and Redis servers) serving
// the built frontend, runs the spec files with node's test runner, then stops the server.
//
//   node e2e/run.mjs [spec files…]        (default: every e2e/*.spec.mjs)
//   E2E_BASE_URL=http://127.0.0.1:8000 node e2e/run.mjs …   (use a server already running)
//   SPORTELLO_TEST_CLOCK=2026-12-24T11:55:00+01:00 node e2e/run.mjs …   (run as if it were then)
//
// On a chosen clock the server starts through tests/clocked.py, the browser contexts get
// Playwright's clock (harness.mjs), and both run on from that instant at the real pace.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { startServer } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const CLOCK = "SPORTELLO_TEST_CLOCK";
const SHIFT = "SPORTELLO_TEST_CLOCK_SHIFT";

/**
 * Seconds the scenarios' clock is ahead of the real one, or null on the real clock. As in
 * tests/clock.py, a shift already in the environment wins (a child of a clocked session);
 * otherwise SPORTELLO_TEST_CLOCK is read, and the shift is put in the environment that the
 * server and the scenarios inherit, so that they start from the same instant.
 */
function clockShift() {
  if (process.env[SHIFT]) return Number(process.env[SHIFT]);
  const wanted = process.env[CLOCK];
  if (!wanted) return null;
  // Without an offset the instant would be read in this machine's zone, and Python refuses it.
  const instant = /(Z|[+-]\d\d:?\d\d)$/.test(wanted) ? Date.parse(wanted) : NaN;
  if (Number.isNaN(instant)) throw new Error(`${CLOCK} must be an ISO 8601 instant with its UTC offset, e.g. 2026-12-24T11:55:00+01:00`);
  if (process.env.E2E_BASE_URL) throw new Error(`${CLOCK} moves the server this script starts, not the one at E2E_BASE_URL`);
  const shift = (instant - Date.now()) / 1000;
  process.env[SHIFT] = String(shift);
  return shift;
}

const specs = process.argv.slice(2);
const files = specs.length
  ? specs
  : readdirSync(here).filter((name) => name.endsWith(".spec.mjs")).sort().map((name) => join(here, name));

const shift = clockShift();
if (shift !== null) console.log(`e2e: clock at ${new Date(Date.now() + shift * 1000).toISOString()} (${shift.toFixed(0)} s from now)`);
const external = process.env.E2E_BASE_URL;
// Download links live 15 s instead of 5 minutes, so that downloads.spec.mjs waits past a link's
// expiry in seconds (a server at E2E_BASE_URL keeps its own setting: the scenario waits that long).
process.env.SPORTELLO_DOWNLOAD_LINK_SECONDS ??= "15";
const server = external ? { url: external, stop: async () => {} } : await startServer(shift);
let code = 1;
try {
  const tests = spawn(
    process.execPath,
    ["--test", "--test-concurrency=1", "--test-reporter=spec", ...files],
    { stdio: "inherit", env: { ...process.env, E2E_BASE_URL: server.url } },
  );
  code = await new Promise((resolve) => tests.once("exit", (status) => resolve(status ?? 1)));
} finally {
  await server.stop();
}
process.exit(code);
