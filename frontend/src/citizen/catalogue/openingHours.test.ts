import { hoursText, weekdaysText } from "./openingHours";

describe("opening hours in words", () => {
  it("writes three or more consecutive days as a range", () => {
    expect(weekdaysText([1, 2, 3, 4, 5], "it")).toBe("lunedì–venerdì");
    expect(weekdaysText([5, 3, 4], "de")).toBe("Mittwoch–Freitag");
  });

  it("lists days apart, and two neighbouring days, one by one", () => {
    expect(weekdaysText([2, 4], "it")).toBe("martedì e giovedì");
    expect(weekdaysText([1, 2, 6], "en")).toBe("Monday, Tuesday, and Saturday");
  });

  it("puts the times after the days", () => {
    expect(hoursText({ weekdays: [1, 3, 5], begin: "09:00:00", end: "12:00:00" }, "it")).toBe(
      "lunedì, mercoledì e venerdì, 09:00–12:00",
    );
  });
});
