import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";

/** Interface languages; every one has a folder under src/i18n with one JSON file per namespace. */
export const LANGUAGES = ["it", "en", "de"] as const;
export type UiLanguage = (typeof LANGUAGES)[number];
const STORAGE_KEY = "sportello:language";

const files = import.meta.glob<Record<string, unknown>>("../i18n/*/*.json", {
  eager: true,
  import: "default",
});

function resources() {
  const all: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, messages] of Object.entries(files)) {
    const [, language, namespace] = /i18n\/(\w+)\/([\w-]+)\.json$/.exec(path) ?? [];
    if (!language || !namespace) continue;
    (all[language] ??= {})[namespace] = messages;
  }
  return all;
}

export function isUiLanguage(value: string | null | undefined): value is UiLanguage {
  return LANGUAGES.includes(value as UiLanguage);
}

/** The remembered choice, else the browser's first supported language, else Italian. */
export function initialLanguage(): UiLanguage {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  if (isUiLanguage(saved)) return saved;
  for (const tag of navigator.languages ?? []) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isUiLanguage(base)) return base;
  }
  return "it";
}

export function rememberLanguage(language: UiLanguage): void {
  window.localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

export function createI18n(language: UiLanguage = initialLanguage()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: resources(),
    lng: language,
    fallbackLng: "it",
    defaultNS: "common",
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = language;
  instance.on("languageChanged", (next) => {
    if (isUiLanguage(next)) rememberLanguage(next);
  });
  return instance;
}
