import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useTenant } from "../providers";

/** The municipality's contacts and the links AgID asks for (accessibility statement, feedback). */
export function Footer() {
  const { t } = useTranslation();
  const tenant = useTenant();
  const { contacts } = tenant;
  const feedback = contacts.email
    ? `mailto:${contacts.email}?subject=${encodeURIComponent(t("footer.feedbackSubject"))}`
    : undefined;
  return (
    <footer className="it-footer">
      <div className="it-footer-main">
        <div className="container">
          <div className="row">
            <div className="col-12 col-md-6 my-3">
              <h2 className="h5 text-white">{tenant.name}</h2>
              <address className="text-white mb-0">
                {contacts.address && <div>{contacts.address}</div>}
                {contacts.phone && (
                  <div>
                    {t("footer.phone")}: <a className="text-white" href={`tel:${contacts.phone.replace(/\s/g, "")}`}>{contacts.phone}</a>
                  </div>
                )}
                {contacts.email && (
                  <div>
                    {t("footer.email")}: <a className="text-white" href={`mailto:${contacts.email}`}>{contacts.email}</a>
                  </div>
                )}
                {contacts.pec && (
                  <div>
                    PEC: <a className="text-white" href={`mailto:${contacts.pec}`}>{contacts.pec}</a>
                  </div>
                )}
              </address>
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            <li className="list-inline-item">
              <Link to="/accessibilita">{t("footer.accessibility")}</Link>
            </li>
            {feedback && (
              <li className="list-inline-item">
                <a href={feedback}>{t("footer.feedback")}</a>
              </li>
            )}
            {tenant.siteUrl && (
              <li className="list-inline-item">
                <a href={tenant.siteUrl}>{t("footer.site")}</a>
              </li>
            )}
          </ul>
        </div>
      </div>
    </footer>
  );
}
