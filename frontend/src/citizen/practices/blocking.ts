import type { Problem } from "../../shared/problems";

/** Codes that mean the citizen cannot apply at all now, whatever they fill in. */
const BLOCKING = ["SERVICE_NOT_OPEN", "ACCESS_LEVEL_TOO_LOW", "NO_FORM"] as const;
export type BlockingCode = (typeof BLOCKING)[number];

/** The first problem that stops the application outright, to be explained in plain words. */
export function blockingCode(problems: readonly Problem[]): BlockingCode | null {
  const found = problems.find((problem) => (BLOCKING as readonly string[]).includes(problem.code));
  return (found?.code as BlockingCode | undefined) ?? null;
}
