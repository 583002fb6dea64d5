// Prints the gzip sizes of what a browser downloads: each app's first load (the HTML's
// scripts, preloads and stylesheets), the lazily loaded chunks, the widget script and the
// default theme stylesheet. Run after the build: npm run size.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

function gzipped(file) {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

function kilobytes(bytes) {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

/** The files an HTML entry loads before the app runs. */
function firstLoad(html) {
  const source = readFileSync(join(dist, html), "utf8");
  return [...source.matchAll(/(?:src|href)="\/app\/([^"]+\.(?:js|css))"/g)].map((match) => match[1]);
}

const rows = [];
const initial = new Set();
for (const [name, html] of [["citizen area, first load", "index.html"], ["operators' app, first load", "operator/index.html"]]) {
  const files = firstLoad(html);
  files.forEach((file) => initial.add(file));
  rows.push([name, files.reduce((sum, file) => sum + gzipped(join(dist, file)), 0)]);
}
const lazy = readdirSync(join(dist, "assets")).filter((file) => file.endsWith(".js") && !initial.has(`assets/${file}`));
// design-react-kit's Icon loads each icon as its own tiny chunk, on demand: shown as one line.
const icons = lazy.filter((file) => /^It[A-Z]/.test(file));
for (const file of lazy.filter((name) => !icons.includes(name))) {
  rows.push([`lazy chunk ${file}`, gzipped(join(dist, "assets", file))]);
}
const iconBytes = icons.map((file) => gzipped(join(dist, "assets", file)));
rows.push([`${icons.length} icon chunks (one each, on demand), all together`, iconBytes.reduce((a, b) => a + b, 0)]);
rows.push(["widget script widgets/sportello-widgets.js", gzipped(join(dist, "widgets", "sportello-widgets.js"))]);
rows.push(["theme stylesheet (Bootstrap Italia, per tenant)", gzipped(join(dist, "theme", "default.css"))]);

const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, bytes] of rows.sort((a, b) => b[1] - a[1])) {
  console.log(`${name.padEnd(width)}  ${kilobytes(bytes).padStart(9)} gzip`);
}

