import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { usePageTitle } from "../layout/Layout";
import { useTenant } from "../providers";

export function NotFoundPage() {
  const { t } = useTranslation();
  const tenant = useTenant();
  usePageTitle(t("notFound.title"), tenant.name);
  return (
    <div>
      <h1>{t("notFound.title")}</h1>
      <Link to="/">{t("notFound.back")}</Link>
    </div>
  );
}
