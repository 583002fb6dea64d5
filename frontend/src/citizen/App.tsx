import { useTranslation } from "react-i18next";
import { BrowserRouter, Route, Routes, useLocation } from "react-router";

import { Layout } from "../shared/layout/Layout";
import { AccessibilityPage } from "../shared/pages/AccessibilityPage";
import { LoginPage, RequireLogin } from "../shared/pages/LoginPage";
import { NotFoundPage } from "../shared/pages/NotFoundPage";
import { AppProviders } from "../shared/providers";
import { PageRating } from "./rating/PageRating";
import { citizenRoutes } from "./routes";
import { citizenSections, type SectionKey } from "./sections";

function CitizenLayout() {
  const { t } = useTranslation("citizen");
  const { pathname } = useLocation();
  return (
    <Layout
      title={t("area")}
      search
      sections={(path) => citizenSections(path, (key: SectionKey) => t(`nav.${key}`))}
      afterMain={<PageRating key={pathname} />}
      nav={[
        { to: "/", label: t("nav.services") },
        { to: "/scrivania", label: t("nav.desk"), private: true },
        { to: "/pratiche", label: t("nav.practices"), private: true },
        { to: "/appuntamenti", label: t("nav.appointments") },
        { to: "/prenotazioni", label: t("nav.rooms") },
      ]}
    />
  );
}

/** The citizen area of one municipality, at /{tenant}/. */
export function CitizenApp({ tenant }: { tenant: string }) {
  return (
    <AppProviders tenant={tenant}>
      <BrowserRouter basename={`/${tenant}`}>
        <Routes>
          <Route element={<CitizenLayout />}>
            {citizenRoutes.map(({ path, element, private: needsLogin }) => (
              <Route key={path} path={path} element={needsLogin ? <RequireLogin>{element}</RequireLogin> : element} />
            ))}
            <Route path="login" element={<LoginPage home="/scrivania" />} />
            <Route path="accessibilita" element={<AccessibilityPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </AppProviders>
  );
}
