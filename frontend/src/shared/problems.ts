import type { CombinedError } from "urql";

/** A problem to show the user: a payload's FieldError, or a failure of the request itself. */
export interface Problem {
  field?: string | null;
  code: string;
  message: string;
}

/** The payload's errors, or one problem for a request that failed outright. */
export function problemsOf(
  errors: readonly Problem[] | undefined,
  failure: CombinedError | undefined,
): Problem[] {
  if (failure) {
    const code = failure.networkError ? "NETWORK" : "SERVER";
    return [{ field: null, code, message: failure.message }];
  }
  return [...(errors ?? [])];
}
