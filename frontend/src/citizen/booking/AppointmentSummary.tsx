import { useTranslation } from "react-i18next";

import type { BookingAppointmentFragment } from "../../gql/graphql";
import { capitalized, formatSpan, MUNICIPAL_ZONE } from "../../shared/dates";

/**
 * Where and when an appointment is: date and time (unless a heading above already says it),
 * desk, office and its address, and the reason given.
 */
export function AppointmentSummary({ appointment, withWhen = true }: { appointment: BookingAppointmentFragment; withWhen?: boolean }) {
  const { t, i18n } = useTranslation("booking");
  const { calendar } = appointment;
  const office = calendar?.office;
  return (
    <dl className="row mb-0">
      {withWhen && (
        <>
          <dt className="col-sm-4">{t("appointment.when")}</dt>
          <dd className="col-sm-8">
            {capitalized(formatSpan(appointment.start, appointment.end, i18n.language, calendar?.timeZone ?? MUNICIPAL_ZONE))}
          </dd>
        </>
      )}
      {calendar && (
        <>
          <dt className="col-sm-4">{t("appointment.desk")}</dt>
          <dd className="col-sm-8">{calendar.name}</dd>
        </>
      )}
      {office && (
        <>
          <dt className="col-sm-4">{t("appointment.office")}</dt>
          <dd className="col-sm-8">{office.name}</dd>
        </>
      )}
      {office?.address && (
        <>
          <dt className="col-sm-4">{t("appointment.address")}</dt>
          <dd className="col-sm-8">{office.address}</dd>
        </>
      )}
      {appointment.message && (
        <>
          <dt className="col-sm-4">{t("appointment.reason")}</dt>
          <dd className="col-sm-8">{appointment.message}</dd>
        </>
      )}
    </dl>
  );
}
