import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";

import {
  BookingCancelAppointmentDocument,
  BookingConfirmAppointmentDocument,
  BookingHoldSlotDocument,
  BookingServiceDocument,
  type BookingAppointmentFragment,
} from "../../gql/graphql";
import { usePageTitle } from "../../shared/layout/Layout";
import { ProblemList } from "../../shared/ProblemList";
import type { Problem } from "../../shared/problems";
import { useSession, useTenant } from "../../shared/providers";
import { AppointmentSummary } from "./AppointmentSummary";
import { ChangeDeadline } from "./ChangeDeadline";
import { Countdown } from "./Countdown";
import { capitalized, formatMoment, formatSpan, localDay } from "../../shared/dates";
import { IcsLink } from "./IcsLink";
import { useFocusOnMount } from "./focus";
import { newIdempotencyKey } from "../../shared/idempotency";
import { LoginLink } from "./LoginLink";
import { bookingProblems, timeIsGone } from "./problems";
import { ServiceChooser } from "./ServiceChooser";
import { SlotPicker } from "./SlotPicker";
import { slotKey, type FreeSlot } from "../../shared/slots";
import { useFreeSlots } from "./useFreeSlots";

/**
 * /appuntamenti/prenota?servizio=…[&calendario=…&inizio=…]: choose a service (when none is
 * given), a free slot, log in if needed (coming back to the same choice, kept in the address),
 * hold the slot and confirm it with the reason of the visit.
 */
export function BookingPage() {
  const { t } = useTranslation("booking");
  const tenant = useTenant();
  const [params] = useSearchParams();
  const serviceId = params.get("servizio");
  const calendarId = params.get("calendario");
  usePageTitle(t("book.title"), tenant.name);
  return (
    <div>
      <h1>{t("book.title")}</h1>
      {serviceId || calendarId ? (
        // A service's slots, or a calendar's when the link names no service; choosing a slot
        // writes its calendar in the address too, which must not change what is listed.
        <SlotBooking key={serviceId ?? calendarId} serviceId={serviceId} calendarId={serviceId ? null : calendarId} />
      ) : (
        <ServiceChooser />
      )}
    </div>
  );
}

function ServiceHeader({ serviceId }: { serviceId: string }) {
  const { t } = useTranslation("booking");
  const [result] = useQuery({ query: BookingServiceDocument, variables: { id: serviceId } });
  const service = result.data?.service;
  return (
    <p className="lead">
      {service && <>{t("book.forService", { name: service.name })} </>}
      <Link to="/appuntamenti/prenota">{t("book.changeService")}</Link>
    </p>
  );
}

type Step =
  | { kind: "choose" }
  | { kind: "held"; appointment: BookingAppointmentFragment }
  | { kind: "booked"; appointment: BookingAppointmentFragment };

function SlotBooking({ serviceId, calendarId }: { serviceId: string | null; calendarId: string | null }) {
  const { t, i18n } = useTranslation("booking");
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const chosenCalendar = params.get("calendario");
  const chosenStart = params.get("inizio");
  const selected = chosenCalendar && chosenStart ? slotKey({ calendarId: chosenCalendar, start: chosenStart }) : null;
  const slots = useFreeSlots({ serviceId, calendarId }, chosenStart ? localDay(chosenStart) : null);
  const [step, setStep] = useState<Step>({ kind: "choose" });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [holding, hold] = useMutation(BookingHoldSlotDocument);
  const holdKey = useRef(newIdempotencyKey());
  const chosenSlot = slots.slots?.find((slot) => slotKey(slot) === selected);

  function choose(slot: FreeSlot) {
    const next = new URLSearchParams(params);
    next.set("calendario", slot.calendarId);
    next.set("inizio", slot.start);
    setParams(next, { replace: true });
    setProblems([]);
  }

  function timeGone(found: Problem[]) {
    setProblems(found);
    if (!timeIsGone(found)) return;
    const next = new URLSearchParams(params);
    next.delete("calendario");
    next.delete("inizio");
    setParams(next, { replace: true });
    setStep({ kind: "choose" });
    slots.refresh();
  }

  async function holdChosen() {
    if (!chosenCalendar || !chosenStart) return;
    const result = await hold({
      input: { calendarId: chosenCalendar, start: chosenStart, idempotencyKey: holdKey.current },
    });
    holdKey.current = newIdempotencyKey();
    const payload = result.data?.holdSlot;
    const found = bookingProblems(payload?.errors, result.error, t);
    if (found.length || !payload?.appointment) return timeGone(found);
    setProblems([]);
    setStep({ kind: "held", appointment: payload.appointment });
  }

  return (
    <>
      {serviceId && <ServiceHeader serviceId={serviceId} />}
      <ProblemList problems={problems} />
      {step.kind === "choose" && (
        <section aria-labelledby="booking-slot-title">
          <h2 id="booking-slot-title" className="h4">{t("book.chooseSlot")}</h2>
          <ProblemList problems={bookingProblems(undefined, slots.error, t)} />
          <SlotPicker week={slots.week} slots={slots.slots} selected={selected} onSelect={choose}
            onWeekChange={slots.setWeek} firstWeek={slots.firstWeek} lastWeek={slots.lastWeek}
            legend={t("book.chooseSlot")} />
          {chosenStart && (
            <div className="mt-3" data-testid="chosen-slot">
              <p className="fw-semibold">
                {t("book.chosen", {
                  when: capitalized(
                    chosenSlot
                      ? formatSpan(chosenSlot.start, chosenSlot.end, i18n.language)
                      : formatMoment(chosenStart, i18n.language),
                  ),
                })}
              </p>
              {user ? (
                <button type="button" className="btn btn-primary" onClick={() => void holdChosen()}
                  disabled={holding.fetching}>
                  {t("book.hold")}
                </button>
              ) : (
                <div className="callout note">
                  <p>{t("book.loginNeeded")}</p>
                  <LoginLink>{t("book.loginToBook")}</LoginLink>
                </div>
              )}
            </div>
          )}
        </section>
      )}
      {step.kind === "held" && (
        <ConfirmStep appointment={step.appointment} onBooked={(appointment) => setStep({ kind: "booked", appointment })}
          onProblems={timeGone} />
      )}
      {step.kind === "booked" && <BookedNotice appointment={step.appointment} />}
    </>
  );
}

