let counter = 0;

/** An id unique in the page, for label/input and heading pairs (a page may hold several widgets). */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `sportello-${prefix}-${counter}`;
}

/**
 * Whether a value is a Relay global id of the given type (base64 of "Type:key") rather than a
 * slug, so that attributes may hold either.
 */
export function isGlobalId(value: string, type: string): boolean {
  try {
    return atob(value).startsWith(`${type}:`);
  } catch {
    return false;
  }
}
