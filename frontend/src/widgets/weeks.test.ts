import { firstBookableWeek, groupSlotsByWeek, slotRange, type FreeSlot } from "./weeks";

function slot(start: string, free = 1): FreeSlot {
  const end = new Date(Date.parse(start) + 30 * 60_000).toISOString();
  return { calendarId: "Q2FsZW5kYXI6MQ==", start, end, capacity: 2, free };
}

describe("groupSlotsByWeek", () => {
  it("puts slots in Monday-to-Sunday weeks by their day in Rome, keeping empty weeks", () => {
    const weeks = groupSlotsByWeek(
      [
        slot("2026-12-09T08:30:00Z"), // Wednesday 9 December, 09:30 in Rome
        slot("2026-12-01T08:00:00Z"), // Tuesday 1 December
        slot("2026-12-01T07:30:00Z"),
        // Sunday 29 November 23:30 UTC is already Monday 30 November in Rome.
        slot("2026-11-29T23:30:00Z"),
      ],
      "2026-12-01",
      3,
    );
    expect(weeks.map((week) => week.monday)).toEqual(["2026-11-30", "2026-12-07", "2026-12-14"]);
    expect(weeks[0].days.map((day) => day.day)).toEqual(["2026-11-30", "2026-12-01"]);
    expect(weeks[0].days[1].slots.map((s) => s.start)).toEqual(["2026-12-01T07:30:00Z", "2026-12-01T08:00:00Z"]);
    expect(weeks[1].days.map((day) => day.day)).toEqual(["2026-12-09"]);
    expect(weeks[2].days).toEqual([]);
  });

  it("leaves out slots with no free place and slots past the last week", () => {
    const weeks = groupSlotsByWeek([slot("2026-12-02T08:00:00Z", 0), slot("2026-12-20T08:00:00Z")], "2026-12-01", 2);
    expect(weeks.flatMap((week) => week.days)).toEqual([]);
  });
});

describe("firstBookableWeek", () => {
  it("opens on the first week with a free slot, or the first week", () => {
    const weeks = groupSlotsByWeek([slot("2026-12-16T08:00:00Z")], "2026-12-01", 4);
    expect(firstBookableWeek(weeks)).toBe(2);
    expect(firstBookableWeek(groupSlotsByWeek([], "2026-12-01", 4))).toBe(0);
  });
});

describe("slotRange", () => {
  it("asks from today in Rome to the Sunday closing the last week", () => {
    // 23:30 UTC on Sunday 29 November is Monday 30 November in Rome.
    expect(slotRange(new Date("2026-11-29T23:30:00Z"), 4)).toEqual({ start: "2026-11-30", end: "2026-12-27" });
    expect(slotRange(new Date("2026-12-03T10:00:00Z"), 1)).toEqual({ start: "2026-12-03", end: "2026-12-06" });
  });
});
