import { neighbours, PAGE_SIZE, refined, searchFromParams, searchQueryString, servicesVariables } from "./search";

const params = (query: string) => new URLSearchParams(query);

describe("the catalogue search in the URL", () => {
  it("reads words, category and cursor from the query", () => {
    expect(searchFromParams(params("?q=carta+identit%C3%A0&categoria=anagrafe-stato-civile&dopo=abc"))).toEqual({
      text: "carta identità",
      category: "anagrafe-stato-civile",
      after: "abc",
      before: null,
    });
  });

  it("treats missing and blank parameters as no filter", () => {
    expect(searchFromParams(params("?q=%20%20&categoria="))).toEqual({ text: "", category: null, after: null, before: null });
  });

  it("writes only the parameters that say something, and reads them back the same", () => {
    const search = { text: "tari", category: "tributi", after: null, before: "xyz" };
    const query = searchQueryString(search);
    expect(query).toBe("?q=tari&categoria=tributi&prima=xyz");
    expect(searchFromParams(params(query))).toEqual(search);
    expect(searchQueryString({ text: " ", category: null })).toBe("");
  });

  it("goes back to the first page when the search is refined", () => {
    const search = { text: "tari", category: null, after: "abc", before: null };
    expect(refined(search, { category: "tributi" })).toEqual({ text: "tari", category: "tributi", after: null, before: null });
  });
});

describe("the services query of a search", () => {
  it("sorts by relevance when there are words, by name when browsing", () => {
    const searching = servicesVariables({ text: " anagrafe ", category: null, after: null, before: null }, null);
    expect(searching.sort).toEqual({ field: "RELEVANCE", descending: false });
    expect(searching.filter).toEqual({ text: "anagrafe", categories: null });
    const browsing = servicesVariables({ text: "", category: "tributi", after: null, before: null }, "Q2F0OjE=");
    expect(browsing.sort?.field).toBe("NAME");
    expect(browsing.filter).toEqual({ text: null, categories: ["Q2F0OjE="] });
  });

  it("pages forward with first/after and backward with last/before", () => {
    expect(servicesVariables({ text: "", category: null, after: "a", before: null }, null)).toMatchObject({ first: PAGE_SIZE, after: "a" });
    const backward = servicesVariables({ text: "", category: null, after: null, before: "b" }, null);
    expect(backward).toMatchObject({ last: PAGE_SIZE, before: "b" });
    expect(backward).not.toHaveProperty("first");
  });

  it("knows the neighbouring pages from the cursor that brought us here", () => {
    const none = { hasNextPage: false, hasPreviousPage: false };
    const first = { text: "", category: null, after: null, before: null };
    expect(neighbours(first, { ...none, hasNextPage: true })).toEqual({ previous: false, next: true });
    expect(neighbours({ ...first, after: "a" }, none)).toEqual({ previous: true, next: false });
    expect(neighbours({ ...first, before: "b" }, none)).toEqual({ previous: false, next: true });
  });
});
