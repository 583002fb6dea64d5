import { formatValue, nativeInputType, toInputValue } from "./nativeDates";

describe("date fields as native inputs", () => {
  test("the input type follows the component's date and time switches", () => {
    expect(nativeInputType({})).toBe("datetime-local");
    expect(nativeInputType({ enableTime: false })).toBe("date");
    expect(nativeInputType({ enableDate: false })).toBe("time");
  });

  test("stored values are shown as the wall-clock time they were written with", () => {
    expect(toInputValue("2026-12-10T18:00:00+01:00", "datetime-local")).toBe("2026-12-10T18:00");
    expect(toInputValue("2026-12-10T18:00:00+01:00", "date")).toBe("2026-12-10");
    expect(toInputValue("2026-12-10", "datetime-local")).toBe("2026-12-10T00:00");
    expect(toInputValue("09:30:00", "time")).toBe("09:30");
    expect(toInputValue("not a date", "date")).toBe("");
    expect(toInputValue(null, "date")).toBe("");
  });

  test("read-only values are written out in the interface language", () => {
    expect(formatValue("2026-12-10", "date", "it")).toBe("10 dicembre 2026");
    expect(formatValue("2026-12-10T18:00:00+01:00", "datetime-local", "de")).toBe("10. Dezember 2026 um 18:00");
  });
});
