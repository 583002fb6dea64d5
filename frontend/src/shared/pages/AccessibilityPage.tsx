import { useTranslation } from "react-i18next";

import { usePageTitle } from "../layout/Layout";
import { useTenant } from "../providers";

/**
 * The accessibility statement AgID asks every public administration to publish, with the
 * feedback mechanism. The formal statement is filed on form.agid.gov.it; this page summarises it.
 */
export function AccessibilityPage() {
  const { t } = useTranslation();
  const tenant = useTenant();
  usePageTitle(t("accessibility.title"), tenant.name);
  const email = tenant.contacts.email;
  return (
    <article>
      <h1>{t("accessibility.title")}</h1>
      <p>{t("accessibility.intro", { name: tenant.name })}</p>
      <h2 className="h4">{t("accessibility.statusTitle")}</h2>
      <p>{t("accessibility.status")}</p>
      <h2 className="h4">{t("accessibility.feedbackTitle")}</h2>
      <p>
        {t("accessibility.feedback")}{" "}
        {email && <a href={`mailto:${email}`}>{email}</a>}
      </p>
      <h2 className="h4">{t("accessibility.enforcementTitle")}</h2>
      <p>
        {t("accessibility.enforcement")}{" "}
        <a href="https://form.agid.gov.it/">form.agid.gov.it</a>
      </p>
    </article>
  );
}
