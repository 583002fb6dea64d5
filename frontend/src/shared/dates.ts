/**
 * Dates of the municipality's desks and rooms. The API gives instants with a zone; people read
 * them as Europe/Rome wall-clock times, so every local day and time here goes through
 * Intl.DateTimeFormat with that zone (never by adding offsets, which breaks on DST days).
 * Local days are handled as ISO date keys ("2026-12-02"), whose arithmetic is done in UTC
 * where days are always 24 hours long.
 */
export const MUNICIPAL_ZONE = "Europe/Rome";

/** The ISO date key ("YYYY-MM-DD") of the local day an instant falls on. */
export function localDay(instant: string | Date, zone: string = MUNICIPAL_ZONE): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

function utcDate(day: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, date));
}

export function addDays(day: string, days: number): string {
  const date = utcDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the week a day belongs to (Italian weeks start on Monday). */
export function weekStart(day: string): string {
  const weekday = (utcDate(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Wall-clock time of an instant, e.g. "09:30". */
export function formatTime(instant: string, language: string, zone: string = MUNICIPAL_ZONE): string {
  return new Intl.DateTimeFormat(language, { timeZone: zone, hour: "2-digit", minute: "2-digit" }).format(
    new Date(instant),
  );
}

/** A local day written out, e.g. "mercoledì 2 dicembre 2026". */
export function formatDay(day: string, language: string, withYear = true): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: "UTC",
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(withYear ? { year: "numeric" } : {}),
  }).format(utcDate(day));
}

/** The text with its first letter upper-cased, for a date that starts a line ("Mercoledì 2 dicembre"). */
export function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** A day and time, e.g. "mercoledì 2 dicembre 2026, 09:30". */
export function formatMoment(instant: string, language: string, zone: string = MUNICIPAL_ZONE): string {
  return `${formatDay(localDay(instant, zone), language)}, ${formatTime(instant, language, zone)}`;
}

/** A day and time span, e.g. "mercoledì 2 dicembre 2026, 09:30 – 10:00". */
export function formatSpan(start: string, end: string, language: string, zone: string = MUNICIPAL_ZONE): string {
  return `${formatMoment(start, language, zone)} – ${formatTime(end, language, zone)}`;
}

/** A week, e.g. "30 nov – 6 dic 2026". */
export function formatWeek(monday: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).formatRange(
    utcDate(monday),
    utcDate(addDays(monday, 6)),
  );
}

/** The year is written only when it is not the current one: the deadlines of a booking window are months ahead at most. */
function otherYear(instant: string, zone: string, now: Date): boolean {
  return localDay(instant, zone).slice(0, 4) !== localDay(now, zone).slice(0, 4);
}

/**
 * A day inside a sentence, with its weekday: "fino a lunedì 7 dicembre" (Italian weekdays stay
 * lowercase mid-sentence, as Intl writes them), "until Monday, December 7", "bis Montag, 7. Dezember".
 */
export function formatDayInSentence(instant: string, language: string, zone: string = MUNICIPAL_ZONE, now: Date = new Date()): string {
  return formatDay(localDay(instant, zone), language, otherYear(instant, zone, now));
}

/**
 * A day as a sentence says "on" it, without the weekday: "il 7 dicembre", "l'8 dicembre",
 * "l'11 dicembre", "il 1º dicembre" (never "il domenica 6 dicembre"), "on December 7",
 * "am 7. Dezember".
 */
export function formatOnDay(instant: string, language: string, zone: string = MUNICIPAL_ZONE, now: Date = new Date()): string {
  const format = new Intl.DateTimeFormat(language, {
    timeZone: zone,
    day: "numeric",
    month: "long",
    ...(otherYear(instant, zone, now) ? { year: "numeric" } : {}),
  });
  const date = new Date(instant);
  if (language.startsWith("it")) {
    const parts = format.formatToParts(date);
    const day = Number(parts.find((part) => part.type === "day")?.value);
    // The article elides before a vowel: "l'8", "l'11"; the first of the month is "il 1º".
    const article = day === 8 || day === 11 ? "l'" : "il ";
    const written = parts.map((part) => (part.type === "day" && day === 1 ? "1º" : part.value)).join("");
    return article + written;
  }
  if (language.startsWith("de")) return `am ${format.format(date)}`;
  if (language.startsWith("en")) return `on ${format.format(date)}`;
  return format.format(date);
}
