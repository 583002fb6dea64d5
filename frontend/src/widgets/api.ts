import type { Language } from "./messages";
import { persistedDocument, type WidgetOperation } from "./documents";

/** Where a widget reads from: the Sportello server and the municipality on it. */
export interface Endpoint {
  /** Origin of the Sportello server, e.g. "https://sportello.example". */
  api: string;
  tenant: string;
  language: Language;
}

interface GraphQLError {
  message: string;
  extensions?: { code?: string };
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLError[];
}

export class RequestFailed extends Error {}

/** Hashes the server said it does not know: asked again with their text straight away. */
const unknownHashes = new Set<string>();

function isPersistedQueryNotFound(error: GraphQLError): boolean {
  return error.extensions?.code === "PERSISTED_QUERY_NOT_FOUND" || error.message === "PersistedQueryNotFound";
}

function graphqlUrl({ api, tenant }: Endpoint): string {
  return `${api}/${encodeURIComponent(tenant)}/graphql`;
}

/** Variables without nulls, so equal requests have equal (cacheable) addresses. */
function compact(variables: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(variables).filter(([, value]) => value != null));
}

function getUrl(endpoint: Endpoint, name: WidgetOperation, variables: Record<string, unknown>, hashOnly: boolean) {
  const { hash, query } = persistedDocument(name);
  const url = new URL(graphqlUrl(endpoint));
  url.searchParams.set("operationName", name);
  url.searchParams.set("variables", JSON.stringify(compact(variables)));
  if (hashOnly) {
    url.searchParams.set("extensions", JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  } else {
    url.searchParams.set("query", query);
  }
  return url.href;
}

async function send<T>(url: string, endpoint: Endpoint, fetcher: typeof fetch): Promise<GraphQLResponse<T>> {
  // A GET with only safelisted headers and no cookies: no CORS preflight, and cacheable.
  const response = await fetcher(url, {
    credentials: "omit",
    headers: { accept: "application/json", "accept-language": endpoint.language },
  });
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) throw new RequestFailed(`${response.status} ${response.statusText}`);
  return (await response.json()) as GraphQLResponse<T>;
}

/**
 * Runs a public query over GET by its persisted hash, and by its text when the server answers
 * that it does not know the hash (an older server, or a build newer than the server's list).
 */
export async function query<T>(
  endpoint: Endpoint,
  name: WidgetOperation,
  variables: Record<string, unknown>,
  fetcher: typeof fetch = fetch,
): Promise<T> {
  const { hash } = persistedDocument(name);
  let body: GraphQLResponse<T> | undefined;
  if (!unknownHashes.has(hash)) {
    body = await send<T>(getUrl(endpoint, name, variables, true), endpoint, fetcher);
    if (body.errors?.some(isPersistedQueryNotFound)) {
      unknownHashes.add(hash);
      body = undefined;
    }
  }
  body ??= await send<T>(getUrl(endpoint, name, variables, false), endpoint, fetcher);
  if (body.errors?.length || !body.data) {
    throw new RequestFailed(body.errors?.map((error) => error.message).join("; ") ?? "no data");
  }
  return body.data;
}
