import { screen } from "@testing-library/react";

import { formatDayInSentence, formatOnDay } from "../../shared/dates";
import type { UiLanguage } from "../../shared/i18n";
import { renderIn } from "../../shared/testing";
import { ChangeDeadline } from "./ChangeDeadline";

const ROME = { timeZone: "Europe/Rome" };
/** Sunday 6 December 2026, 10:00 in Rome: the deadline of a booking on Wednesday the 9th at 10:00. */
const SUNDAY = "2026-12-06T09:00:00Z";
/** Monday 7 December 2026, 10:00 in Rome. */
const MONDAY = "2026-12-07T09:00:00Z";

const deadline = (changeDeadline: string, changeDeadlinePassed: boolean) => ({ changeDeadline, changeDeadlinePassed, calendar: ROME });

describe("the change deadline in words", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-05T08:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  test.each<[UiLanguage, string]>([
    ["it", "Potrai spostarlo o annullarlo online fino a lunedì 7 dicembre, ore 10:00."],
    ["en", "You will be able to move or cancel it online until Monday, December 7 at 10:00 AM."],
    ["de", "Nach der Bestätigung können Sie ihn bis Montag, 7. Dezember, 10:00 Uhr online verschieben oder stornieren."],
  ])("before confirming a hold, in %s", (language, text) => {
    renderIn(<ChangeDeadline appointment={deadline(MONDAY, false)} held />, language);
    expect(screen.getByTestId("change-deadline").textContent).toBe(text);
  });

  test.each<[UiLanguage, string]>([
    ["it", "Attenzione: per questo orario il termine per spostare o annullare online è già scaduto (il 6 dicembre alle 10:00). Una volta confermato, per modifiche dovrai contattare l'ufficio."],
    ["en", "Please note: for this time the deadline to move or cancel online has already passed (on December 6 at 10:00 AM). Once confirmed, you will need to contact the office for any change."],
    ["de", "Achtung: Für diese Uhrzeit ist die Frist zum Verschieben oder Stornieren online bereits abgelaufen (am 6. Dezember um 10:00 Uhr). Nach der Bestätigung wenden Sie sich für Änderungen bitte an das Amt."],
  ])("a hold already past the deadline warns before confirming, in %s", (language, text) => {
    renderIn(<ChangeDeadline appointment={deadline(SUNDAY, true)} held />, language);
    expect(screen.getByTestId("change-deadline").textContent).toBe(text);
  });

  test.each<[UiLanguage, string]>([
    ["it", "Il termine per spostarlo o annullarlo online è scaduto l'8 dicembre alle 10:00: per modifiche contatta l'ufficio."],
    ["en", "The deadline to move or cancel it online passed on December 8 at 10:00 AM: please contact the office for changes."],
    ["de", "Die Frist, ihn online zu verschieben oder zu stornieren, ist am 8. Dezember um 10:00 Uhr abgelaufen: Wenden Sie sich für Änderungen an das Amt."],
  ])("of a booking past its deadline, in %s", (language, text) => {
    renderIn(<ChangeDeadline appointment={deadline("2026-12-08T09:00:00Z", true)} />, language);
    expect(screen.getByTestId("change-deadline").textContent).toBe(text);
  });

  test("Italian articles: il 6, l'8, l'11, il 1º; never the article before a weekday", () => {
    expect(formatOnDay(SUNDAY, "it")).toBe("il 6 dicembre");
    expect(formatOnDay("2026-12-08T09:00:00Z", "it")).toBe("l'8 dicembre");
    expect(formatOnDay("2026-12-11T09:00:00Z", "it")).toBe("l'11 dicembre");
    expect(formatOnDay("2026-12-01T09:00:00Z", "it")).toBe("il 1º dicembre");
    expect(formatDayInSentence(SUNDAY, "it")).toBe("domenica 6 dicembre");
  });

  test("the day is the municipality's, and the year is written when it is another", () => {
    // 23:30 UTC on 31 December is already 1 January in Rome.
    expect(formatOnDay("2026-12-31T23:30:00Z", "it")).toBe("il 1º gennaio 2027");
    expect(formatDayInSentence("2027-01-04T09:00:00Z", "de")).toBe("Montag, 4. Januar 2027");
  });
});

describe("ChangeDeadline of a booking", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-05T08:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  test("before the deadline says until when, with no telephone needed", () => {
    renderIn(<ChangeDeadline appointment={deadline(MONDAY, false)} phone="+39 0587 000110" />);
    expect(screen.getByTestId("change-deadline").textContent).toBe(
      "Puoi spostarlo o annullarlo online fino a lunedì 7 dicembre, ore 10:00.",
    );
    expect(screen.queryByTestId("office-phone")).toBeNull();
  });

  test("past the deadline says whom to call", () => {
    renderIn(<ChangeDeadline appointment={deadline(SUNDAY, true)} phone="+39 0587 000110" />);
    expect(screen.getByTestId("change-deadline").textContent).toBe(
      "Il termine per spostarlo o annullarlo online è scaduto il 6 dicembre alle 10:00: per modifiche contatta l'ufficio.",
    );
    expect(screen.getByTestId("office-phone").textContent).toBe("Telefono dell'ufficio: +39 0587 000110.");
  });
});
