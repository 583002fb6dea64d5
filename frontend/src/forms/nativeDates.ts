/**
 * Date and time fields rendered as the browser's own inputs. Form.io's date picker (flatpickr)
 * is fetched from Form.io's CDN at run time; the native controls need nothing, are keyboard and
 * screen-reader friendly, and produce the ISO values the server validates.
 */

export type NativeInputType = "date" | "datetime-local" | "time";

/** The input for a Form.io `datetime` component: its enableDate / enableTime switches. */
export function nativeInputType(component: { enableDate?: boolean; enableTime?: boolean }): NativeInputType {
  const date = component.enableDate !== false;
  const time = component.enableTime !== false;
  if (!date) return "time";
  return time ? "datetime-local" : "date";
}

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/;

/**
 * A stored value as the input shows it. Values the municipality's forms stored are local
 * wall-clock times (with or without an offset); the input takes them without the offset.
 */
export function toInputValue(value: unknown, type: NativeInputType): string {
  if (typeof value !== "string") return "";
  if (type === "time") return /^\d{2}:\d{2}/.exec(value)?.[0] ?? "";
  const match = ISO.exec(value);
  if (!match) return "";
  const [, day, time] = match;
  return type === "date" ? day : `${day}T${time ?? "00:00"}`;
}

/** A value written out for reading, e.g. "10 dicembre 2026, 18:00". */
export function formatValue(value: unknown, type: NativeInputType, language: string): string {
  const input = toInputValue(value, type);
  if (!input) return "";
  if (type === "time") return input;
  const [day, time] = input.split("T");
  const [year, month, date] = day.split("-").map(Number);
  // Built in UTC and formatted in UTC: the wall-clock value is shown as written.
  const instant = new Date(Date.UTC(year, month - 1, date, ...(time ? time.split(":").map(Number) : [0, 0])));
  return new Intl.DateTimeFormat(language, {
    timeZone: "UTC",
    dateStyle: "long",
    ...(type === "datetime-local" ? { timeStyle: "short" } : {}),
  }).format(instant);
}
