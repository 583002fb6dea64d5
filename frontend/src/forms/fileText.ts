/**
 * How the file component speaks of sizes and types to a person: "606 byte" and "1,2 MB" the way
 * the language writes numbers (Form.io prints "606.00 Bytes"), and "PDF, JPEG" rather than the
 * definition's MIME types ("application/pdf,image/jpeg").
 */

const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** `bytes` in the largest unit below it (1024 steps, as Form.io counts), at most one decimal. */
export function formatFileSize(bytes: number, language: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "";
  let unit = 0;
  let amount = bytes;
  while (amount >= 1024 && unit < UNITS.length - 1) {
    amount /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: "unit",
    unit: UNITS[unit],
    // "606 bytes", "606 Byte"; the larger units as kB, MB…
    unitDisplay: unit === 0 ? "long" : "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(amount);
}

const SCALE: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

/** Form.io's size settings ("5MB", "500 KB", "2 mb") in bytes; null when not one. */
export function parseFileSize(text: string): number | null {
  const match = /^\s*(\d+(?:[.,]\d+)?)\s*([KMGT]?B)?\s*$/i.exec(text);
  if (!match) return null;
  return Number(match[1].replace(",", ".")) * SCALE[(match[2] ?? "B").toUpperCase()];
}

/** Names people know for the MIME types forms ask for; other types show their subtype. */
const TYPE_NAMES: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/jpg": "JPEG",
  "image/png": "PNG",
  "image/gif": "GIF",
  "image/tiff": "TIFF",
  "image/webp": "WebP",
  "image/heic": "HEIC",
  "image/svg+xml": "SVG",
  "text/plain": "TXT",
  "text/csv": "CSV",
  "text/xml": "XML",
  "application/xml": "XML",
  "application/zip": "ZIP",
  "application/msword": "DOC",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
  "application/vnd.ms-excel": "XLS",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
  "application/vnd.oasis.opendocument.text": "ODT",
  "application/vnd.oasis.opendocument.spreadsheet": "ODS",
  "application/pkcs7-mime": "P7M",
  "application/pkcs7-signature": "P7S",
};

/** Types that stand for a family of formats; their names are translated (keys of the dictionaries). */
const FAMILY_KEYS: Record<string, string> = { "image/*": "anyImage", "video/*": "anyVideo", "audio/*": "anyAudio" };

function typeName(type: string, translate: (key: string) => string): string {
  const lower = type.toLowerCase();
  if (FAMILY_KEYS[lower]) return translate(FAMILY_KEYS[lower]);
  if (TYPE_NAMES[lower]) return TYPE_NAMES[lower];
  if (lower.startsWith(".")) return lower.slice(1).toUpperCase();
  const subtype = lower.split("/")[1] ?? lower;
  return subtype.replace(/^(x-|vnd\.)/, "").split(/[.+-]/)[0].toUpperCase();
}

/** "application/pdf,image/jpeg" → "PDF, JPEG"; repeats (jpg and jpeg) shown once. */
export function readableFileTypes(pattern: string, translate: (key: string) => string): string {
  const names = pattern
    .split(",")
    .map((type) => type.trim())
    .filter(Boolean)
    .map((type) => typeName(type, translate));
  return [...new Set(names)].join(", ");
}
