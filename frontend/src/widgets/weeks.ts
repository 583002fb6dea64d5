import { addDays, localDay, MUNICIPAL_ZONE, weekStart } from "../shared/dates";
import { groupSlotsByDay, type FreeSlot, type SlotDay } from "../shared/slots";

export type { FreeSlot };

export interface SlotWeek {
  /** The week's Monday, as an ISO date key. */
  monday: string;
  /** The days of the week that have free slots, in order. */
  days: SlotDay[];
}

/** Weeks the booking widget can show, at most what one freeSlots request may ask (62 days). */
export const MAX_WEEKS = 8;

/** The local dates to ask freeSlots for: from today to the Sunday `weeks` weeks on. */
export function slotRange(now: Date, weeks: number, zone: string = MUNICIPAL_ZONE): { start: string; end: string } {
  const start = localDay(now, zone);
  return { start, end: addDays(weekStart(start), 7 * weeks - 1) };
}

/**
 * The free slots as `weeks` consecutive weeks from the one holding `firstDay`, each with its
 * days that have slots (in the municipality's time): weeks without any are kept, so the
 * widget can page through them and say so.
 */
export function groupSlotsByWeek(
  slots: readonly FreeSlot[],
  firstDay: string,
  weeks: number,
  zone: string = MUNICIPAL_ZONE,
): SlotWeek[] {
  const first = weekStart(firstDay);
  const result: SlotWeek[] = Array.from({ length: weeks }, (_, n) => ({ monday: addDays(first, 7 * n), days: [] }));
  for (const day of groupSlotsByDay(slots.filter((slot) => slot.free > 0), zone)) {
    result.find((week) => week.monday === weekStart(day.day))?.days.push(day);
  }
  return result;
}

/** The week to open on: the first with a free slot, else the current one. */
export function firstBookableWeek(weeks: readonly SlotWeek[]): number {
  return Math.max(0, weeks.findIndex((week) => week.days.length > 0));
}
