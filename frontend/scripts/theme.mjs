// Compiles Bootstrap Italia with a municipality's brand colour: one stylesheet per theme.
//
// Bootstrap Italia derives dozens of shades from its primary colour at Sass compile time
// ($primary-h/s/b), so a CSS custom property cannot restyle it; the server runs this script
// once per colour and caches the result (server/theme.py).
//
//   node scripts/theme.mjs --primary '#0b5c8e' --out /path/theme.css
//   node scripts/theme.mjs --default        (dist/theme/default.css and the fonts in dist/fonts)
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/** Hue (0-360), saturation and brightness (0-100) to sRGB channels in 0..1. */
export function hsbToRgb({ h, s, b }) {
  const value = b / 100;
  const chroma = value * (s / 100);
  const x = chroma * (1 - Math.abs(((h / 60) % 2) - 1));
  const [r, g, bl] =
    h < 60 ? [chroma, x, 0] : h < 120 ? [x, chroma, 0] : h < 180 ? [0, chroma, x]
      : h < 240 ? [0, x, chroma] : h < 300 ? [x, 0, chroma] : [chroma, 0, x];
  const m = value - chroma;
  return [r + m, g + m, bl + m];
}

/** sRGB channels in 0..1 as `#rrggbb` (Sass gets the colour ready: hsb() comes with the kit). */
export function rgbHex(channels) {
  return `#${channels.map((c) => Math.round(c * 255).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2 contrast ratio of white text on a colour. */
export function contrastWithWhite(hsb) {
  const linear = hsbToRgb(hsb).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  return 1.05 / (luminance + 0.05);
}

/** WCAG AA for normal text. */
const READABLE = 4.5;

/**
 * The brightness, at most `brightness`, at which white text on the colour reads at 4.5:1: the
 * tenant's colour may be light (a spring green, a yellow), and the header and buttons carry
 * white text on it and on shades Bootstrap Italia derives at a fixed brightness.
 */
export function readableBrightness(h, s, brightness) {
  let b = brightness;
  while (b > 0 && contrastWithWhite({ h, s, b }) < READABLE) b -= 1;
  return b;
}

/**
 * Parts of Bootstrap Italia that no page, form (Form.io's templates included) or widget of
 * Sportello uses, left out of every stylesheet: a quarter of it, most of all the video player's
 * embedded icon font and a class for every shade of the palette. Using one of them means taking it off this list; a part that Bootstrap
 * Italia renames or drops stops the compile.
 */
const UNUSED_PARTS = [
  "components/videoplayer", "components/carousel", "components/timeline", "components/rating",
  "components/rating-list", "components/point-list", "components/avatar", "components/thumbnav",
  "components/bottomnav", "components/navscroll", "components/navscrolltheme", "components/steppers",
  "components/dimmer", "components/accept-overlay", "components/cookiebar", "components/hero",
  "components/gridlist", "components/progress-donuts", "components/overlay-panel",
  "components/offcanvas", "components/toasts", "forms/form-transfer",
  // `.primary-bg-a1`, `.neutral-1-color-a5`…: a class per shade of the palette.
  "utilities/colors",
];

/** Bootstrap Italia's own entry (src/scss/bootstrap-italia.scss) without UNUSED_PARTS. */
function kitSource() {
  const lines = readFileSync(join(kit, "src", "scss", "bootstrap-italia.scss"), "utf8").split("\n");
  const part = (line) => /^@import '([^']+)';/.exec(line)?.[1];
  const missing = UNUSED_PARTS.filter((name) => !lines.some((line) => part(line) === name));
  if (missing.length) throw new Error(`Bootstrap Italia has no ${missing.join(", ")}: see UNUSED_PARTS`);
  return lines.filter((line) => !UNUSED_PARTS.includes(part(line))).join("\n");
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

/** Bootstrap Italia's stylesheet (less UNUSED_PARTS) with `primary` as the brand colour, and its fonts. */
export function compileTheme(primary) {
  const { h, s, b } = hexToHsb(primary);
  // The slim header is the primary hue at brightness 70 in Bootstrap Italia, whatever the
  // primary's own: darkened as far as white text needs.
  const source = `$primary-h: ${h}; $primary-s: ${s}; $primary-b: ${readableBrightness(h, s, b)};
$header-slim-bg-color: ${rgbHex(hsbToRgb({ h, s, b: readableBrightness(h, s, 70) }))};
${kitSource()}`;
  const { css } = sass.compileString(source, {
    loadPaths: [join(root, "node_modules"), join(kit, "src", "scss")],
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
    const stylesheet = join(root, "dist", "theme", "default.css");
    writeFileSync(stylesheet, compileTheme(DEFAULT_PRIMARY));
    // Copies of an earlier stylesheet would be served in its place: compress.mjs makes new ones.
    for (const copy of [".br", ".gz"]) rmSync(stylesheet + copy, { force: true });
    copyFonts(join(root, "dist", "fonts"));
  } else if (values.primary && values.out) {
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, compileTheme(values.primary));
  } else {
    console.error("usage: theme.mjs --primary '#rrggbb' --out file.css | --default");
    process.exit(2);
  }
}
