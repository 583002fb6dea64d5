import { blockingCode } from "./blocking";

describe("problems that stop an application outright", () => {
  test("are told apart from the form's field problems", () => {
    expect(blockingCode([{ field: "data.email", code: "REQUIRED", message: "x" }])).toBeNull();
    expect(
      blockingCode([
        { field: "data.email", code: "REQUIRED", message: "x" },
        { field: "serviceId", code: "ACCESS_LEVEL_TOO_LOW", message: "y" },
      ]),
    ).toBe("ACCESS_LEVEL_TOO_LOW");
  });
});
