// Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the build (scripts,
// stylesheets, SVG, HTML, JSON, uncompressed fonts), once, at the highest levels: the server
// sends the copy the browser accepts (server/precompressed.py) and never compresses these files
// itself. Files already compressed (woff2, woff, images) are left alone, and so is a copy that
// would not be smaller than its file. The last step of `npm run build`:
//
//   node scripts/compress.mjs [directory]     (default: dist)
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TEXT = new Set([".js", ".mjs", ".css", ".svg", ".html", ".json", ".map", ".txt", ".xml", ".webmanifest"]);
const FONTS = new Set([".ttf", ".otf", ".eot"]);
const SIBLINGS = [".br", ".gz"];

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

function* files(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** The copy at `path`, or none (an older one removed) when it is no smaller than the file. */
function keep(path, compressed, size) {
  if (compressed.length < size) {
    writeFileSync(path, compressed);
    return compressed.length;
  }
  rmSync(path, { force: true });
  return size;
}

async function compress(path) {
  const content = readFileSync(path);
  const mode = FONTS.has(extname(path)) ? constants.BROTLI_MODE_FONT : constants.BROTLI_MODE_TEXT;
  const [br, gz] = await Promise.all([
    brotli(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: mode,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
    gzipped(content, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  return { size: content.length, br: keep(`${path}.br`, br, content.length), gz: keep(`${path}.gz`, gz, content.length) };
}

const directory = resolve(root, process.argv[2] ?? "dist");
const all = [...files(directory)];
const present = new Set(all);
// Copies whose file is gone (a rebuilt chunk with a new hash) would be served by nobody.
for (const path of all.filter((file) => SIBLINGS.includes(extname(file)))) {
  if (!present.has(path.slice(0, -extname(path).length))) rmSync(path);
}
const targets = all.filter((file) => TEXT.has(extname(file)) || FONTS.has(extname(file)));
const started = Date.now();
const results = await Promise.all(targets.map(compress));
const total = (key) => results.reduce((sum, result) => sum + result[key], 0);
const kilobytes = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
console.log(
  `compressed ${targets.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
    `${kilobytes(total("size"))} → ${kilobytes(total("br"))} brotli, ${kilobytes(total("gz"))} gzip`,
);
