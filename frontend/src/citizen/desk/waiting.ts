import type { DeskAppointmentFragment, DeskPracticeFragment, PracticeStatus } from "../../gql/graphql";
import { addDays, localDay } from "../../shared/dates";

/** The office asked the citizen for more information: they answer (and may start the answer first). */
export const INTEGRATION_STATUSES: PracticeStatus[] = ["REQUEST_INTEGRATION", "DRAFT_FOR_INTEGRATION"];
/** The citizen's payment is due before the practice goes on. */
export const PAYMENT_STATUSES: PracticeStatus[] = ["PAYMENT_PENDING"];
export const WAITING_STATUSES: PracticeStatus[] = [...INTEGRATION_STATUSES, ...PAYMENT_STATUSES];
/** Appointments that will take place: a hold not yet confirmed is not one. */
const BOOKED = new Set(["PENDING", "APPROVED"]);

/** Something that waits for the citizen, with what to show and where to act. */
export type WaitingItem =
  | { kind: "integration" | "payment"; practice: DeskPracticeFragment }
  | { kind: "appointment"; appointment: DeskAppointmentFragment; day: "today" | "tomorrow" }
  | { kind: "messages"; practice: DeskPracticeFragment };

/** Whether an appointment falls today or tomorrow in its calendar's zone, or neither. */
export function soonDay(appointment: DeskAppointmentFragment, now: Date): "today" | "tomorrow" | null {
  const zone = appointment.calendar?.timeZone ?? undefined;
  const day = localDay(appointment.start, zone);
  const today = localDay(now, zone);
  if (day === today) return "today";
  return day === addDays(today, 1) ? "tomorrow" : null;
}

/**
 * What waits for the citizen, most pressing first: answers the offices asked for (the clock of
 * the practice stands still until then), payments due, appointments of today and tomorrow in time
 * order, then practices with messages not yet read. A practice shows once, for its first reason.
 */
export function whatWaits({ waiting, unread, appointments, now }: {
  waiting: DeskPracticeFragment[];
  unread: DeskPracticeFragment[];
  appointments: DeskAppointmentFragment[];
  now: Date;
}): WaitingItem[] {
  const items: WaitingItem[] = [];
  const shown = new Set<string>();
  for (const kind of ["integration", "payment"] as const) {
    const statuses = kind === "integration" ? INTEGRATION_STATUSES : PAYMENT_STATUSES;
    for (const practice of waiting.filter((p) => statuses.includes(p.status))) {
      items.push({ kind, practice });
      shown.add(practice.id);
    }
  }
  const soon = appointments
    .filter((appointment) => BOOKED.has(appointment.status))
    .map((appointment) => ({ appointment, day: soonDay(appointment, now) }))
    .filter((item): item is { appointment: DeskAppointmentFragment; day: "today" | "tomorrow" } => item.day !== null)
    .sort((a, b) => Date.parse(a.appointment.start) - Date.parse(b.appointment.start));
  for (const { appointment, day } of soon) items.push({ kind: "appointment", appointment, day });
  for (const practice of unread) {
    if (practice.unreadCount > 0 && !shown.has(practice.id)) items.push({ kind: "messages", practice });
  }
  return items;
}
