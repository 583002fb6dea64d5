import { CombinedError } from "urql";

import { problemsOf } from "./problems";

describe("problemsOf", () => {
  test("a payload's errors are shown as the server words them", () => {
    const errors = [{ field: null, code: "INVALID_CREDENTIALS", message: "Nome utente o password non corretti." }];
    expect(problemsOf(errors, undefined)).toEqual(errors);
  });

  test("a GraphQL error keeps the server's words, without urql's English prefix", () => {
    const failure = new CombinedError({
      graphQLErrors: [{ message: "Questa operazione è riservata al personale del Comune.", extensions: { code: "FORBIDDEN" } }],
    });
    expect(problemsOf(undefined, failure)).toEqual([
      { field: null, code: "SERVER", message: "Questa operazione è riservata al personale del Comune." },
    ]);
  });

  test("a failed connection is one problem", () => {
    const failure = new CombinedError({ networkError: new Error("Failed to fetch") });
    expect(problemsOf(undefined, failure)).toEqual([{ field: null, code: "NETWORK", message: "[Network] Failed to fetch" }]);
  });
});
