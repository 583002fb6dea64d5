import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { usePageTitle } from "../layout/Layout";

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t("notFound.title"));
  return (
    <div>
      <h1>{t("notFound.title")}</h1>
      <Link to="/">{t("notFound.back")}</Link>
    </div>
  );
}
