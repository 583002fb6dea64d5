import { supportedLanguage, translator } from "./messages";

describe("widget texts", () => {
  it("picks the singular for one and the plural otherwise, in each language", () => {
    expect(translator("it")("servicesFound", { n: 1 })).toBe("1 servizio trovato");
    expect(translator("it")("servicesFound", { n: 12 })).toBe("12 servizi trovati");
    expect(translator("de")("freePlaces", { n: 0 })).toBe("0 Plätze frei");
    expect(translator("en")("page", { page: 2, pages: 5 })).toBe("Page 2 of 5");
  });

  it("falls back to Italian for languages it does not speak", () => {
    expect(supportedLanguage("de-AT")).toBe("de");
    expect(supportedLanguage("EN")).toBe("en");
    expect(supportedLanguage("fr")).toBe("it");
    expect(supportedLanguage("")).toBe("it");
  });
});
