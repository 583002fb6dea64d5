import { useTranslation } from "react-i18next";
import { BrowserRouter, Route, Routes } from "react-router";

import { Layout } from "../shared/layout/Layout";
import { AccessibilityPage } from "../shared/pages/AccessibilityPage";
import { LoginPage, RequireLogin } from "../shared/pages/LoginPage";
import { NotFoundPage } from "../shared/pages/NotFoundPage";
import { AppProviders } from "../shared/providers";
import { operatorRoutes } from "./pages/routes";

function OperatorLayout() {
  const { t } = useTranslation("operator");
  return (
    <Layout
      title={t("area")}
      nav={[
        { to: "/", label: t("nav.queue"), private: true },
        { to: "/agenda", label: t("nav.agenda"), private: true },
        { to: "/prenotazioni-sale", label: t("nav.rooms"), private: true },
      ]}
    />
  );
}

/** The operators' app of one municipality, at /{tenant}/operator/. Every page needs a login. */
export function OperatorApp({ tenant }: { tenant: string }) {
  return (
    <AppProviders tenant={tenant}>
      <BrowserRouter basename={`/${tenant}/operator`}>
        <Routes>
          <Route element={<OperatorLayout />}>
            {operatorRoutes.map(({ path, element }) => (
              <Route key={path} path={path} element={<RequireLogin>{element}</RequireLogin>} />
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
