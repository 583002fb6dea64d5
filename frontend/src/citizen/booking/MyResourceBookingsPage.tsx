import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";

import {
  BookingCancelResourceBookingDocument,
  BookingMyResourceBookingsDocument,
  type BookingResourceBookingFragment,
} from "../../gql/graphql";
import { usePageTitle } from "../../shared/layout/Layout";
import { ProblemList } from "../../shared/ProblemList";
import { problemsOf, type Problem } from "../../shared/problems";
import { useTenant } from "../../shared/providers";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { capitalized, formatSpan } from "../../shared/dates";
import { CursorPager, useCursorPages } from "../../shared/pagination";
import { formatEuro } from "./price";
import { bookingProblems } from "./problems";
import { StatusBadge } from "../../shared/BookingStatusBadge";

const PAGE = 10;
const CONTEXT = { additionalTypenames: ["ResourceBooking"] };

/** /prenotazioni/mie: the citizen's coming bookings of rooms and other resources, with cancel. */
export function MyResourceBookingsPage() {
  const { t } = useTranslation("booking");
  const tenant = useTenant();
  usePageTitle(t("myRooms.title"), tenant.name);
  const pages = useCursorPages();
  const [result] = useQuery({
    query: BookingMyResourceBookingsDocument,
    variables: { first: PAGE, after: pages.after },
    context: CONTEXT,
  });
  const connection = result.data?.myResourceBookings;
  const bookings = connection?.edges.map((edge) => edge.node) ?? [];
  return (
    <div>
      <h1>{t("myRooms.title")}</h1>
      <p><Link className="btn btn-primary" to="/prenotazioni">{t("myRooms.book")}</Link></p>
      <ProblemList problems={problemsOf(undefined, result.error)} />
      <p role="status" data-testid="room-bookings-count">
        {result.fetching && !connection ? t("loading") : t("myRooms.count", { count: connection?.totalCount ?? 0 })}
      </p>
      <ul className="list-unstyled" data-testid="room-bookings">
        {bookings.map((booking) => (
          <li key={booking.id} className="mb-4"><ResourceBookingCard booking={booking} /></li>
        ))}
      </ul>
      <CursorPager label={t("myRooms.pages")} page={pages.page} hasPrevious={pages.hasPrevious}
        hasNext={connection?.pageInfo.hasNextPage ?? false} onPrevious={pages.previous}
        onNext={() => pages.next(connection?.pageInfo.endCursor)} />
    </div>
  );
}

function ResourceBookingCard({ booking }: { booking: BookingResourceBookingFragment }) {
  const { t, i18n } = useTranslation("booking");
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState("");
  const [cancelling, cancel] = useMutation(BookingCancelResourceBookingDocument);
  const when = capitalized(formatSpan(booking.start, booking.end, i18n.language));
  const active = ["PENDING", "APPROVED"].includes(booking.status);

  async function confirmCancel() {
    const result = await cancel({ input: { id: booking.id } });
    setAsking(false);
    const found = bookingProblems(result.data?.cancelResourceBooking.errors, result.error, t);
    setProblems(found);
    if (!found.length) setNotice(t("myRooms.cancelled"));
  }

  return (
    <article className="card card-bg shadow-sm" aria-labelledby={`${id}-title`} data-testid="room-booking">
      <div className="card-body">
        <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
          <h2 id={`${id}-title`} className="card-title h5 mb-2">{booking.resource?.name}</h2>
          <StatusBadge status={booking.status} />
        </div>
        <dl className="row mb-0">
          <dt className="col-sm-4">{t("appointment.when")}</dt>
          <dd className="col-sm-8">{when}</dd>
          {booking.resource && (
            <>
              <dt className="col-sm-4">{t("rooms.kindLabel")}</dt>
              <dd className="col-sm-8">{t(`kind.${booking.resource.kind}`)}</dd>
            </>
          )}
          {booking.resource?.address && (
            <>
              <dt className="col-sm-4">{t("room.address")}</dt>
              <dd className="col-sm-8">{booking.resource.address}</dd>
            </>
          )}
          <dt className="col-sm-4">{t("room.attendees")}</dt>
          <dd className="col-sm-8">{booking.attendees}</dd>
          {booking.purpose && (
            <>
              <dt className="col-sm-4">{t("room.purpose")}</dt>
              <dd className="col-sm-8">{booking.purpose}</dd>
            </>
          )}
          {booking.organisation && (
            <>
              <dt className="col-sm-4">{t("room.organisation")}</dt>
              <dd className="col-sm-8">{booking.organisation}</dd>
            </>
          )}
          <dt className="col-sm-4">{t("rooms.priceLabel")}</dt>
          <dd className="col-sm-8">
            {booking.priceCents == null ? t("rooms.freeOfCharge") : formatEuro(booking.priceCents, i18n.language)}
          </dd>
          {active && booking.priceCents != null && booking.resource?.paymentInstructions && (
            <>
              <dt className="col-sm-4">{t("myRooms.payment")}</dt>
              <dd className="col-sm-8">{booking.resource.paymentInstructions}</dd>
            </>
          )}
          {booking.status === "REFUSED" && booking.outcomeNote && (
            <>
              <dt className="col-sm-4">{t("myRooms.refusalReason")}</dt>
              <dd className="col-sm-8 text-break" data-testid="room-refusal-reason">{booking.outcomeNote}</dd>
            </>
          )}
        </dl>
        {booking.status === "PENDING" && <p className="mt-2 mb-0">{t("mine.pendingNote")}</p>}
        <p role="status" className="mb-0">{notice}</p>
        <ProblemList problems={problems} />
        {active && (
          <button type="button" className="btn btn-outline-danger btn-sm mt-3" onClick={() => setAsking(true)}>
            {t("myRooms.cancel")}
          </button>
        )}
      </div>
      <ConfirmDialog open={asking} title={t("myRooms.cancelTitle")} confirmLabel={t("myRooms.cancelConfirm")}
        busy={cancelling.fetching} onConfirm={() => void confirmCancel()} onClose={() => setAsking(false)}>
        <p className="mb-0">{t("myRooms.cancelQuestion", { name: booking.resource?.name ?? "", when })}</p>
      </ConfirmDialog>
    </article>
  );
}
