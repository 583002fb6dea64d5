import { useTranslation } from "react-i18next";

import { LANGUAGES } from "../i18n";

const NAMES = { it: "Italiano", en: "English", de: "Deutsch" } as const;

/** The interface language; the choice is remembered in this browser. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <div className="d-flex align-items-center">
      <label htmlFor="ui-language" className="visually-hidden">
        {t("language.label")}
      </label>
      <select
        id="ui-language"
        className="form-select form-select-sm w-auto"
        value={i18n.language}
        onChange={(event) => void i18n.changeLanguage(event.target.value)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
