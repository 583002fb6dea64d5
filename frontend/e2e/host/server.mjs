// The municipality's own website for the widgets' scenarios: index.html served from another
// port than Sportello's (so another origin), with the Sportello server's origin put in.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PAGE = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "index.html"), "utf8");

/** Starts the host site; resolves to its origin and a function that stops it. */
export function startHost(sportello) {
  const page = PAGE.replaceAll("{{SPORTELLO}}", sportello);
  const server = createServer((request, response) => {
    if (new URL(request.url, "http://host").pathname !== "/") {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ origin: `http://127.0.0.1:${port}`, stop: () => new Promise((done) => server.close(done)) });
    });
  });
}
