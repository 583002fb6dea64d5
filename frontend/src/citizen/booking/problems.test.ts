import { CombinedError } from "urql";

import { createI18n } from "../../shared/i18n";
import { bookingProblems, timeIsGone } from "./problems";

const t = createI18n("it").getFixedT("it", "booking");

describe("bookingProblems", () => {
  test("explains booking conflicts in the UI language, and keeps other messages", () => {
    const problems = bookingProblems(
      [
        { field: "id", code: "TOO_LATE", message: "changes are possible until 3 days before" },
        { field: "message", code: "MAX_LENGTH", message: "Al massimo 500 caratteri." },
      ],
      undefined,
      t,
    );
    expect(problems).toEqual([
      { field: null, code: "TOO_LATE", message: expect.stringMatching(/^Non è più possibile modificare o annullare online/) },
      { field: "message", code: "MAX_LENGTH", message: "Al massimo 500 caratteri." },
    ]);
    expect(timeIsGone(problems)).toBe(false);
  });

  test("a full slot means the free times must be read again", () => {
    const problems = bookingProblems([{ field: "start", code: "SLOT_FULL", message: "every desk of this slot is taken" }], undefined, t);
    expect(problems[0].message).toMatch(/è stato prenotato da altri/);
    expect(timeIsGone(problems)).toBe(true);
  });

  test("a citizen's own limits are explained, and the free times stand", () => {
    const problems = bookingProblems(
      [
        { field: "start", code: "ALREADY_BOOKED", message: "this person already has an appointment or a hold at this time" },
        { field: null, code: "TOO_MANY_HOLDS", message: "at most 2 unconfirmed holds on this calendar: confirm or cancel one first" },
      ],
      undefined,
      t,
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^Hai già un appuntamento/),
      expect.stringMatching(/^Hai già troppi orari da confermare/),
    ]);
    expect(timeIsGone(problems)).toBe(false);
  });

  test("a failed request is one problem", () => {
    const failure = new CombinedError({ networkError: new Error("Failed to fetch") });
    expect(bookingProblems(undefined, failure, t)).toEqual([{ field: null, code: "NETWORK", message: "[Network] Failed to fetch" }]);
  });
});
