import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";

import {
  DeskOverviewDocument,
  type DeskAppointmentFragment,
  type DeskPracticeFragment,
  type DeskResourceBookingFragment,
} from "../../gql/graphql";
import { StatusBadge } from "../../shared/BookingStatusBadge";
import { formatMoment, formatSpan, formatTime } from "../../shared/dates";
import { formatDateTime } from "../../shared/format";
import { usePageTitle } from "../../shared/layout/Layout";
import { PracticeStatusBadge } from "../../shared/PracticeStatusBadge";
import { ProblemList } from "../../shared/ProblemList";
import { problemsOf } from "../../shared/problems";
import { useSession, useTenant } from "../../shared/providers";
import { WAITING_STATUSES, whatWaits, type WaitingItem } from "./waiting";

/** New appointments and bookings made elsewhere in the app show here too. */
const CONTEXT = { additionalTypenames: ["Practice", "Appointment", "ResourceBooking"] };

const practiceLink = (practice: DeskPracticeFragment) => `/pratiche/${encodeURIComponent(practice.id)}`;

/** One section of the desk: a heading, its items or a kind word when there are none, and where to see them all. */
function DeskSection({ id, title, count, empty, more, children }: {
  id: string;
  title: string;
  count: number;
  empty: ReactNode;
  more?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mb-5" data-testid={id}>
      <h2 id={id} className="h3 mb-3">
        {title}
      </h2>
      {count > 0 ? children : <div className="callout note mt-0">{empty}</div>}
      {more && <p className="mt-3 mb-0">{more}</p>}
    </section>
  );
}

/** One thing that waits for the citizen: what it is, and a link to act on it. */
function WaitingRow({ item }: { item: WaitingItem }) {
  const { t, i18n } = useTranslation("desk");
  let text: string;
  let detail: string;
  let action: string;
  let to: string;
  if (item.kind === "appointment") {
    const { appointment } = item;
    const zone = appointment.calendar?.timeZone;
    text = t(`waiting.appointment.${item.day}`, { time: formatTime(appointment.start, i18n.language, zone) });
    detail = [appointment.calendar?.name, appointment.calendar?.office?.name].filter(Boolean).join(" · ");
    action = t("waiting.appointment.action");
    to = "/appuntamenti";
  } else {
    const { practice } = item;
    const service = practice.service?.name ?? t("unknownService");
    text =
      item.kind === "messages"
        ? t("waiting.messages.text", { count: practice.unreadCount, service })
        : t(`waiting.${item.kind}.text`, { service });
    detail = practice.number ? t("practiceNumber", { number: practice.number }) : "";
    action = t(`waiting.${item.kind}.action`);
    to = practiceLink(practice);
  }
  return (
    <li className="list-group-item py-3" data-testid="waiting-item" data-kind={item.kind}>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-3">
        <div>
          <p className="fw-semibold mb-1">{text}</p>
          {detail && <p className="small mb-0">{detail}</p>}
        </div>
        <Link className="btn btn-primary btn-sm" to={to}>
          {action}
          <span className="visually-hidden">: {text}</span>
        </Link>
      </div>
    </li>
  );
}

function PracticeRow({ practice }: { practice: DeskPracticeFragment }) {
  const { t, i18n } = useTranslation("desk");
  return (
    <li className="list-group-item py-3" data-testid="desk-practice">
      <div className="d-flex flex-wrap justify-content-between gap-2">
        <div>
          <Link to={practiceLink(practice)} className="fw-semibold">
            {practice.service?.name ?? t("unknownService")}
          </Link>
          <p className="small mb-0">
            {practice.number ? t("practiceNumber", { number: practice.number }) : t("draft")}
            {" · "}
            {t("updated", { when: formatDateTime(practice.updatedAt, i18n.language) })}
          </p>
        </div>
        <div>
          <PracticeStatusBadge status={practice.status} />
        </div>
      </div>
    </li>
  );
}

function AppointmentRow({ appointment }: { appointment: DeskAppointmentFragment }) {
  const { i18n } = useTranslation("desk");
  const zone = appointment.calendar?.timeZone;
  return (
    <li className="list-group-item py-3" data-testid="desk-appointment">
      <div className="d-flex flex-wrap justify-content-between gap-2">
        <div>
          <p className="fw-semibold mb-1">{formatMoment(appointment.start, i18n.language, zone)}</p>
          <p className="small mb-0">
            {[appointment.calendar?.name, appointment.calendar?.office?.name].filter(Boolean).join(" · ")}
          </p>
        </div>
        <div>
          <StatusBadge status={appointment.status} />
        </div>
      </div>
    </li>
  );
}

