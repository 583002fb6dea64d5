import { endTimes, minutesBetween, startTimes } from "./grid";

const rules = { granularityMinutes: 30, minimumMinutes: 60, maximumMinutes: 120 };
// 9:00–11:00 and 18:00–19:30 in Rome, 2 December 2026 (CET, +1).
const free = [
  { start: "2026-12-02T17:00:00+00:00", end: "2026-12-02T18:30:00+00:00" },
  { start: "2026-12-02T08:00:00+00:00", end: "2026-12-02T10:00:00+00:00" },
];

describe("the booking grid", () => {
  test("offers the starts with at least the minimum free after them", () => {
    expect(startTimes(free, rules)).toEqual([
      "2026-12-02T08:00:00.000Z",
      "2026-12-02T08:30:00.000Z",
      "2026-12-02T09:00:00.000Z",
      "2026-12-02T17:00:00.000Z",
      "2026-12-02T17:30:00.000Z",
    ]);
  });

  test("offers the ends from the minimum to the maximum, inside the free stretch", () => {
    expect(endTimes(free, "2026-12-02T08:00:00.000Z", rules)).toEqual([
      "2026-12-02T09:00:00.000Z",
      "2026-12-02T09:30:00.000Z",
      "2026-12-02T10:00:00.000Z",
    ]);
    expect(endTimes(free, "2026-12-02T17:30:00.000Z", rules)).toEqual(["2026-12-02T18:30:00.000Z"]);
    expect(endTimes(free, "2026-12-02T12:00:00.000Z", rules)).toEqual([]);
    expect(minutesBetween("2026-12-02T08:00:00.000Z", "2026-12-02T09:30:00.000Z")).toBe(90);
  });
});
