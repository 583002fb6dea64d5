import { addDays, localDay, MUNICIPAL_ZONE, weekStart } from "../../shared/dates";
import { wallClock } from "../dates";

export type AgendaView = "day" | "week";

/** The local days a view shows around a day: that day, or its week from Monday to Sunday. */
export function viewDays(view: AgendaView, day: string): string[] {
  if (view === "day") return [day];
  const monday = weekStart(day);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** The day the arrows lead to: a day or a week away. */
export function stepDay(view: AgendaView, day: string, direction: 1 | -1): string {
  return addDays(day, direction * (view === "day" ? 1 : 7));
}

/** The hours an office's day shows at least, so an empty agenda still reads as a working day. */
export const WORKING_HOURS = { first: 8, last: 17 } as const;

export interface Grid<T> {
  days: string[];
  /** Hour rows, first to last, covering the working hours and every item shown. */
  hours: number[];
  /** Items by cell (`cellKey(day, hour)`), in time order. */
  cells: Map<string, T[]>;
}

export function cellKey(day: string, hour: number): string {
  return `${day}T${hour}`;
}

/**
 * Puts items in the cell of the local day and hour they start in, on the zone's wall clock: an
 * appointment at 09:00 in Rome sits in the 9 o'clock row whether that is 07:00 or 08:00 UTC, also
 * on the DST days. Items starting outside the days are left out.
 */
export function placeOnGrid<T extends { start: string }>(items: readonly T[], days: readonly string[], zone: string = MUNICIPAL_ZONE): Grid<T> {
  const cells = new Map<string, T[]>();
  let first: number = WORKING_HOURS.first;
  let last: number = WORKING_HOURS.last;
  const sorted = [...items].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const item of sorted) {
    const day = localDay(item.start, zone);
    if (!days.includes(day)) continue;
    const { hour } = wallClock(item.start, zone);
    first = Math.min(first, hour);
    last = Math.max(last, hour);
    const key = cellKey(day, hour);
    cells.set(key, [...(cells.get(key) ?? []), item]);
  }
  const hours = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  return { days: [...days], hours, cells };
}
