import type { CombinedError } from "urql";

/** A problem to show the user: a payload's FieldError, or a failure of the request itself. */
export interface Problem {
  field?: string | null;
  code: string;
  message: string;
}

/**
 * The payload's errors, or the problems of a request that failed outright: the server's own
 * words for a GraphQL error (in the interface's language, sent as Accept-Language), one
 * problem for a failed connection.
 */
export function problemsOf(
  errors: readonly Problem[] | undefined,
  failure: CombinedError | undefined,
): Problem[] {
  if (failure) {
    if (failure.networkError || !failure.graphQLErrors.length) {
      return [{ field: null, code: "NETWORK", message: failure.message }];
    }
    return failure.graphQLErrors.map((error) => ({ field: null, code: "SERVER", message: error.message }));
  }
  return [...(errors ?? [])];
}
