import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";

import { OperatorResourceBookingsDocument, type BookingStatus } from "../../gql/graphql";
import { usePageTitle } from "../../shared/layout/Layout";
import { CursorPager, useCursorPages } from "../../shared/pagination";
import { ProblemList } from "../../shared/ProblemList";
import { problemsOf } from "../../shared/problems";
import { useTenant } from "../../shared/providers";
import { RESOURCE_BOOKINGS } from "../invalidation";
import { RoomBookingCard } from "./RoomBookingCard";

const PAGE = 10;
/** The statuses one may list by, the requests to decide on first; "" lists every status. */
export const ROOM_BOOKING_STATUSES: BookingStatus[] = ["PENDING", "APPROVED", "REFUSED", "CANCELLED"];
const ANY = "tutti";

/** The status in the address (`?stato=`): PENDING when absent, null for every status. */
function statusParam(value: string | null): BookingStatus | null {
  if (value === ANY) return null;
  return ROOM_BOOKING_STATUSES.find((status) => status === value) ?? "PENDING";
}

/** /prenotazioni-sale — the bookings of the rooms of the operator's offices, to approve or refuse. */
export function RoomBookingsPage() {
  const { t } = useTranslation("operator");
  const tenant = useTenant();
  usePageTitle(t("rooms.title"), tenant.name);
  const [params, setParams] = useSearchParams();
  const status = statusParam(params.get("stato"));
  const [statusInput, setStatusInput] = useState<string>(status ?? ANY);
  useEffect(() => setStatusInput(status ?? ANY), [status]);
  const pages = useCursorPages();
  const { reset } = pages;
  useEffect(reset, [status, reset]);
  const [{ data, fetching, error }] = useQuery({
    query: OperatorResourceBookingsDocument,
    variables: { status, first: PAGE, after: pages.after },
    requestPolicy: "cache-and-network",
    context: RESOURCE_BOOKINGS,
  });
  const [announcement, setAnnouncement] = useState("");
  const results = useRef<HTMLParagraphElement>(null);
  const connection = data?.resourceBookings;
  const bookings = connection?.edges.map(({ node }) => node) ?? [];

  function filter(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams(params);
    next.set("stato", statusInput);
    setParams(next);
    setAnnouncement("");
  }

  /** The decided booking may leave the list: its outcome is said, and focus waits above the list. */
  function decided(sentence: string) {
    setAnnouncement(sentence);
    results.current?.focus();
  }

  const count = connection?.totalCount ?? bookings.length;
  return (
    <>
      <h1>{t("rooms.title")}</h1>
      <p>{t("rooms.intro")}</p>
      <form className="row g-3 align-items-end mb-4" onSubmit={filter} aria-label={t("rooms.filters")}>
        <div className="col-12 col-md-6 col-lg-4">
          <label htmlFor="room-bookings-status" className="form-label d-block fw-semibold">
            {t("rooms.status")}
          </label>
          <select id="room-bookings-status" className="form-select" value={statusInput}
            onChange={(event) => setStatusInput(event.target.value)}>
            {ROOM_BOOKING_STATUSES.map((value) => (
              <option key={value} value={value}>{t(`status.${value}`, { ns: "booking" })}</option>
            ))}
            <option value={ANY}>{t("rooms.anyStatus")}</option>
          </select>
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <button type="submit" className="btn btn-primary">{t("rooms.apply")}</button>
        </div>
      </form>
      <p className="fw-semibold" role="status" data-testid="room-bookings-result">{announcement}</p>
      <ProblemList problems={problemsOf(undefined, error)} />
      <p ref={results} tabIndex={-1} className="outline-0" role="status" data-testid="room-bookings-status">
        {fetching && !data
          ? t("rooms.loading")
          : data
            ? count
              ? t("rooms.count", { count })
              : t(status ? "rooms.emptyOf" : "rooms.empty", { status: status ? t(`status.${status}`, { ns: "booking" }) : "" })
            : ""}
      </p>
      <ul className="list-unstyled row" data-testid="room-bookings-list" data-status={status ?? ANY} aria-busy={fetching}>
        {bookings.map((booking) => (
          <li key={booking.id} className="col-12 col-xl-6 mb-4">
            <RoomBookingCard booking={booking} onDecided={decided} />
          </li>
        ))}
      </ul>
      {connection && (
        <CursorPager label={t("rooms.pager")} page={pages.page} hasPrevious={pages.hasPrevious}
          hasNext={connection.pageInfo.hasNextPage} onPrevious={pages.previous}
          onNext={() => pages.next(connection.pageInfo.endCursor)} />
      )}
    </>
  );
}
