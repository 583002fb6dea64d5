import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";

import {
  BookingBookResourceDocument,
  BookingResourceAvailabilityDocument,
  BookingResourceDocument,
  type BookingResourceBookingFragment,
  type BookingResourceQuery,
} from "../../gql/graphql";
import { usePageTitle } from "../../shared/layout/Layout";
import { ProblemList } from "../../shared/ProblemList";
import { problemsOf, type Problem } from "../../shared/problems";
import { useSession, useTenant } from "../../shared/providers";
import { addDays, capitalized, formatDay, formatSpan, formatTime, localDay, MUNICIPAL_ZONE } from "../../shared/dates";
import { endTimes, minutesBetween, startTimes, type GridRules } from "./grid";
import { useFocusOnMount } from "./focus";
import { newIdempotencyKey } from "../../shared/idempotency";
import { LoginLink } from "./LoginLink";
import { PriceSummary } from "./PriceSummary";
import { formatEuro } from "./price";
import { mapLink, ResourcePhoto } from "./ResourcePhoto";
import { bookingProblems, timeIsGone } from "./problems";
import { StatusBadge } from "../../shared/BookingStatusBadge";

type Resource = NonNullable<BookingResourceQuery["resource"]>;

/** Bookings and cancellations change what is free: any of them makes the day be read again. */
const CONTEXT = { additionalTypenames: ["ResourceBooking"] };

/** /prenotazioni/:id — a resource, its free times on a chosen day, and booking an interval of them. */
export function ResourcePage() {
  const { t } = useTranslation("booking");
  const tenant = useTenant();
  const { id = "" } = useParams();
  const [result] = useQuery({ query: BookingResourceDocument, variables: { id } });
  const resource = result.data?.resource;
  usePageTitle(resource?.name ?? t("rooms.title"), tenant.name);
  if (result.fetching && !result.data) return <p role="status">{t("loading")}</p>;
  if (!resource) {
    return (
      <div>
        <h1>{t("room.notFound")}</h1>
        <ProblemList problems={problemsOf(undefined, result.error)} />
        <Link to="/prenotazioni">{t("room.back")}</Link>
      </div>
    );
  }
  return <ResourceBooking resource={resource} />;
}

