import { describe, expect, it } from "vitest";

import type { DeskAppointmentFragment, DeskPracticeFragment, PracticeStatus } from "../../gql/graphql";
import { soonDay, whatWaits } from "./waiting";

/** 22:30 in Rome (CET) on 23 March 2027. */
const NOW = new Date("2027-03-23T21:30:00Z");

function practice(id: string, status: PracticeStatus, unreadCount = 0): DeskPracticeFragment {
  return {
    id,
    number: `2027/00000${id}`,
    status,
    statusChangedAt: "2027-03-20T10:00:00Z",
    updatedAt: "2027-03-20T10:00:00Z",
    unreadCount,
    service: { id: "s", name: "Certificati anagrafici" },
  } as DeskPracticeFragment;
}

function appointment(id: string, start: string, status = "APPROVED"): DeskAppointmentFragment {
  return {
    id,
    status,
    start,
    end: start,
    calendar: { id: "c", name: "Sportello anagrafe", timeZone: "Europe/Rome", office: { id: "o", name: "Anagrafe" } },
  } as DeskAppointmentFragment;
}

describe("what waits for the citizen", () => {
  it("puts the office's request for information first, then payments, appointments and messages", () => {
    const asked = practice("1", "REQUEST_INTEGRATION", 1);
    const answering = practice("2", "DRAFT_FOR_INTEGRATION");
    const toPay = practice("3", "PAYMENT_PENDING");
    const news = practice("4", "PENDING", 2);
    const items = whatWaits({
      waiting: [toPay, asked, answering],
      unread: [news, asked],
      appointments: [appointment("b", "2027-03-24T08:00:00Z"), appointment("a", "2027-03-23T22:45:00Z")],
      now: NOW,
    });
    expect(items.map((item) => (item.kind === "appointment" ? `${item.kind}:${item.day}` : `${item.kind}:${item.practice.id}`))).toEqual([
      "integration:1",
      "integration:2",
      "payment:3",
      "appointment:today",
      "appointment:tomorrow",
      // practice 1 has unread messages too, but it is already first in the list
      "messages:4",
    ]);
  });

  it("leaves out appointments after tomorrow, holds not confirmed and practices read already", () => {
    const items = whatWaits({
      waiting: [],
      unread: [practice("5", "PENDING", 0)],
      appointments: [appointment("c", "2027-03-24T23:30:00Z"), appointment("d", "2027-03-23T23:00:00Z", "DRAFT")],
      now: NOW,
    });
    expect(items).toEqual([]);
  });

  it("counts today and tomorrow in the calendar's zone, not in UTC", () => {
    // 23:30 UTC on the 23rd is already the 24th in Rome: tomorrow, not today.
    expect(soonDay(appointment("e", "2027-03-23T23:30:00Z"), NOW)).toBe("tomorrow");
    expect(soonDay(appointment("f", "2027-03-23T22:59:00Z"), NOW)).toBe("today");
    expect(soonDay(appointment("g", "2027-03-24T22:59:00Z"), NOW)).toBe("tomorrow");
    expect(soonDay(appointment("h", "2027-03-24T23:00:00Z"), NOW)).toBeNull();
  });
});
