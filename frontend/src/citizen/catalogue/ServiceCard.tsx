import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { formatDate } from "./dates";
import { searchQueryString } from "./search";
import { serviceBadges, type BadgeKind, type ServiceSummary } from "./service";

const BADGE_COLOURS: Record<BadgeKind, string> = {
  online: "primary",
  appointment: "secondary",
  payment: "secondary",
  suspended: "danger",
  until: "secondary",
};

// Bootstrap Italia markup rather than design-react-kit's Card and Badge: the kit's package
// exports resolve only in the bundler, not in the component tests (see the report to the lead).
/** Text labels of a service (never colour alone): how one applies and its state. */
function ServiceBadges({ service }: { service: ServiceSummary }) {
  const { t, i18n } = useTranslation("catalogue");
  const badges = serviceBadges(service);
  if (!badges.length) return null;
  const until = service.publishUntil ? formatDate(service.publishUntil, i18n.language) : "";
  return (
    <ul className="list-inline mb-0" aria-label={t("card.features")}>
      {badges.map((kind) => (
        <li key={kind} className="list-inline-item">
          <span className={`badge bg-${BADGE_COLOURS[kind]}`}>{t(`badges.${kind}`, { date: until })}</span>
        </li>
      ))}
    </ul>
  );
}

/** A service in the catalogue: its name (the link to its page), summary, access, labels and category. */
export function ServiceCard({ service }: { service: ServiceSummary }) {
  const { t } = useTranslation("catalogue");
  return (
    <article className="it-card rounded shadow-sm border it-card-height-full" data-testid="service-card">
      <h3 className="it-card-title h5">
        <Link to={`/servizi/${encodeURIComponent(service.slug)}`}>{service.name}</Link>
      </h3>
      <div className="it-card-body">
        {service.shortDescription && <p className="it-card-text">{service.shortDescription}</p>}
        <p className="it-card-text small">
          <span className="fw-semibold">{t("card.access")}:</span> {t(`accessLevel.${service.accessLevel}`)}
        </p>
        <ServiceBadges service={service} />
      </div>
      {service.category && (
        <footer className="it-card-related it-card-footer">
          <div className="it-card-taxonomy">
            <span className="visually-hidden">{t("card.category")}: </span>
            <Link
              className="it-card-category it-card-link"
              to={{ pathname: "/", search: searchQueryString({ category: service.category.slug }) }}
            >
              {service.category.name}
            </Link>
          </div>
        </footer>
      )}
    </article>
  );
}
