// Compiles Bootstrap Italia with a municipality's brand colour: one stylesheet per theme.
//
// Bootstrap Italia derives dozens of shades from its primary colour at Sass compile time
// ($primary-h/s/b), so a CSS custom property cannot restyle it; the server runs this script
// once per colour and caches the result (server/theme.py).
//
//   node scripts/theme.mjs --primary '#0b5c8e' --out /path/theme.css
//   node scripts/theme.mjs --default        (dist/theme/default.css and the fonts in dist/fonts)
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as sass from "sass";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const kit = join(root, "node_modules", "bootstrap-italia");
const DEFAULT_PRIMARY = "#0066cc";
const FONTS = {
  "Titillium Web": ["Titillium_Web", "titillium-web-v10-latin-ext_latin", [300, 400, 600, 700]],
  Lora: ["Lora", "lora-v20-latin-ext_latin", [400, 700]],
  "Roboto Mono": ["Roboto_Mono", "roboto-mono-v13-latin-ext_latin", [400, 700]],
};

/** `#rrggbb` to hue, saturation and brightness, as Bootstrap Italia's `hsb()` takes them. */
export function hexToHsb(hex) {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(match[1].slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const delta = max - Math.min(r, g, b);
  let hue = 0;
  if (delta) {
    if (max === r) hue = ((g - b) / delta) % 6;
    else if (max === g) hue = (b - r) / delta + 2;
    else hue = (r - g) / delta + 4;
  }
  return {
    h: Math.round(((hue * 60) + 360) % 360),
    s: Math.round(max ? (delta / max) * 100 : 0),
    b: Math.round(max * 100),
  };
}

function fontFaces() {
  const faces = [];
  for (const [family, [folder, prefix, weights]] of Object.entries(FONTS)) {
    for (const weight of weights) {
      for (const style of ["normal", "italic"]) {
        const name = `${weight === 400 ? "regular" : weight}${style === "italic" ? "italic" : ""}`;
        const file = `${prefix}-${name === "regularitalic" ? "italic" : name}.woff2`;
        faces.push(
          `@font-face{font-family:'${family}';font-style:${style};font-weight:${weight};` +
            `font-display:swap;src:url('/app/fonts/${folder}/${file}') format('woff2')}`,
        );
      }
    }
  }
  return faces.join("\n");
}

/** The whole Bootstrap Italia stylesheet with `primary` as the brand colour, and its fonts. */
export function compileTheme(primary) {
  const { h, s, b } = hexToHsb(primary);
  const source = `$primary-h: ${h}; $primary-s: ${s}; $primary-b: ${b};
@import 'bootstrap-italia/src/scss/bootstrap-italia';`;
  const { css } = sass.compileString(source, {
    loadPaths: [join(root, "node_modules")],
    style: "compressed",
    // No @charset or byte-order mark: the font faces go in front of this text.
    charset: false,
    quietDeps: true,
    silenceDeprecations: ["import", "global-builtin", "color-functions", "mixed-decls"],
    logger: sass.Logger.silent,
  });
  return `${fontFaces()}\n${css}`;
}

function copyFonts(target) {
  for (const [folder] of Object.values(FONTS)) {
    const from = join(kit, "dist", "fonts", folder);
    mkdirSync(join(target, folder), { recursive: true });
    for (const file of readdirSync(from).filter((name) => name.endsWith(".woff2"))) {
      copyFileSync(join(from, file), join(target, folder, file));
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { primary: { type: "string" }, out: { type: "string" }, default: { type: "boolean" } },
  });
  if (values.default) {
    mkdirSync(join(root, "dist", "theme"), { recursive: true });
    writeFileSync(join(root, "dist", "theme", "default.css"), compileTheme(DEFAULT_PRIMARY));
    copyFonts(join(root, "dist", "fonts"));
  } else if (values.primary && values.out) {
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, compileTheme(values.primary));
  } else {
    console.error("usage: theme.mjs --primary '#rrggbb' --out file.css | --default");
    process.exit(2);
  }
}
