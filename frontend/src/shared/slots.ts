import { localDay, MUNICIPAL_ZONE } from "./dates";

/** A free slot as freeSlots gives it. */
export interface FreeSlot {
  calendarId: string;
  start: string;
  end: string;
  capacity: number;
  free: number;
}

export interface SlotDay {
  /** The local day, as an ISO date key. */
  day: string;
  slots: FreeSlot[];
}

/** Slots grouped by the local day they start on, days and slots in time order. */
export function groupSlotsByDay(slots: readonly FreeSlot[], zone: string = MUNICIPAL_ZONE): SlotDay[] {
  const byDay = new Map<string, FreeSlot[]>();
  const sorted = [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const slot of sorted) {
    const day = localDay(slot.start, zone);
    const list = byDay.get(day) ?? [];
    list.push(slot);
    byDay.set(day, list);
  }
  return [...byDay].map(([day, list]) => ({ day, slots: list }));
}

/** The key that identifies a slot in a picker and in the page's address: calendar and start. */
export function slotKey(slot: { calendarId: string; start: string }): string {
  return `${slot.calendarId}|${new Date(slot.start).toISOString()}`;
}
