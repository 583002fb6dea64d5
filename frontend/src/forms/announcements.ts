/**
 * What a screen reader hears while a person types in a field with limits ("8 characters left"),
 * in the form's language. Form.io builds these sentences in English without its t(); the
 * renderer (renderer.ts) takes its announcer away and speaks these instead. Same rules as
 * Form.io's: counts of characters and words for text, bounds for numbers.
 */

export type Translate = (key: string, params?: Record<string, unknown>) => string;

interface Limits {
  validate?: { minLength?: unknown; maxLength?: unknown; minWords?: unknown; maxWords?: unknown; min?: unknown; max?: unknown };
}

/** From how many characters (words) left the count is read out, as Form.io does. */
const THRESHOLD = { character: 10, word: 5 } as const;

function limit(value: unknown): number {
  return Number.parseInt(String(value ?? ""), 10);
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

function counted(t: Translate, language: string, base: "character" | "word", count: number) {
  const form = new Intl.PluralRules(language).select(count) === "one" ? "one" : "other";
  return { count, unit: t(`${base}_${form}`) };
}

function textMessage(t: Translate, language: string, base: "character" | "word", limits: Limits, value: string): string[] {
  const rules = limits.validate ?? {};
  const max = limit(base === "word" ? rules.maxWords : rules.maxLength);
  const min = limit(base === "word" ? rules.minWords : rules.minLength);
  const length = base === "word" ? wordCount(value) : value.length;
  const parts: string[] = [];
  if (!Number.isNaN(max)) {
    const left = max - length;
    if (!value) parts.push(t("srMaximum", counted(t, language, base, max)));
    else if (left > 0 && left < THRESHOLD[base]) parts.push(t("srRemaining", counted(t, language, base, left)));
    else if (left < 0) parts.push(t("srTooMany", counted(t, language, base, -left)));
    else if (left === 0) parts.push(t("srLimitReached"));
  }
  if (!Number.isNaN(min)) {
    if (!value) parts.push(t("srMinimum", counted(t, language, base, min)));
    else if (min - length > 0) parts.push(t("srMissing", counted(t, language, base, min - length)));
  }
  return parts;
}

function numberMessage(t: Translate, limits: Limits, value: number | null): string[] {
  const rules = limits.validate ?? {};
  const max = limit(rules.max);
  const min = limit(rules.min);
  const parts: string[] = [];
  if (value !== null) {
    if (!Number.isNaN(max) && value > max) parts.push(t("srNumberAbove", { max }));
    if (!Number.isNaN(min) && value < min) parts.push(t("srNumberBelow", { min }));
  } else {
    if (!Number.isNaN(min)) parts.push(t("srMinimumValue", { min }));
    if (!Number.isNaN(max)) parts.push(t("srMaximumValue", { max }));
  }
  return parts;
}

/** The sentence for a field's current value; empty when there is nothing to say. */
export function limitAnnouncement(t: Translate, language: string, limits: Limits, value: unknown): string {
  if (typeof value === "string") {
    return [...textMessage(t, language, "character", limits, value), ...textMessage(t, language, "word", limits, value)].join(" ");
  }
  if (typeof value === "number" || value === null) return numberMessage(t, limits, value).join(" ");
  return "";
}