function BookingRow({ booking }: { booking: DeskResourceBookingFragment }) {
  const { i18n } = useTranslation("desk");
  return (
    <li className="list-group-item py-3" data-testid="desk-booking">
      <div className="d-flex flex-wrap justify-content-between gap-2">
        <div>
          <p className="fw-semibold mb-1">{booking.resource?.name}</p>
          <p className="small mb-0">{formatSpan(booking.start, booking.end, i18n.language)}</p>
        </div>
        <div>
          <StatusBadge status={booking.status} />
        </div>
      </div>
    </li>
  );
}

/**
 * /scrivania — the citizen's desk: first what waits for them (the offices' requests for
 * information, payments due, appointments of today and tomorrow, messages not yet read), then
 * their latest practices, coming appointments and room bookings, each with where to act.
 */
export function DeskPage() {
  const { t } = useTranslation("desk");
  const tenant = useTenant();
  const { user } = useSession();
  usePageTitle(t("title"), tenant.name);
  const [{ data, fetching, error }] = useQuery({
    query: DeskOverviewDocument,
    variables: { waitingStatuses: WAITING_STATUSES },
    requestPolicy: "cache-and-network",
    context: CONTEXT,
  });
  const nodes = <T,>(connection: { edges: { node: T }[] } | undefined) => connection?.edges.map((edge) => edge.node) ?? [];
  const waiting = useMemo(
    () =>
      data
        ? whatWaits({
            waiting: nodes(data.waiting),
            unread: nodes(data.unread),
            appointments: nodes(data.myAppointments),
            now: new Date(),
          })
        : [],
    [data],
  );
  const practices = nodes(data?.recent);
  const appointments = nodes(data?.myAppointments);
  const bookings = nodes(data?.myResourceBookings);
  return (
    <>
      <h1>{t("title")}</h1>
      {user && <p className="lead">{t("greeting", { name: user.givenName ?? user.fullName })}</p>}
      <ProblemList problems={problemsOf(undefined, error)} />
      {!data ? (
        <p role="status">{fetching ? t("loading") : ""}</p>
      ) : (
        <>
          <DeskSection id="desk-waiting" title={t("waiting.title")} count={waiting.length} empty={<p className="mb-0">{t("waiting.empty")}</p>}>
            <ul className="list-group">
              {waiting.map((item) => (
                <WaitingRow key={`${item.kind}-${item.kind === "appointment" ? item.appointment.id : item.practice.id}`} item={item} />
              ))}
            </ul>
          </DeskSection>
          <DeskSection
            id="desk-practices"
            title={t("practices.title")}
            count={practices.length}
            empty={
              <p className="mb-0">
                {t("practices.empty")} <Link to="/">{t("practices.browse")}</Link>
              </p>
            }
            more={practices.length > 0 && <Link to="/pratiche">{t("practices.all", { count: data.recent.totalCount ?? 0 })}</Link>}
          >
            <ul className="list-group">
              {practices.map((practice) => (
                <PracticeRow key={practice.id} practice={practice} />
              ))}
            </ul>
          </DeskSection>
          <DeskSection
            id="desk-appointments"
            title={t("appointments.title")}
            count={appointments.length}
            empty={<p className="mb-0">{t("appointments.empty")}</p>}
            more={
              appointments.length > 0 ? (
                <Link to="/appuntamenti">{t("appointments.all")}</Link>
              ) : (
                <Link to="/appuntamenti/prenota">{t("appointments.book")}</Link>
              )
            }
          >
            <ul className="list-group">
              {appointments.map((appointment) => (
                <AppointmentRow key={appointment.id} appointment={appointment} />
              ))}
            </ul>
          </DeskSection>
          <DeskSection
            id="desk-bookings"
            title={t("bookings.title")}
            count={bookings.length}
            empty={<p className="mb-0">{t("bookings.empty")}</p>}
            more={
              bookings.length > 0 ? (
                <Link to="/prenotazioni/mie">{t("bookings.all")}</Link>
              ) : (
                <Link to="/prenotazioni">{t("bookings.book")}</Link>
              )
            }
          >
            <ul className="list-group">
              {bookings.map((booking) => (
                <BookingRow key={booking.id} booking={booking} />
              ))}
            </ul>
          </DeskSection>
        </>
      )}
    </>
  );
}
