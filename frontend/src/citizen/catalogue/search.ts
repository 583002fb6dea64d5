import type { CatalogueServicesQueryVariables } from "../../gql/graphql";

/** Services per page of the catalogue (a 3-column grid of 4 rows). */
export const PAGE_SIZE = 12;

/**
 * What the visitor is looking at, kept in the URL query so that a search can be linked and the
 * back button returns to it: `?q=<words>&categoria=<category slug>` and, for a page past the
 * first, `dopo=<cursor>` (the page after it) or `prima=<cursor>` (the page before it).
 */
export interface CatalogueSearch {
  text: string;
  category: string | null;
  after: string | null;
  before: string | null;
}

const PARAMS = { text: "q", category: "categoria", after: "dopo", before: "prima" } as const;

export function searchFromParams(params: URLSearchParams): CatalogueSearch {
  const read = (name: string) => params.get(name)?.trim() || null;
  return {
    text: read(PARAMS.text) ?? "",
    category: read(PARAMS.category),
    after: read(PARAMS.after),
    before: read(PARAMS.before),
  };
}

/** The URL query of a search, without empty parameters ("" for the whole catalogue). */
export function searchQueryString(search: Partial<CatalogueSearch>): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAMS) as (keyof CatalogueSearch)[]) {
    const value = search[key]?.trim();
    if (value) params.set(PARAMS[key], value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The same search from its first page, with some of its terms changed. */
export function refined(search: CatalogueSearch, change: Partial<CatalogueSearch>): CatalogueSearch {
  return { ...search, after: null, before: null, ...change };
}

/**
 * The services query for a search: relevance order when there are words to search (best
 * matches first), name order when browsing; forward pages by `after`, backward by `before`.
 */
export function servicesVariables(search: CatalogueSearch, categoryId: string | null): CatalogueServicesQueryVariables {
  const text = search.text.trim();
  const page = search.before
    ? { last: PAGE_SIZE, before: search.before }
    : { first: PAGE_SIZE, after: search.after };
  return {
    filter: { text: text || null, categories: categoryId ? [categoryId] : null },
    sort: { field: text ? "RELEVANCE" : "NAME", descending: false },
    ...page,
  };
}

/**
 * Which neighbouring pages exist. Relay's pageInfo answers only in the direction one paginated
 * (hasPreviousPage may be false going forward), so the other direction comes from the cursor
 * that brought us here.
 */
export function neighbours(
  search: CatalogueSearch,
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean },
): { previous: boolean; next: boolean } {
  if (search.before) return { previous: pageInfo.hasPreviousPage, next: true };
  return { previous: Boolean(search.after), next: pageInfo.hasNextPage };
}
