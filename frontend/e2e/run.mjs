// Runs the end-to-end scenarios: starts `sportello serve --migrate --demo` on a free port with a
// fresh data directory (its own embedded PostgreSQL, MongoDB-protocol and Redis servers) serving
// the built frontend, runs the spec files with node's test runner, then stops the server.
//
//   node e2e/run.mjs [spec files…]        (default: every e2e/*.spec.mjs)
//   E2E_BASE_URL=http://127.0.0.1:8000 node e2e/run.mjs …   (use a server already running)
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
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

async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "sportello-e2e-"));
  const env = { ...process.env, SPORTELLO_DATA_DIR: dataDir, SPORTELLO_LOG_LEVEL: "WARNING" };
  env.SPORTELLO_FRONTEND_DIR ??= join(here, "..", "dist");
  // The scenarios run on the embedded stack, whatever the caller's store URLs say.
  for (const name of STORE_URLS) delete env[name];
  const started = Date.now();
  const server = spawn(
    join(repo, ".venv", "bin", "sportello"),
    ["serve", "--migrate", "--demo", "--with-worker", "--port", String(port)],
    { cwd: repo, env, stdio: ["ignore", "inherit", "inherit"] },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitHealthy(url, server, 240);
  } catch (error) {
    await stop();
    throw error;
  }
  console.log(`e2e: sportello serve on ${url} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { url, stop };
}

const specs = process.argv.slice(2);
const files = specs.length
  ? specs
  : readdirSync(here).filter((name) => name.endsWith(".spec.mjs")).sort().map((name) => join(here, name));

const external = process.env.E2E_BASE_URL;
const server = external ? { url: external, stop: async () => {} } : await startServer();
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
