import type { Client } from "urql";

import { FilesFreshLinkDocument } from "../../gql/graphql";

/** Why a download did not happen; each has its message under `download.failed` in common.json. */
export type DownloadFailure = "NOT_FOUND" | "FILE_NOT_FOUND" | "LINK_EXPIRED" | "INVALID_LINK" | "NETWORK";

const SERVER_CODES: readonly DownloadFailure[] = ["NOT_FOUND", "FILE_NOT_FOUND", "LINK_EXPIRED", "INVALID_LINK"];

/** A file to download: its GraphQL id and the name to save it under. */
export interface DownloadableFile {
  id: string;
  name: string;
}

/** The failure a refused download's JSON body names (`{code, message}` from the server). */
export async function refusalOf(response: Response): Promise<DownloadFailure> {
  const body: unknown = await response.json().catch(() => null);
  const code = typeof body === "object" && body !== null ? (body as { code?: unknown }).code : undefined;
  return SERVER_CODES.find((known) => known === code) ?? "NOT_FOUND";
}

/** Hands the bytes to the browser as a download named `name`. */
function save(blob: Blob, name: string) {
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = href;
  anchor.download = name;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The browser has taken the bytes once the click is handled; a minute is ample.
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/**
 * Downloads a practice's file under a link signed right now (the one on the page may have
 * expired): the file is read again through the API, then fetched. Null when it was saved, else
 * why not, so the page can say so in the person's language.
 */
export async function downloadFile(client: Client, file: DownloadableFile, language: string): Promise<DownloadFailure | null> {
  const read = await client.query(FilesFreshLinkDocument, { id: file.id }, { requestPolicy: "network-only" }).toPromise();
  if (read.error) return read.error.networkError ? "NETWORK" : "NOT_FOUND";
  const node = read.data?.node;
  const url = node && "url" in node ? node.url : null;
  if (!url) return "NOT_FOUND";
  let response: Response;
  try {
    // Relative to the server, which serves the apps too.
    response = await fetch(new URL(url, window.location.href), {
      headers: { "accept-language": language },
      credentials: "omit",
    });
  } catch {
    return "NETWORK";
  }
  if (!response.ok) return refusalOf(response);
  save(await response.blob(), file.name);
  return null;
}
