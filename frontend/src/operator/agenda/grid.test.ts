import { cellKey, placeOnGrid, stepDay, viewDays } from "./grid";
import { dayStart, daysSpan } from "../dates";

const at = (start: string) => ({ start });

describe("viewDays", () => {
  it("gives the week from Monday to Sunday around any of its days", () => {
    expect(viewDays("week", "2026-03-26")).toEqual([
      "2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27", "2026-03-28", "2026-03-29",
    ]);
    expect(viewDays("day", "2026-03-26")).toEqual(["2026-03-26"]);
  });

  it("steps a day or a week at a time, across month ends", () => {
    expect(stepDay("day", "2026-03-31", 1)).toBe("2026-04-01");
    expect(stepDay("week", "2026-10-27", -1)).toBe("2026-10-20");
  });
});

describe("placeOnGrid in Europe/Rome", () => {
  it("puts 09:00 local in the 9 o'clock row on both sides of the spring change", () => {
    const week = viewDays("week", "2026-03-29");
    // Saturday 28 March: UTC+1; Monday 30 March: UTC+2 (the clocks went forward on Sunday 29).
    const grid = placeOnGrid([at("2026-03-28T08:00:00Z"), at("2026-03-30T07:00:00Z")], week);
    expect(grid.cells.get(cellKey("2026-03-28", 9))).toHaveLength(1);
    expect(grid.cells.get(cellKey("2026-03-30", 9))).toBeUndefined(); // the next week
    const next = placeOnGrid([at("2026-03-30T07:00:00Z")], viewDays("week", "2026-03-30"));
    expect(next.cells.get(cellKey("2026-03-30", 9))).toHaveLength(1);
  });

  it("places by the wall clock on the DST days themselves", () => {
    const spring = placeOnGrid([at("2026-03-29T01:30:00Z"), at("2026-03-29T08:00:00Z")], ["2026-03-29"]);
    expect(spring.cells.get(cellKey("2026-03-29", 3))).toHaveLength(1); // 03:30 CEST, 02:xx does not exist
    expect(spring.cells.get(cellKey("2026-03-29", 10))).toHaveLength(1);
    const autumn = placeOnGrid([at("2026-10-25T00:30:00Z"), at("2026-10-25T01:30:00Z"), at("2026-10-25T09:00:00Z")], ["2026-10-25"]);
    // 02:30 happens twice: first in summer time, then in winter time; both in the 2 o'clock row.
    expect(autumn.cells.get(cellKey("2026-10-25", 2))).toHaveLength(2);
    expect(autumn.cells.get(cellKey("2026-10-25", 10))).toHaveLength(1);
    expect(autumn.hours[0]).toBe(2);
  });

  it("puts a late-evening UTC instant on the next local day", () => {
    const grid = placeOnGrid([at("2026-12-01T23:30:00Z")], viewDays("week", "2026-12-02"));
    expect(grid.cells.get(cellKey("2026-12-02", 0))).toHaveLength(1);
    expect(grid.cells.has(cellKey("2026-12-01", 23))).toBe(false);
  });

  it("leaves out items of other days and keeps the working hours when empty", () => {
    const grid = placeOnGrid([at("2026-05-04T08:00:00Z")], ["2026-05-05"]);
    expect(grid.cells.size).toBe(0);
    expect(grid.hours).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
  });

  it("orders a cell's items by time", () => {
    const grid = placeOnGrid([at("2026-05-05T07:30:00Z"), at("2026-05-05T07:00:00Z")], ["2026-05-05"]);
    expect(grid.cells.get(cellKey("2026-05-05", 9))?.map((item) => item.start)).toEqual([
      "2026-05-05T07:00:00Z",
      "2026-05-05T07:30:00Z",
    ]);
  });
});

describe("the agenda's instants", () => {
  it("starts local days at Rome's midnight, 23 and 25 hours long on the DST days", () => {
    expect(dayStart("2026-01-15")).toBe("2026-01-14T23:00:00.000Z");
    expect(dayStart("2026-07-15")).toBe("2026-07-14T22:00:00.000Z");
    const spring = daysSpan("2026-03-29", "2026-03-29");
    expect(Date.parse(spring.end) - Date.parse(spring.start)).toBe(23 * 3600_000);
    const autumn = daysSpan("2026-10-25", "2026-10-25");
    expect(Date.parse(autumn.end) - Date.parse(autumn.start)).toBe(25 * 3600_000);
  });
});
