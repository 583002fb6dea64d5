import { describe, expect, it } from "vitest";

import { ratedPath } from "./ratedPath";

describe("the path a page's rating counts under", () => {
  it("is the page's address", () => {
    expect(ratedPath("/")).toBe("/");
    expect(ratedPath("/servizi/cambio-residenza")).toBe("/servizi/cambio-residenza");
    expect(ratedPath("/prenotazioni/mie/")).toBe("/prenotazioni/mie");
  });

  it("counts every practice's page as one page, without the practice's id", () => {
    expect(ratedPath("/pratiche/UHJhY3RpY2U6MTIz")).toBe("/pratiche/:id");
    expect(ratedPath("/pratiche")).toBe("/pratiche");
  });
});
