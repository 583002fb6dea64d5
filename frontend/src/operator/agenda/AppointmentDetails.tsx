import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";

import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { formatSpan } from "../../shared/dates";
import { StatusBadge } from "../../shared/BookingStatusBadge";
import {
  OperatorAppointmentOutcomeDocument,
  OperatorApproveBookingDocument,
  OperatorRefuseBookingDocument,
  type OperatorAppointmentFragment,
} from "../../gql/graphql";
import { ProblemList } from "../../shared/ProblemList";
import { problemsOf, type Problem } from "../../shared/problems";

/** Approve or refuse a pending booking; once started, record whether the citizen came. */
function Decisions({ appointment, now }: { appointment: OperatorAppointmentFragment; now: number }) {
  const { t } = useTranslation("operator");
  const noteId = useId();
  const [{ fetching: approving }, approve] = useMutation(OperatorApproveBookingDocument);
  const [{ fetching: refusing }, refuse] = useMutation(OperatorRefuseBookingDocument);
  const [{ fetching: marking }, mark] = useMutation(OperatorAppointmentOutcomeDocument);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const [refusingOpen, setRefusingOpen] = useState(false);
  const [note, setNote] = useState("");
  const input = { id: appointment.id, note: note.trim() || null };
  const busy = approving || refusing || marking;

  function settle(errors: readonly Problem[] | undefined, failure: Parameters<typeof problemsOf>[1], sentence: string) {
    const found = problemsOf(errors, failure);
    setProblems(found);
    setAnnouncement(found.length ? "" : sentence);
  }

  const pending = appointment.status === "PENDING";
  const started = appointment.status === "APPROVED" && Date.parse(appointment.start) <= now;
  return (
    <>
      <ProblemList problems={problems} />
      {pending && (
        <div className="d-flex flex-wrap gap-2">
          <button type="button" className="btn btn-primary" disabled={busy}
            onClick={async () => {
              const result = await approve({ input });
              settle(result.data?.approveBooking.errors, result.error, t("agenda.approved"));
            }}>
            {t("agenda.approve")}
          </button>
          <button type="button" className="btn btn-outline-danger" disabled={busy} onClick={() => setRefusingOpen(true)}>
            {t("agenda.refuse")}
          </button>
        </div>
      )}
      {started && (
        <div className="d-flex flex-wrap gap-2">
          {(["DONE", "MISSED"] as const).map((outcome) => (
            <button key={outcome} type="button" className="btn btn-outline-primary" disabled={busy}
              onClick={async () => {
                const result = await mark({ input, outcome });
                settle(result.data?.markAppointmentOutcome.errors, result.error, t(`agenda.marked.${outcome}`));
              }}>
              {t(`agenda.mark.${outcome}`)}
            </button>
          ))}
        </div>
      )}
      {appointment.status === "APPROVED" && !started && <p className="mb-0">{t("agenda.notStarted")}</p>}
      <p role="status" className="mt-2 mb-0 fw-semibold" data-testid="appointment-result">{announcement}</p>
      <ConfirmDialog
        open={refusingOpen}
        title={t("agenda.refuseTitle")}
        confirmLabel={t("agenda.refuseConfirm")}
        busy={refusing}
        onClose={() => setRefusingOpen(false)}
        onConfirm={async () => {
          const result = await refuse({ input });
          setRefusingOpen(false);
          settle(result.data?.refuseBooking.errors, result.error, t("agenda.refused"));
        }}
      >
        <p>{t("agenda.refuseQuestion")}</p>
        <label htmlFor={noteId} className="form-label d-block fw-semibold">
          {t("agenda.note")}
        </label>
        <textarea id={noteId} className="form-control" rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
      </ConfirmDialog>
    </>
  );
}

/** Who the appointment is for, at which desk, when, its status and what may be done with it. */
export function AppointmentDetails({ appointment, now }: { appointment: OperatorAppointmentFragment; now: number }) {
  const { t, i18n } = useTranslation("operator");
  const person = appointment.citizen;
  return (
    <section aria-labelledby="appointment-title" className="card card-bg p-3 mb-4" data-testid="appointment-details">
      <h2 id="appointment-title" className="h4" tabIndex={-1}>
        {formatSpan(appointment.start, appointment.end, i18n.language)}
      </h2>
      <dl className="row mb-3">
        <dt className="col-sm-4">{t("agenda.citizen")}</dt>
        <dd className="col-sm-8">
          {person ? (
            <>
              {person.fullName}
              {person.fiscalCode && <span className="d-block">{person.fiscalCode}</span>}
              {person.email && <a className="d-block" href={`mailto:${person.email}`}>{person.email}</a>}
              {person.phone && <span className="d-block">{person.phone}</span>}
            </>
          ) : (
            (appointment.name ?? "—")
          )}
        </dd>
        <dt className="col-sm-4">{t("agenda.desk")}</dt>
        <dd className="col-sm-8">{appointment.calendar?.name ?? "—"}</dd>
        <dt className="col-sm-4">{t("agenda.status")}</dt>
        <dd className="col-sm-8">
          <StatusBadge status={appointment.status} />
        </dd>
        {appointment.message && (
          <>
            <dt className="col-sm-4">{t("agenda.message")}</dt>
            <dd className="col-sm-8">{appointment.message}</dd>
          </>
        )}
        {appointment.outcomeNote && (
          <>
            <dt className="col-sm-4">{t("agenda.outcomeNote")}</dt>
            <dd className="col-sm-8">{appointment.outcomeNote}</dd>
          </>
        )}
        {appointment.rescheduleCount > 0 && (
          <>
            <dt className="col-sm-4">{t("agenda.rescheduled")}</dt>
            <dd className="col-sm-8">{t("agenda.times", { count: appointment.rescheduleCount })}</dd>
          </>
        )}
      </dl>
      <Decisions key={appointment.id} appointment={appointment} now={now} />
    </section>
  );
}
