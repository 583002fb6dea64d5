// Starts `sportello serve --migrate --demo` on a free port with a fresh data directory (its own
// embedded PostgreSQL, MongoDB-protocol and Redis servers) serving the built frontend: for the
// end-to-end scenarios (run.mjs) and the load-time measurement (scripts/load-time.mjs).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const STORE_URLS = ["DATABASE_URL", "MONGODB_URL", "REDIS_URL"];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url, server, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`sportello serve exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`sportello serve not healthy after ${seconds} s`);
}

/**
 * The server, healthy, and how to stop it: `{ url, stop }`. `shift` (seconds, or null for the real
 * clock) starts it through tests/clocked.py, with the worker apart on the same clock.
 */
export async function startServer(shift = null) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "sportello-e2e-"));
  const env = { ...process.env, SPORTELLO_DATA_DIR: dataDir, SPORTELLO_LOG_LEVEL: "WARNING" };
  env.SPORTELLO_FRONTEND_DIR ??= join(here, "..", "dist");
  // The scenarios run on the embedded stack, whatever the caller's store URLs say.
  for (const name of STORE_URLS) delete env[name];
  const started = Date.now();
  const options = { cwd: repo, env, stdio: ["ignore", "inherit", "inherit"] };
  const clocked = (...args) => spawn(join(repo, ".venv", "bin", "python"), ["-m", "tests.clocked", "server", ...args], options);
  const serve = ["serve", "--migrate", "--demo", "--port", String(port)];
  // On a chosen clock the worker runs apart, through the same launcher: the one that
  // `serve --with-worker` starts would be on the real clock.
  const server = shift === null
    ? spawn(join(repo, ".venv", "bin", "sportello"), [...serve, "--with-worker"], options)
    : clocked(...serve);
  let worker = null;
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    for (const child of [worker, server]) {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitHealthy(url, server, 240);
  } catch (error) {
    await stop();
    throw error;
  }
  // It shares the embedded servers that `serve` started under the same data directory.
  if (shift !== null) worker = clocked("worker");
  console.log(`e2e: sportello serve on ${url} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { url, stop };
}
