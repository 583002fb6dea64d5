import { persistedExchange } from "@urql/exchange-persisted";
import { cacheExchange, Client, fetchExchange, type TypedDocumentNode } from "urql";

import { graphqlUrl } from "./tenant";

export interface ClientOptions {
  tenant: string;
  /** Origin of the Sportello server; empty for the page's own. */
  origin?: string;
  /** The current access token, asked before every request (null when anonymous). */
  accessToken?: () => Promise<string | null>;
  /** The interface language, sent as Accept-Language so translated texts follow it. */
  language?: () => string;
}

/** The hash GraphQL Code Generator embedded in a document (see codegen.ts). */
function embeddedHash(_query: string, document: TypedDocumentNode<unknown, unknown>) {
  const meta = (document as { __meta__?: { hash?: string } }).__meta__;
  return Promise.resolve(meta?.hash ?? null);
}

/**
 * An urql client for one municipality. Queries go as persisted-document hashes over GET
 * (cacheable by browsers and CDNs for anonymous readers); mutations are POSTed in full;
 * uploads use the GraphQL multipart request, which the server accepts only with the
 * preflight header below.
 */
export function createClient({ tenant, origin = "", accessToken, language }: ClientOptions): Client {
  return new Client({
    url: graphqlUrl(tenant, origin),
    exchanges: [
      cacheExchange,
      persistedExchange({ generateHash: embeddedHash, preferGetForPersistedQueries: "within-url-limit" }),
      fetchExchange,
    ],
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      const token = accessToken ? await accessToken() : null;
      if (token) headers.set("authorization", `Bearer ${token}`);
      if (language) headers.set("accept-language", language());
      if (init?.method === "POST") headers.set("apollo-require-preflight", "true");
      return fetch(input, { ...init, headers });
    },
  });
}
