import { useTranslation } from "react-i18next";

import type { BookingAppointmentFragment } from "../../gql/graphql";
import { formatDayInSentence, formatOnDay, formatTime, MUNICIPAL_ZONE } from "../../shared/dates";

type Deadline = Pick<BookingAppointmentFragment, "changeDeadline" | "changeDeadlinePassed"> & {
  calendar?: { timeZone: string } | null;
};

/**
 * Until when the citizen may move or cancel an appointment online, as the server reckons it
 * (`changeDeadline`, `changeDeadlinePassed`): before confirming a hold ("potrai… fino a"), or
 * of a booking ("puoi… fino a"); once passed, that changes go through the office. Before
 * confirming, a passed deadline is a warning: the citizen books knowing it.
 */
export function ChangeDeadline({ appointment, held = false, phone }: {
  appointment: Deadline;
  held?: boolean;
  /** The office's telephone, said with a booking past its deadline. */
  phone?: string | null;
}) {
  const { t, i18n } = useTranslation("booking");
  const zone = appointment.calendar?.timeZone ?? MUNICIPAL_ZONE;
  const deadline = appointment.changeDeadline;
  const language = i18n.language;
  const time = formatTime(deadline, language, zone);
  if (appointment.changeDeadlinePassed) {
    const on = formatOnDay(deadline, language, zone);
    return held ? (
      <div className="alert alert-warning" data-testid="change-deadline">
        <p className="mb-0">{t("deadline.passedBeforeBooking", { on, time })}</p>
      </div>
    ) : (
      <>
        <p className="small mt-2 mb-0" data-testid="change-deadline">{t("deadline.passed", { on, time })}</p>
        {phone && <p className="small mb-0" data-testid="office-phone">{t("mine.callOffice", { phone })}</p>}
      </>
    );
  }
  const day = formatDayInSentence(deadline, language, zone);
  return (
    <p className={held ? "mb-3" : "small mt-2 mb-0"} data-testid="change-deadline">
      {t(held ? "deadline.willUntil" : "deadline.until", { day, time })}
    </p>
  );
}
