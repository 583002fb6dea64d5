import { componentPathCandidates, formPath, groupProblems } from "./problems";

describe("server problems on the form", () => {
  test("data.<path> names a component path; other fields are not the form's", () => {
    expect(formPath({ field: "data.children[2].birthDate", code: "INVALID_DATE", message: "x" })).toBe(
      "children[2].birthDate",
    );
    expect(formPath({ field: "data", code: "INVALID_TYPE", message: "x" })).toBeNull();
    expect(formPath({ field: "id", code: "NOT_FOUND", message: "x" })).toBeNull();
    expect(formPath({ field: null, code: "NETWORK", message: "x" })).toBeNull();
  });

  test("problems are grouped per path in the order they came, the others kept apart", () => {
    const { byPath, general } = groupProblems([
      { field: "data.fiscalCode", code: "MIN_LENGTH", message: "too short" },
      { field: "id", code: "SERVICE_NOT_OPEN", message: "closed" },
      { field: "data.fiscalCode", code: "INVALID_FISCAL_CODE", message: "not valid" },
      { field: "data.email", code: "REQUIRED", message: "required" },
    ]);
    expect([...byPath]).toEqual([
      ["fiscalCode", ["too short", "not valid"]],
      ["email", ["required"]],
    ]);
    expect(general.map((problem) => problem.code)).toEqual(["SERVICE_NOT_OPEN"]);
  });

  test("a path falls back to its parents: a file of a component, a field of a grid row", () => {
    expect(componentPathCandidates("drawings[1]")).toEqual(["drawings[1]", "drawings"]);
    expect(componentPathCandidates("children[2].birthDate")).toEqual([
      "children[2].birthDate",
      "children[2]",
      "children",
    ]);
    expect(componentPathCandidates("email")).toEqual(["email"]);
  });
});
