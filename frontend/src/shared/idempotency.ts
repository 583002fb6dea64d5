/**
 * A fresh idempotency key for one user action. getRandomValues, unlike randomUUID, also works on
 * pages not served over HTTPS (a municipality's test installation).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
