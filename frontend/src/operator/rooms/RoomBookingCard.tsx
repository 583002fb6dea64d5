import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";

import {
  OperatorApproveResourceBookingDocument,
  OperatorRefuseResourceBookingDocument,
  type OperatorResourceBookingFragment,
} from "../../gql/graphql";
import { StatusBadge } from "../../shared/BookingStatusBadge";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { capitalized, formatSpan, MUNICIPAL_ZONE } from "../../shared/dates";
import { ProblemList } from "../../shared/ProblemList";
import { problemsOf, type Problem } from "../../shared/problems";
import { formatEuro } from "../../citizen/booking/price";

/** The most characters a refusal's reason may have (the server's limit for notes). */
const REASON_LENGTH = 2000;

interface RoomBookingCardProps {
  booking: OperatorResourceBookingFragment;
  /** Told the sentence to announce once a decision is made (the card may then leave the list). */
  onDecided: (sentence: string) => void;
}

/** One booking of a room: who asks, for when, for what; Approve / Refuse while it is pending. */
export function RoomBookingCard({ booking, onDecided }: RoomBookingCardProps) {
  const { t, i18n } = useTranslation("operator");
  const id = useId();
  const [{ fetching: approving }, approve] = useMutation(OperatorApproveResourceBookingDocument);
  const [{ fetching: refusing }, refuse] = useMutation(OperatorRefuseResourceBookingDocument);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const zone = booking.resource?.calendar?.timeZone ?? MUNICIPAL_ZONE;
  // Inside a sentence the weekday stays as the language writes it ("martedì" in Italian).
  const when = formatSpan(booking.start, booking.end, i18n.language, zone);
  const resource = booking.resource?.name ?? "—";
  const person = booking.citizen;
  const busy = approving || refusing;

  function settle(errors: readonly Problem[] | undefined, failure: Parameters<typeof problemsOf>[1], sentence: string) {
    const found = problemsOf(errors, failure);
    setProblems(found);
    if (!found.length) onDecided(sentence);
  }

  return (
    <article className="card card-bg shadow-sm h-100" aria-labelledby={`${id}-title`} data-testid="room-booking-request">
      <div className="card-body">
        <div className="d-flex flex-wrap justify-content-between align-items-start gap-2 mb-2">
          <h2 id={`${id}-title`} className="card-title h5 mb-0">
            {resource}
            <span className="d-block fs-6 fw-normal mt-1">{capitalized(when)}</span>
          </h2>
          <StatusBadge status={booking.status} />
        </div>
        <dl className="row mb-0">
          <dt className="col-sm-4">{t("rooms.requester")}</dt>
          <dd className="col-sm-8">
            {person ? (
              <>
                {person.fullName}
                {person.fiscalCode && <span className="d-block">{person.fiscalCode}</span>}
                {person.email && <a className="d-block text-break" href={`mailto:${person.email}`}>{person.email}</a>}
                {person.phone && <span className="d-block">{person.phone}</span>}
              </>
            ) : (
              "—"
            )}
          </dd>
          {booking.organisation && (
            <>
              <dt className="col-sm-4">{t("rooms.organisation")}</dt>
              <dd className="col-sm-8">{booking.organisation}</dd>
            </>
          )}
          <dt className="col-sm-4">{t("rooms.attendees")}</dt>
          <dd className="col-sm-8">{booking.attendees}</dd>
          {booking.purpose && (
            <>
              <dt className="col-sm-4">{t("rooms.purpose")}</dt>
              <dd className="col-sm-8 text-break">{booking.purpose}</dd>
            </>
          )}
          {booking.priceCents != null && (
            <>
              <dt className="col-sm-4">{t("rooms.price")}</dt>
              <dd className="col-sm-8">{formatEuro(booking.priceCents, i18n.language)}</dd>
            </>
          )}
          {booking.outcomeNote && (
            <>
              <dt className="col-sm-4">{t("rooms.outcomeNote")}</dt>
              <dd className="col-sm-8 text-break">{booking.outcomeNote}</dd>
            </>
          )}
        </dl>
        <ProblemList problems={problems} />
        {booking.status === "PENDING" && (
          <div className="d-flex flex-wrap gap-2 mt-3">
            <button type="button" className="btn btn-primary btn-sm" disabled={busy}
              onClick={async () => {
                const result = await approve({ input: { id: booking.id } });
                settle(result.data?.approveBooking.errors, result.error, t("rooms.approved", { resource, when }));
              }}>
              {t("rooms.approve")}
              <span className="visually-hidden"> {t("rooms.theBooking", { resource, when })}</span>
            </button>
            <button type="button" className="btn btn-outline-danger btn-sm" disabled={busy} onClick={() => setAsking(true)}>
              {t("rooms.refuse")}
              <span className="visually-hidden"> {t("rooms.theBooking", { resource, when })}</span>
            </button>
          </div>
        )}
      </div>
      <ConfirmDialog
        open={asking}
        title={t("rooms.refuseTitle")}
        confirmLabel={t("rooms.refuseConfirm")}
        busy={refusing}
        onClose={() => setAsking(false)}
        onConfirm={async () => {
          const result = await refuse({ input: { id: booking.id, note: reason.trim() || null } });
          setAsking(false);
          settle(result.data?.refuseBooking.errors, result.error, t("rooms.refused", { resource, when }));
        }}
      >
        <p>{t("rooms.refuseQuestion", { resource, when })}</p>
        <label htmlFor={`${id}-reason`} className="form-label d-block fw-semibold">
          {t("rooms.reason")}
        </label>
        <textarea id={`${id}-reason`} className="form-control" rows={3} maxLength={REASON_LENGTH} value={reason}
          aria-describedby={`${id}-reason-hint`} onChange={(event) => setReason(event.target.value)} />
        <small id={`${id}-reason-hint`} className="form-text">{t("rooms.reasonHint")}</small>
      </ConfirmDialog>
    </article>
  );
}
