import type { TFunction } from "i18next";
import type { CombinedError } from "urql";

import { problemsOf, type Problem } from "../../shared/problems";

/**
 * Codes of booking problems this area explains in its own words: the server's messages for them
 * are terse English, and each of them asks the citizen to do something (choose again, call the office).
 */
const EXPLAINED = [
  "SLOT_FULL",
  "SLOT_UNAVAILABLE",
  "HOLD_EXPIRED",
  "TOO_LATE",
  "INTERVAL_TAKEN",
  "INTERVAL_UNAVAILABLE",
  "ALREADY_BOOKED",
  "TOO_MANY_HOLDS",
] as const;

export type ExplainedCode = (typeof EXPLAINED)[number];

export function isExplained(code: string): code is ExplainedCode {
  return (EXPLAINED as readonly string[]).includes(code);
}

/** The problems of a booking mutation, the explained ones in the UI language (t of namespace "booking"). */
export function bookingProblems(
  errors: readonly Problem[] | undefined,
  failure: CombinedError | undefined,
  t: TFunction<"booking">,
): Problem[] {
  return problemsOf(errors, failure).map((problem) =>
    isExplained(problem.code) ? { ...problem, field: null, message: t(`problems.${problem.code}`) } : problem,
  );
}

/** Explained codes about the citizen's own appointments, not about the chosen time. */
const OWN: readonly string[] = ["TOO_LATE", "ALREADY_BOOKED", "TOO_MANY_HOLDS"];

/** The explained codes that mean the chosen time is gone. */
const GONE: readonly string[] = EXPLAINED.filter((code) => !OWN.includes(code));

/** Whether the problems say the chosen time is gone, so the free times must be read again. */
export function timeIsGone(problems: readonly Problem[]): boolean {
  return problems.some((problem) => GONE.includes(problem.code));
}
