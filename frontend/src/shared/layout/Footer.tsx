import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useTenant, type TenantInfo } from "../providers";

interface FooterLink {
  /** Of its label, `footer.<key>`. */
  key: string;
  href: string;
}

/** The links set among `candidates` (key → address), in their order; unset ones are left out. */
function present(candidates: [string, string | null | undefined][]): FooterLink[] {
  return candidates
    .filter((candidate): candidate is [string, string] => Boolean(candidate[1]))
    .map(([key, href]) => ({ key, href }));
}

/** "Codice fiscale e partita IVA: …", or the two apart when they differ. */
function TaxCodes({ tenant }: { tenant: TenantInfo }) {
  const { t } = useTranslation();
  const { fiscalCode, vatNumber } = tenant;
  if (!vatNumber || vatNumber === fiscalCode) {
    return <div>{t(vatNumber ? "footer.fiscalAndVat" : "footer.fiscalCode", { code: fiscalCode })}</div>;
  }
  return (
    <>
      <div>{t("footer.fiscalCode", { code: fiscalCode })}</div>
      <div>{t("footer.vatNumber", { code: vatNumber })}</div>
    </>
  );
}

/**
 * The footer of the Designers Italia "Comuni" model, from the municipality's settings: its name,
 * address, fiscal code and VAT number, contacts, "Amministrazione trasparente" and where to report
 * a problem, then the privacy notice, legal notes, cookie policy, accessibility statement and site
 * map. A link the municipality has not set is left out.
 */
export function Footer() {
  const { t } = useTranslation();
  const tenant = useTenant();
  const { contacts, links } = tenant;
  const feedback = contacts.email
    ? `mailto:${contacts.email}?subject=${encodeURIComponent(t("footer.feedbackSubject"))}`
    : undefined;
  const administration = present([
    ["transparency", links.transparency],
    ["reportProblem", links.reportProblem],
    ["site", tenant.siteUrl],
  ]);
  const notes = present([
    ["privacy", links.privacy],
    ["legalNotes", links.legalNotes],
    ["cookies", links.cookies],
  ]);
  const contactLines = [contacts.phone, contacts.email, contacts.pec].some(Boolean);
  return (
    <footer className="it-footer" data-testid="footer">
      <div className="it-footer-main">
        <div className="container">
          <div className="row py-4">
            <div className="col-12 col-md-6 col-lg-4 mb-3">
              <h2 className="h5 text-white">{tenant.name}</h2>
              <address className="text-white mb-0">
                {contacts.address && <div>{contacts.address}</div>}
                <TaxCodes tenant={tenant} />
              </address>
            </div>
            {contactLines && (
              <div className="col-12 col-md-6 col-lg-4 mb-3">
                <h2 className="h5 text-white">{t("footer.contacts")}</h2>
                <address className="text-white mb-0">
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
            )}
            {administration.length > 0 && (
              <div className="col-12 col-lg-4 mb-3">
                <h2 className="h5 text-white">{t("footer.administration")}</h2>
                <ul className="list-unstyled mb-0" data-testid="footer-administration">
                  {administration.map((link) => (
                    <li key={link.key} className="mb-1">
                      <a className="text-white" href={link.href}>
                        {t(`footer.${link.key}`)}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row flex-wrap" data-testid="footer-notes">
            {notes.map((link) => (
              <li key={link.key} className="list-inline-item">
                <a href={link.href}>{t(`footer.${link.key}`)}</a>
              </li>
            ))}
            <li className="list-inline-item">
              <Link to="/accessibilita">{t("footer.accessibility")}</Link>
            </li>
            {feedback && (
              <li className="list-inline-item">
                <a href={feedback}>{t("footer.feedback")}</a>
              </li>
            )}
            {links.siteMap && (
              <li className="list-inline-item">
                <a href={links.siteMap}>{t("footer.siteMap")}</a>
              </li>
            )}
          </ul>
        </div>
      </div>
    </footer>
  );
}
