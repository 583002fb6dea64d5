import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nextProvider } from "react-i18next";
import { MemoryRouter } from "react-router";

import { createI18n, type UiLanguage } from "../shared/i18n";

/** Renders an operator component in a router at `url`, with the real translations of `language`. */
export function renderOperator(ui: ReactElement, { url = "/", language = "it" }: { url?: string; language?: UiLanguage } = {}) {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <MemoryRouter initialEntries={[url]}>{ui}</MemoryRouter>
    </I18nextProvider>,
  );
}