function ResourceBooking({ resource }: { resource: Resource }) {
  const { t, i18n } = useTranslation("booking");
  const zone = resource.calendar?.timeZone ?? MUNICIPAL_ZONE;
  const today = localDay(new Date(), zone);
  const lastDay = addDays(today, resource.calendar?.bookingWindowDays ?? 90);
  const [params, setParams] = useSearchParams();
  const wanted = params.get("giorno");
  const day = wanted && wanted >= today && wanted <= lastDay ? wanted : today;
  const [availability, refresh] = useQuery({
    query: BookingResourceAvailabilityDocument,
    variables: { resourceId: resource.id, start: day, end: day },
    context: CONTEXT,
  });
  const intervals = availability.data?.resourceAvailability ?? [];
  const rules: GridRules = resource;
  const starts = startTimes(intervals, rules);
  const start = starts.find((value) => value === params.get("dalle")) ?? "";
  const ends = start ? endTimes(intervals, start, rules) : [];
  const end = ends.find((value) => value === params.get("alle")) ?? "";
  const [booked, setBooked] = useState<BookingResourceBookingFragment | null>(null);

  /** Keeps the day and interval in the address, so a citizen sent to log in comes back to them. */
  function choose(changes: Record<string, string>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  }

  const grid = availability.fetching ? (
    <p role="status">{t("loading")}</p>
  ) : (
    <p role="status" data-testid="room-availability-status">
      {intervals.length ? t("room.freeCount", { count: intervals.length }) : t("room.noneFree")}
    </p>
  );

  return (
    <div>
      <h1>{resource.name}</h1>
      {resource.description && <p className="lead">{resource.description}</p>}
      <div className="row mb-4">
        {resource.photo && (
          <div className="col-12 col-lg-5 order-lg-2 mb-4">
            <ResourcePhoto photo={resource.photo} className="rounded" />
          </div>
        )}
        <div className={resource.photo ? "col-12 col-lg-7" : "col-12"}>
          <ResourceFacts resource={resource} />
        </div>
      </div>

      {booked ? (
        <BookedResource booking={booked} paymentInstructions={resource.paymentInstructions} />
      ) : (
        <section aria-labelledby="room-book-title">
          <h2 id="room-book-title" className="h4 mb-5">{t("room.bookTitle")}</h2>
          <div className="row g-3">
            <div className="col-12 col-md-4">
              <div className="form-group">
                <label htmlFor="room-day" className="active">{t("room.day")}</label>
                <input id="room-day" type="date" className="form-control" min={today} max={lastDay} value={day}
                  aria-describedby="room-day-name"
                  onChange={(event) => event.target.value && choose({ giorno: event.target.value, dalle: "", alle: "" })} />
                <small id="room-day-name" className="form-text">{capitalized(formatDay(day, i18n.language))}</small>
              </div>
            </div>
            <div className="col-12 col-md-8">
              <h3 className="h6">{t("room.freeTimes")}</h3>
              {grid}
              <ul className="list-inline" data-testid="room-intervals">
                {intervals.map((interval) => (
                  <li key={interval.start} className="list-inline-item">
                    <span className="badge bg-light text-dark border">
                      {t("room.interval", { from: formatTime(interval.start, i18n.language, zone), to: formatTime(interval.end, i18n.language, zone) })}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          </div>
          <ProblemList problems={problemsOf(undefined, availability.error)} />
          {starts.length > 0 && (
            <BookingForm resource={resource} zone={zone} starts={starts} start={start} ends={ends} end={end}
              onChoose={choose} onBooked={setBooked}
              onIntervalGone={() => { choose({ dalle: "", alle: "" }); refresh({ requestPolicy: "network-only" }); }} />
          )}
        </section>
      )}
    </div>
  );
}

/** What the resource is, where, for how many, at what price and how to pay, and its rules. */
function ResourceFacts({ resource }: { resource: Resource }) {
  const { t, i18n } = useTranslation("booking");
  const priced = resource.pricePerHourCents != null;
  return (
    <dl className="row mb-0">
      <dt className="col-sm-4 col-lg-3">{t("rooms.kindLabel")}</dt>
      <dd className="col-sm-8 col-lg-9">{t(`kind.${resource.kind}`)}</dd>
      {resource.address && (
        <>
          <dt className="col-sm-4 col-lg-3">{t("room.address")}</dt>
          <dd className="col-sm-8 col-lg-9" data-testid="room-address">
            {resource.address}
            <a className="d-block" href={mapLink(resource.address)}>{t("room.map", { address: resource.address })}</a>
          </dd>
        </>
      )}
      <dt className="col-sm-4 col-lg-3">{t("rooms.capacityLabel")}</dt>
      <dd className="col-sm-8 col-lg-9">{t("rooms.people", { count: resource.capacity })}</dd>
      <dt className="col-sm-4 col-lg-3">{t("rooms.priceLabel")}</dt>
      <dd className="col-sm-8 col-lg-9">
        {priced
          ? t("rooms.perHour", { price: formatEuro(resource.pricePerHourCents ?? 0, i18n.language) })
          : t("rooms.freeOfCharge")}
      </dd>
      {priced && resource.paymentInstructions && (
        <>
          <dt className="col-sm-4 col-lg-3">{t("room.payment")}</dt>
          <dd className="col-sm-8 col-lg-9" data-testid="room-payment">{resource.paymentInstructions}</dd>
        </>
      )}
      <dt className="col-sm-4 col-lg-3">{t("room.rules")}</dt>
      <dd className="col-sm-8 col-lg-9">
        {t("room.rulesText", { min: resource.minimumMinutes, max: resource.maximumMinutes, step: resource.granularityMinutes })}
        {resource.calendar?.moderated && <> {t("room.moderated")}</>}
      </dd>
    </dl>
  );
}

interface BookingFormProps {
  resource: Resource;
  zone: string;
  starts: string[];
  start: string;
  ends: string[];
  end: string;
  onChoose: (changes: Record<string, string>) => void;
  onBooked: (booking: BookingResourceBookingFragment) => void;
  onIntervalGone: () => void;
}

function BookingForm({ resource, zone, starts, start, ends, end, onChoose, onBooked, onIntervalGone }: BookingFormProps) {
  const { t, i18n } = useTranslation("booking");
  const { user } = useSession();
  const [attendees, setAttendees] = useState("1");
  const [purpose, setPurpose] = useState("");
  const [organisation, setOrganisation] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [booking, book] = useMutation(BookingBookResourceDocument);
  const key = useRef(newIdempotencyKey());
  const time = (instant: string) => formatTime(instant, i18n.language, zone);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await book({
      input: {
        resourceId: resource.id,
        start,
        end,
        attendees: Number(attendees) || 1,
        purpose: purpose.trim() || null,
        organisation: organisation.trim() || null,
        idempotencyKey: key.current,
      },
    });
    key.current = newIdempotencyKey();
    const payload = result.data?.bookResource;
    const found = bookingProblems(payload?.errors, result.error, t);
    setProblems(found);
    if (timeIsGone(found)) onIntervalGone();
    else if (!found.length && payload?.booking) onBooked(payload.booking);
  }

  const labels = { start: t("room.start"), end: t("room.end"), attendees: t("room.attendees"), purpose: t("room.purpose") };
  return (
    <form onSubmit={submit} noValidate className="mt-4" data-testid="room-form">
      <ProblemList problems={problems} labels={labels} />
      <div className="row gx-3 gy-5">
        <div className="col-12 col-md-6">
          <div className="select-wrapper">
            <label htmlFor="room-start">{labels.start}</label>
            <select id="room-start" value={start} onChange={(event) => onChoose({ dalle: event.target.value, alle: "" })}>
              <option value="">{t("room.choose")}</option>
              {starts.map((value) => <option key={value} value={value}>{time(value)}</option>)}
            </select>
          </div>
        </div>
        <div className="col-12 col-md-6">
          <div className="select-wrapper">
            <label htmlFor="room-end">{labels.end}</label>
            <select id="room-end" value={end} disabled={!start} onChange={(event) => onChoose({ alle: event.target.value })}>
              <option value="">{t("room.choose")}</option>
              {ends.map((value) => <option key={value} value={value}>{time(value)}</option>)}
            </select>
          </div>
        </div>
        <div className="col-12 col-md-4">
          <div className="form-group">
            <label htmlFor="room-attendees" className="active">{labels.attendees}</label>
            <input id="room-attendees" type="number" className="form-control" min={1} max={resource.capacity}
              inputMode="numeric" value={attendees} onChange={(event) => setAttendees(event.target.value)}
              aria-describedby="room-attendees-hint" />
            <small id="room-attendees-hint" className="form-text">{t("room.attendeesHint", { count: resource.capacity })}</small>
          </div>
        </div>
        <div className="col-12 col-md-8">
          <div className="form-group">
            <label htmlFor="room-organisation" className="active">{t("room.organisation")}</label>
            <input id="room-organisation" type="text" className="form-control" value={organisation}
              onChange={(event) => setOrganisation(event.target.value)} />
          </div>
        </div>
        <div className="col-12">
          <div className="form-group">
            <label htmlFor="room-purpose" className="active">{labels.purpose}</label>
            <textarea id="room-purpose" className="form-control" rows={2} maxLength={500} value={purpose}
              onChange={(event) => setPurpose(event.target.value)} />
          </div>
        </div>
      </div>
      {start && end && (
        <div className="mb-3" data-testid="room-choice">
          <p className="fw-semibold mb-1">{t("room.chosen", { when: capitalized(formatSpan(start, end, i18n.language, zone)) })}</p>
          <PriceSummary pricePerHourCents={resource.pricePerHourCents} minutes={minutesBetween(start, end)} />
        </div>
      )}
      {user ? (
        <button type="submit" className="btn btn-primary" disabled={!start || !end || booking.fetching}>
          {t("room.book")}
        </button>
      ) : (
        <div className="callout note">
          <p>{t("room.loginNeeded")}</p>
          <LoginLink>{t("book.loginToBook")}</LoginLink>
        </div>
      )}
    </form>
  );
}

function BookedResource({ booking, paymentInstructions }: { booking: BookingResourceBookingFragment; paymentInstructions?: string | null }) {
  const { t, i18n } = useTranslation("booking");
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const pending = booking.status === "PENDING";
  return (
    <section aria-labelledby="room-done-title">
      <div className="alert alert-success" role="status" data-testid="room-booked">
        <h2 id="room-done-title" className="h4" ref={heading} tabIndex={-1}>{pending ? t("room.pendingTitle") : t("room.bookedTitle")}</h2>
        <p className="mb-1">{capitalized(formatSpan(booking.start, booking.end, i18n.language))} <StatusBadge status={booking.status} /></p>
        {booking.priceCents != null && <p className="mb-0">{t("room.total", { total: formatEuro(booking.priceCents, i18n.language) })}</p>}
        {booking.priceCents != null && paymentInstructions && (
          <p className="mb-0 mt-2"><span className="fw-semibold">{t("room.payment")}:</span> {paymentInstructions}</p>
        )}
      </div>
      <Link className="btn btn-primary btn-sm" to="/prenotazioni/mie">{t("rooms.mine")}</Link>
    </section>
  );
}