function ConfirmStep({ appointment, onBooked, onProblems }: {
  appointment: BookingAppointmentFragment;
  onBooked: (appointment: BookingAppointmentFragment) => void;
  onProblems: (problems: Problem[]) => void;
}) {
  const { t } = useTranslation("booking");
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [reason, setReason] = useState("");
  const [confirming, confirm] = useMutation(BookingConfirmAppointmentDocument);
  const [, cancel] = useMutation(BookingCancelAppointmentDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await confirm({ input: { id: appointment.id, message: reason.trim() || null } });
    const payload = result.data?.confirmAppointment;
    const found = bookingProblems(payload?.errors, result.error, t);
    if (found.length || !payload?.appointment) return onProblems(found);
    onBooked(payload.appointment);
  }

  /** Gives the held place back at once rather than leaving it taken until the hold runs out. */
  async function chooseAgain() {
    await cancel({ input: { id: appointment.id } });
    onProblems([]);
  }

  const expired = () => onProblems([{ field: null, code: "HOLD_EXPIRED", message: t("problems.HOLD_EXPIRED") }]);

  return (
    <section aria-labelledby="booking-confirm-title">
      <h2 id="booking-confirm-title" className="h4" ref={heading} tabIndex={-1}>{t("book.confirmTitle")}</h2>
      <div className="alert alert-info">
        <p>{t("book.heldIntro")}</p>
        {appointment.holdExpiresAt && <Countdown until={appointment.holdExpiresAt} onExpired={expired} />}
      </div>
      <ChangeDeadline appointment={appointment} held />
      <AppointmentSummary appointment={appointment} />
      <form onSubmit={submit} className="mt-4" noValidate>
        <div className="form-group">
          <label htmlFor="booking-reason" className="active">{t("book.reason")}</label>
          <textarea id="booking-reason" className="form-control" rows={3} maxLength={500}
            aria-describedby="booking-reason-hint" value={reason} onChange={(event) => setReason(event.target.value)} />
          <small id="booking-reason-hint" className="form-text">{t("book.reasonHint")}</small>
        </div>
        <div className="d-flex flex-wrap gap-2">
          <button type="submit" className="btn btn-primary" disabled={confirming.fetching}>{t("book.confirm")}</button>
          <button type="button" className="btn btn-outline-primary" onClick={() => void chooseAgain()}>
            {t("book.chooseAgain")}
          </button>
        </div>
      </form>
    </section>
  );
}

function BookedNotice({ appointment }: { appointment: BookingAppointmentFragment }) {
  const { t } = useTranslation("booking");
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const pending = appointment.status === "PENDING";
  return (
    <section aria-labelledby="booking-done-title">
      <div className="alert alert-success" role="status" data-testid="booking-done">
        <h2 id="booking-done-title" className="h4" ref={heading} tabIndex={-1}>{pending ? t("book.pendingTitle") : t("book.bookedTitle")}</h2>
        <p className="mb-0">{pending ? t("book.pendingText") : t("book.bookedText")}</p>
      </div>
      <AppointmentSummary appointment={appointment} />
      <ChangeDeadline appointment={appointment} />
      <div className="d-flex flex-wrap gap-2 mt-3">
        {appointment.ics && <IcsLink ics={appointment.ics} start={appointment.start} />}
        <Link className="btn btn-primary btn-sm" to="/appuntamenti">{t("book.toMine")}</Link>
      </div>
    </section>
  );
}
