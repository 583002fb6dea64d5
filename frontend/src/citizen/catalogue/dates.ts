import { MUNICIPAL_ZONE } from "../../shared/dates";

/** A day written out in the municipality's time zone, e.g. "31 dicembre 2026". */
export function formatDate(instant: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: MUNICIPAL_ZONE,
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(instant));
}

/**
 * "08:30" from the API's wall-clock time "08:30:00" (the Time scalar, typed `unknown` by the
 * generated client).
 */
export function formatClock(time: unknown): string {
  return String(time).slice(0, 5);
}

/** Weekday names in the UI language, from ISO weekday numbers (1 Monday … 7 Sunday). */
export function weekdayName(isoWeekday: number, language: string): string {
  // 2024-01-01 was a Monday
  const day = new Date(Date.UTC(2024, 0, isoWeekday));
  return new Intl.DateTimeFormat(language, { timeZone: "UTC", weekday: "long" }).format(day);
}

/** The key of the phrase for a period open on either side ("from … until …", "from …", "until …"). */
export function periodKey(from: unknown, until: unknown): "between" | "from" | "until" | null {
  if (from && until) return "between";
  if (from) return "from";
  return until ? "until" : null;
}
