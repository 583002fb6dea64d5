/** The zone the municipality lives in: every instant is shown as its wall-clock time. */
const MUNICIPAL_ZONE = "Europe/Rome";

/** An instant as a date and time, e.g. "10 dicembre 2026, 18:00". */
export function formatDateTime(instant: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: MUNICIPAL_ZONE, dateStyle: "long", timeStyle: "short" }).format(
    new Date(instant),
  );
}

/** A file size for people, e.g. "52 kB". */
export function formatSize(bytes: number, language: string): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: "unit",
    unit: units[unit],
    unitDisplay: "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
