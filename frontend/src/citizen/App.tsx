import { useTranslation } from "react-i18next";
import { BrowserRouter, Route, Routes } from "react-router";

import { Layout } from "../shared/layout/Layout";
import { AccessibilityPage } from "../shared/pages/AccessibilityPage";
import { LoginPage, RequireLogin } from "../shared/pages/LoginPage";
import { NotFoundPage } from "../shared/pages/NotFoundPage";
import { AppProviders } from "../shared/providers";
import { citizenRoutes } from "./routes";

function CitizenLayout() {
  const { t } = useTranslation("citizen");
  return (
    <Layout
      title={t("area")}
      nav={[
        { to: "/", label: t("nav.services") },
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
            <Route path="login" element={<LoginPage />} />
            <Route path="accessibilita" element={<AccessibilityPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </AppProviders>
  );
}
