import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nextProvider } from "react-i18next";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";

import { createI18n, type UiLanguage } from "./i18n";

/** Shows the router's current path and query, so a test can read where a link or form led. */
function CurrentLocation() {
  const location = useLocation();
  return <span data-testid="location">{location.pathname + location.search}</span>;
}

/** Renders a component in a router at `url`, with the real translations of `language`. */
export function renderAt(ui: ReactElement, { url = "/", language = "it" }: { url?: string; language?: UiLanguage } = {}) {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="*" element={<>{ui}<CurrentLocation /></>} />
        </Routes>
      </MemoryRouter>
    </I18nextProvider>,
  );
}

/** Renders a component with the real translations of `language`. */
export function renderIn(ui: ReactElement, language: UiLanguage = "it") {
  return renderAt(ui, { language });
}
