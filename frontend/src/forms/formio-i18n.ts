/**
 * The renderer's texts per language: Form.io's messages (Sportello's dictionaries) with the
 * form's own translations on top. A definition may carry `i18n: { en: { "<text as written in the
 * definition>": "<translation>" }, de: {…} }`, Form.io's convention: the renderer looks every
 * label, description, option, placeholder and tooltip up by its text.
 */
import { formioGerman } from "./formio-de";
import { formioEnglishOverride } from "./formio-en";
import { formioItalian } from "./formio-it";

export const FORM_LANGUAGES = ["it", "en", "de"] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

/** Sportello's dictionary per language (English: only what replaces or adds to Form.io's). */
export const DICTIONARIES: Record<FormLanguage, Record<string, string>> = {
  it: formioItalian,
  en: formioEnglishOverride,
  de: formioGerman,
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The definition's translations into `language`: text → translation, strings only. */
export function definitionTranslations(definition: Json, language: string): Record<string, string> {
  const all = isObject(definition.i18n) ? definition.i18n : {};
  const own = isObject(all[language]) ? all[language] : {};
  return Object.fromEntries(
    Object.entries(own).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
}

/** The `i18n` option of Form.io's renderer for this definition: every language, complete. */
export function rendererTranslations(definition: Json): Record<FormLanguage, Record<string, string>> {
  return Object.fromEntries(
    FORM_LANGUAGES.map((language) => [language, { ...DICTIONARIES[language], ...definitionTranslations(definition, language) }]),
  ) as Record<FormLanguage, Record<string, string>>;
}
