import { addDays, localDay, MUNICIPAL_ZONE } from "../shared/dates";

/** Minutes the zone is ahead of UTC at an instant (Europe/Rome: 60 in winter, 120 in summer). */
function offsetMinutes(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant a local day begins in the zone, as ISO. The offset is read at the guess and
 * read again at the result, so the days of the DST changes (23 and 25 hours long) come out right.
 */
export function dayStart(day: string, zone: string = MUNICIPAL_ZONE): string {
  const [year, month, date] = day.split("-").map(Number);
  const wall = Date.UTC(year, month - 1, date);
  let instant = wall - offsetMinutes(wall, zone) * 60_000;
  instant = wall - offsetMinutes(instant, zone) * 60_000;
  return new Date(instant).toISOString();
}

/** The instants that bound local days `first` to `last` included: [start of first, start of the day after last). */
export function daysSpan(first: string, last: string, zone: string = MUNICIPAL_ZONE): { start: string; end: string } {
  return { start: dayStart(first, zone), end: dayStart(addDays(last, 1), zone) };
}

/** Hour and minute of an instant on the zone's wall clock, e.g. {hour: 9, minute: 30}. */
export function wallClock(instant: string, zone: string = MUNICIPAL_ZONE): { hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", hour: "numeric", minute: "numeric" }).formatToParts(
    new Date(instant),
  );
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { hour: part("hour"), minute: part("minute") };
}

/** Today as a local day of the zone. */
export function today(zone: string = MUNICIPAL_ZONE): string {
  return localDay(new Date(), zone);
}

/** An instant in a table cell, short: "29/11/26, 07:09" in Italian. */
export function formatShortDateTime(instant: string, language: string, zone: string = MUNICIPAL_ZONE): string {
  return new Intl.DateTimeFormat(language, { timeZone: zone, dateStyle: "short", timeStyle: "short" }).format(new Date(instant));
}
