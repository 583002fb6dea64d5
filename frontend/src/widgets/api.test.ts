import { query, RequestFailed, type Endpoint } from "./api";
import { persistedDocument } from "./documents";

const endpoint: Endpoint = { api: "https://sportello.example", tenant: "bugliano", language: "de" };

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
}

function requested(fetcher: ReturnType<typeof vi.fn>, call: number): URL {
  return new URL(fetcher.mock.calls[call][0] as string);
}

describe("query", () => {
  it("asks by persisted hash over GET, in the widget's language, without nulls in the variables", async () => {
    const fetcher = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => json({ data: { services: [] } }));
    const data = await query(endpoint, "WidgetServices", { first: 9, after: null }, fetcher);
    expect(data).toEqual({ services: [] });
    const url = requested(fetcher, 0);
    expect(url.origin + url.pathname).toBe("https://sportello.example/bugliano/graphql");
    expect(url.searchParams.get("query")).toBeNull();
    expect(JSON.parse(url.searchParams.get("variables")!)).toEqual({ first: 9 });
    expect(JSON.parse(url.searchParams.get("extensions")!)).toEqual({
      persistedQuery: { version: 1, sha256Hash: persistedDocument("WidgetServices").hash },
    });
    expect(fetcher.mock.calls[0][1]).toMatchObject({ credentials: "omit", headers: { "accept-language": "de" } });
  });

  it("sends the text when the server does not know the hash, and straight away afterwards", async () => {
    const fetcher = vi
      .fn()
      .mockResolvedValueOnce(json({ errors: [{ message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }] }))
      .mockImplementation(async () => json({ data: { freeSlots: [] } }));
    const variables = { serviceId: "x", start: "2026-12-01", end: "2026-12-27" };
    await query(endpoint, "WidgetFreeSlots", variables, fetcher);
    await query(endpoint, "WidgetFreeSlots", variables, fetcher);
    expect(fetcher).toHaveBeenCalledTimes(3);
    expect(requested(fetcher, 1).searchParams.get("query")).toBe(persistedDocument("WidgetFreeSlots").query);
    expect(requested(fetcher, 2).searchParams.get("query")).toMatch(/^query WidgetFreeSlots/);
  });

  it("fails on GraphQL errors and on answers that are not JSON", async () => {
    const failing = vi.fn().mockResolvedValue(json({ data: null, errors: [{ message: "boom" }] }));
    await expect(query(endpoint, "WidgetCategories", {}, failing)).rejects.toThrow(RequestFailed);
    const html = vi.fn().mockResolvedValue(new Response("<h1>Bad gateway</h1>", { status: 502, headers: { "content-type": "text/html" } }));
    await expect(query(endpoint, "WidgetCategories", {}, html)).rejects.toThrow("502");
  });
});
