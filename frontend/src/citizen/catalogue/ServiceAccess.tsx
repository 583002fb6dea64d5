import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { appliesOnline, type ServiceSummary } from "./service";

/**
 * "Accedi al servizio": the login the service asks for and the calls to action — apply online
 * (an open service with a form) and book an appointment (when its calendars have free slots;
 * `bookable` is undefined while that is being asked).
 */
export function ServiceAccess({ service, bookable }: { service: ServiceSummary; bookable: boolean | undefined }) {
  const { t } = useTranslation("catalogue");
  const online = appliesOnline(service);
  return (
    <>
      {service.status === "SUSPENDED" && (
        <div className="alert alert-warning" role="note">
          {t("access.suspended")}
        </div>
      )}
      <p>
        <span className="fw-semibold">{t("access.level")}:</span> {t(`accessLevel.${service.accessLevel}`)}
      </p>
      {service.bookingRequired && <p>{t("access.appointmentRequired")}</p>}
      {!online && service.status !== "SUSPENDED" && <p>{t("access.offline")}</p>}
      <div className="d-flex flex-wrap gap-3" data-testid="service-actions">
        {online && (
          <Link className="btn btn-primary" to={`/servizi/${encodeURIComponent(service.slug)}/domanda`}>
            {t("access.apply")}
          </Link>
        )}
        {bookable && (
          <Link
            className={`btn ${online ? "btn-outline-primary" : "btn-primary"}`}
            to={`/appuntamenti/prenota?servizio=${encodeURIComponent(service.id)}`}
          >
            {t("access.book")}
          </Link>
        )}
      </div>
    </>
  );
}
