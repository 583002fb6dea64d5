import persisted from "../gql/persisted-documents.json";

/**
 * The widgets' GraphQL documents, by operation name: the hash the server knows them by and the
 * text to send when it does not. The widgets' build keeps only the `Widget…` entries of the
 * generated hash → document file (see vite.widgets.config.ts), so the script carries no other
 * operation and no GraphQL library.
 */
export interface PersistedDocument {
  hash: string;
  query: string;
}

export type WidgetOperation = "WidgetCategories" | "WidgetServices" | "WidgetService" | "WidgetFreeSlots";

/** The name of the operation a document defines (its fragments come first, sorted by codegen). */
export function operationName(query: string): string | undefined {
  return /\b(?:query|mutation|subscription)\s+(\w+)/.exec(query)?.[1];
}

export function persistedDocument(
  name: WidgetOperation,
  documents: Record<string, string> = persisted,
): PersistedDocument {
  const entry = Object.entries(documents).find(([, query]) => operationName(query) === name);
  if (!entry) throw new Error(`${name} is missing from the persisted documents: run npm run codegen`);
  return { hash: entry[0], query: entry[1] };
}
