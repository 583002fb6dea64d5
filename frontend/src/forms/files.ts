import { FILE_STORAGE } from "./definition";

/** A file the server stored for a practice: the `File` of the GraphQL schema. */
export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  contentType: string;
  /** A signed download link, valid for a few minutes. */
  url: string;
  /** What the form data holds for the file: `{id, name, size, type}` (JSON in the schema). */
  reference: unknown;
}

/** The keys of a file reference the server validates (docs/formio-validation.md). */
const REFERENCE_KEYS = ["id", "name", "size", "type"] as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * What the renderer keeps for an upload: the reference, plus what it needs to show and open it
 * (`fileId`: the File's GraphQL id, to sign a fresh link when it is opened).
 */
export function rendererFile(file: UploadedFile): Json {
  const reference = isObject(file.reference) ? file.reference : {};
  return { ...reference, storage: FILE_STORAGE, originalName: file.name, url: file.url, fileId: file.id };
}

function mapTree(value: unknown, map: (object: Json) => Json | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => mapTree(item, map));
  if (!isObject(value)) return value;
  const mapped = map(value);
  if (mapped) return mapped;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapTree(item, map)]));
}

/** The form data as the server takes it: file values reduced to their references. */
export function submissionData(data: Json): Json {
  return mapTree(data, (object) =>
    object.storage === FILE_STORAGE
      ? Object.fromEntries(REFERENCE_KEYS.filter((key) => key in object).map((key) => [key, object[key]]))
      : undefined,
  ) as Json;
}

function isReference(object: Json): boolean {
  return typeof object.id === "string" && typeof object.name === "string" && typeof object.size === "number";
}

/**
 * Stored form data with download links for its files (from `Practice.files`), so the renderer
 * can open them; references to files not listed stay as they are.
 */
export function withFileLinks(data: Json, files: readonly UploadedFile[]): Json {
  const byId = new Map(files.map((file) => [file.id, file] as const));
  for (const file of files) {
    if (isObject(file.reference) && typeof file.reference.id === "string") byId.set(file.reference.id, file);
  }
  return mapTree(data, (object) => {
    const file = isReference(object) ? byId.get(object.id as string) : undefined;
    return file ? { ...object, ...rendererFile(file) } : undefined;
  }) as Json;
}
