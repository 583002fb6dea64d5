import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";

import {
  BookingCancelAppointmentDocument,
  BookingRescheduleAppointmentDocument,
  type BookingAppointmentFragment,
} from "../../gql/graphql";
import { ProblemList } from "../../shared/ProblemList";
import type { Problem } from "../../shared/problems";
import { AppointmentSummary } from "./AppointmentSummary";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { capitalized, formatSpan, localDay, MUNICIPAL_ZONE } from "../../shared/dates";
import { ChangeDeadline } from "./ChangeDeadline";
import { IcsLink } from "./IcsLink";
import { bookingProblems, timeIsGone } from "./problems";
import { SlotPicker } from "./SlotPicker";
import { slotKey, type FreeSlot } from "../../shared/slots";
import { StatusBadge } from "../../shared/BookingStatusBadge";
import { useFreeSlots } from "./useFreeSlots";

/** Appointments still to come: a hold while it lasts, a booking until its end. */
function isActive(appointment: BookingAppointmentFragment): boolean {
  const now = Date.now();
  if (appointment.status === "DRAFT") return Date.parse(appointment.holdExpiresAt ?? "") > now;
  return ["PENDING", "APPROVED"].includes(appointment.status) && Date.parse(appointment.end) > now;
}

/**
 * One appointment: when and where, its status, and for coming ones add to calendar, and move or
 * cancel while the server says the citizen may (`canReschedule`, `canCancel`); past the change
 * deadline these are not offered, and the card says why and whom to call instead.
 */
export function AppointmentCard({ appointment }: { appointment: BookingAppointmentFragment }) {
  const { t, i18n } = useTranslation("booking");
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [moving, setMoving] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState("");
  const [cancelling, cancel] = useMutation(BookingCancelAppointmentDocument);
  const zone = appointment.calendar?.timeZone ?? MUNICIPAL_ZONE;
  const when = capitalized(formatSpan(appointment.start, appointment.end, i18n.language, zone));
  const active = isActive(appointment);
  const canMove = active && appointment.canReschedule;
  const canCancel = active && appointment.canCancel;
  const phone = appointment.calendar?.office?.phone;

  async function confirmCancel() {
    const result = await cancel({ input: { id: appointment.id } });
    const payload = result.data?.cancelAppointment;
    setAsking(false);
    const found = bookingProblems(payload?.errors, result.error, t);
    setProblems(found);
    if (!found.length) setNotice(t("mine.cancelled"));
  }

  return (
    <article className="card card-bg shadow-sm" aria-labelledby={`${id}-title`} data-testid="appointment">
      <div className="card-body">
        <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
          <h2 id={`${id}-title`} className="card-title h5 mb-2">{when}</h2>
          <StatusBadge status={appointment.status} />
        </div>
        {appointment.status === "PENDING" && <p className="mb-2">{t("mine.pendingNote")}</p>}
        <AppointmentSummary appointment={appointment} withWhen={false} />
        {active && appointment.status !== "DRAFT" && <ChangeDeadline appointment={appointment} phone={phone} />}
        <p role="status" className="mb-0">{notice}</p>
        <ProblemList problems={problems} />
        {problems.some((problem) => problem.code === "TOO_LATE") && phone && (
          <p data-testid="too-late-contact">{t("mine.callOffice", { phone })}</p>
        )}
        {active && (
          <div className="d-flex flex-wrap gap-2 mt-3">
            {appointment.ics && <IcsLink ics={appointment.ics} start={appointment.start} />}
            {canMove && (
              <button type="button" className="btn btn-outline-primary btn-sm" aria-expanded={moving}
                aria-controls={`${id}-move`} onClick={() => setMoving((open) => !open)}>
                {t("mine.move")}
              </button>
            )}
            {canCancel && (
              <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setAsking(true)}>
                {t("mine.cancel")}
              </button>
            )}
          </div>
        )}
        <div id={`${id}-move`} hidden={!moving || !canMove}>
          {moving && canMove && (
            <RescheduleForm appointment={appointment} onDone={(message, found) => {
              setProblems(found);
              setNotice(message);
              if (!found.length) setMoving(false);
            }} />
          )}
        </div>
      </div>
      <ConfirmDialog open={asking} title={t("mine.cancelTitle")} confirmLabel={t("mine.cancelConfirm")}
        busy={cancelling.fetching} onConfirm={() => void confirmCancel()} onClose={() => setAsking(false)}>
        <p className="mb-0">{t("mine.cancelQuestion", { when })}</p>
      </ConfirmDialog>
    </article>
  );
}

/** Choosing a new free slot of the same calendar for an appointment. */
function RescheduleForm({ appointment, onDone }: {
  appointment: BookingAppointmentFragment;
  onDone: (notice: string, problems: Problem[]) => void;
}) {
  const { t, i18n } = useTranslation("booking");
  const zone = appointment.calendar?.timeZone ?? MUNICIPAL_ZONE;
  const slots = useFreeSlots({ calendarId: appointment.calendar?.id }, localDay(appointment.start, zone));
  const [chosen, setChosen] = useState<FreeSlot | null>(null);
  const [moving, move] = useMutation(BookingRescheduleAppointmentDocument);

  async function submit() {
    if (!chosen) return;
    const result = await move({ input: { id: appointment.id, start: chosen.start } });
    const payload = result.data?.rescheduleAppointment;
    const found = bookingProblems(payload?.errors, result.error, t);
    if (timeIsGone(found)) {
      setChosen(null);
      slots.refresh();
    }
    const moved = payload?.appointment;
    onDone(found.length || !moved ? "" : t("mine.moved", { when: formatSpan(moved.start, moved.end, i18n.language, zone) }), found);
  }

  return (
    <section className="mt-3 border-top pt-3" aria-label={t("mine.moveTitle")}>
      <h3 className="h6">{t("mine.moveTitle")}</h3>
      <ProblemList problems={bookingProblems(undefined, slots.error, t)} />
      <SlotPicker week={slots.week} slots={slots.slots} selected={chosen ? slotKey(chosen) : null}
        onSelect={setChosen} onWeekChange={slots.setWeek} firstWeek={slots.firstWeek} lastWeek={slots.lastWeek}
        legend={t("mine.moveTitle")} />
      <button type="button" className="btn btn-primary btn-sm mt-2" disabled={!chosen || moving.fetching}
        onClick={() => void submit()}>
        {chosen
          ? t("mine.moveTo", { when: formatSpan(chosen.start, chosen.end, i18n.language, zone) })
          : t("mine.moveChoose")}
      </button>
    </section>
  );
}
