import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nextProvider } from "react-i18next";

import { createI18n, type UiLanguage } from "../../shared/i18n";

// jsdom has no CSS.escape, which user-event uses to find the other radios of a group for the arrow keys.
globalThis.CSS ??= { escape: (value: string) => value.replace(/([^\w-])/g, "\\$1") } as typeof CSS;

/** Renders a component of this area with the real translations of `language`. */
export function renderIn(element: ReactElement, language: UiLanguage = "it") {
  const i18n = createI18n(language);
  return render(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
}
