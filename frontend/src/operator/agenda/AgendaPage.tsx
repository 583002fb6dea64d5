import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";

import { capitalized, formatDay, formatTime, formatWeek, weekStart } from "../../shared/dates";
import { CursorPager, useCursorPages } from "../../shared/pagination";
import { OperatorAgendaDocument, OperatorOfficesDocument, type OperatorAppointmentFragment } from "../../gql/graphql";
import { usePageTitle } from "../../shared/layout/Layout";
import { useTenant } from "../../shared/providers";
import { daysSpan, today } from "../dates";
import { APPOINTMENTS } from "../invalidation";
import { AppointmentDetails } from "./AppointmentDetails";
import { cellKey, placeOnGrid, stepDay, viewDays, type AgendaView } from "./grid";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Office, view and day, kept in the address so a reload or a shared link shows the same agenda. */
function useAgendaParams(defaultOffice: string | undefined) {
  const [params, setParams] = useSearchParams();
  const view: AgendaView = params.get("vista") === "giorno" ? "day" : "week";
  const day = DAY.test(params.get("giorno") ?? "") ? (params.get("giorno") as string) : today();
  const office = params.get("ufficio") ?? defaultOffice ?? "";
  const set = (changes: { view?: AgendaView; day?: string; office?: string }) => {
    const next = new URLSearchParams(params);
    if (changes.view) next.set("vista", changes.view === "day" ? "giorno" : "settimana");
    if (changes.day) next.set("giorno", changes.day);
    if (changes.office) next.set("ufficio", changes.office);
    setParams(next);
  };
  return { view, day, office, set };
}

/** One appointment in its cell: time, who, status in words; choosing it shows its details. */
function Entry({ appointment, chosen, onChoose }: { appointment: OperatorAppointmentFragment; chosen: boolean; onChoose(): void }) {
  const { t, i18n } = useTranslation("operator");
  const who = appointment.citizen?.fullName ?? appointment.name ?? t("agenda.someone");
  return (
    <button
      type="button"
      className={`btn btn-sm w-100 text-start mb-1 ${chosen ? "btn-primary" : "btn-outline-primary"}`}
      aria-pressed={chosen}
      data-testid="agenda-entry"
      onClick={onChoose}
    >
      <span className="d-block fw-semibold">{formatTime(appointment.start, i18n.language)}</span>
      <span className="d-block">{who}</span>
      <span className="d-block small">{t(`status.${appointment.status}`, { ns: "booking" })}</span>
    </button>
  );
}

/** /agenda — an office's appointments by day or week, in Rome's wall-clock hours, with their decisions. */
export function AgendaPage() {
  const { t, i18n } = useTranslation("operator");
  const tenant = useTenant();
  usePageTitle(t("agenda.title"), tenant.name);
  const [offices] = useQuery({ query: OperatorOfficesDocument });
  const officeList = offices.data?.offices.edges.map(({ node }) => node) ?? [];
  const withCalendars = officeList.filter((office) => office.calendars.length > 0);
  const { view, day, office, set } = useAgendaParams(withCalendars[0]?.id ?? officeList[0]?.id);
  const days = useMemo(() => viewDays(view, day), [view, day]);
  const span = useMemo(() => daysSpan(days[0], days[days.length - 1]), [days]);
  const pages = useCursorPages();
  const { reset } = pages;
  useEffect(reset, [office, span, reset]);
  const [{ data, fetching, error }] = useQuery({
    query: OperatorAgendaDocument,
    variables: { officeId: office, start: span.start, end: span.end, after: pages.after },
    pause: !office,
    requestPolicy: "cache-and-network",
    context: APPOINTMENTS,
  });
  const [chosenId, setChosenId] = useState<string | null>(null);
  const details = useRef<HTMLDivElement>(null);
  const appointments = data?.agenda.edges.map(({ node }) => node) ?? [];
  const grid = placeOnGrid(appointments, days);
  const chosen = appointments.find((appointment) => appointment.id === chosenId) ?? null;
  // Read once per render: whether an approved appointment has started decides its buttons.
  const now = Date.now();

  useEffect(() => {
    if (chosenId) details.current?.querySelector<HTMLElement>("#appointment-title")?.focus();
  }, [chosenId]);

  const period = view === "day" ? capitalized(formatDay(day, i18n.language)) : formatWeek(weekStart(day), i18n.language);
  const officeName = officeList.find((candidate) => candidate.id === office)?.name ?? "";
  return (
    <>
      <h1>{t("agenda.title")}</h1>
      <form className="row align-items-end mb-3" onSubmit={(event) => event.preventDefault()} aria-label={t("agenda.controls")}>
        <div className="col-12 col-md-5 mb-3">
          <label htmlFor="agenda-office" className="form-label d-block fw-semibold">
            {t("agenda.office")}
          </label>
          <select id="agenda-office" className="form-select" value={office} onChange={(event) => set({ office: event.target.value })}>
            {officeList.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </div>
        <div className="col-6 col-md-3 mb-3">
          <label htmlFor="agenda-view" className="form-label d-block fw-semibold">
            {t("agenda.view")}
          </label>
          <select id="agenda-view" className="form-select" value={view} onChange={(event) => set({ view: event.target.value as AgendaView })}>
            <option value="week">{t("agenda.views.week")}</option>
            <option value="day">{t("agenda.views.day")}</option>
          </select>
        </div>
        <div className="col-6 col-md-4 mb-3">
          <label htmlFor="agenda-day" className="form-label d-block fw-semibold">
            {t("agenda.day")}
          </label>
          <input id="agenda-day" type="date" className="form-control" value={day}
            onChange={(event) => DAY.test(event.target.value) && set({ day: event.target.value })} />
        </div>
      </form>
      <nav className="d-flex flex-wrap align-items-center gap-2 mb-3" aria-label={t("agenda.navigation")}>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => set({ day: stepDay(view, day, -1) })}>
          <span aria-hidden="true">‹ </span>
          {t(`agenda.previous.${view}`)}
        </button>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => set({ day: today() })}>
          {t("agenda.today")}
        </button>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => set({ day: stepDay(view, day, 1) })}>
          {t(`agenda.next.${view}`)}
          <span aria-hidden="true"> ›</span>
        </button>
      </nav>
      <p role="status" data-testid="agenda-status">
        {fetching && !data ? t("agenda.loading") : data ? t("agenda.count", { count: data.agenda.totalCount ?? appointments.length, period }) : ""}
      </p>
      {error && (
        <div className="alert alert-danger" role="alert">
          {error.message}
        </div>
      )}
      <div ref={details}>{chosen && <AppointmentDetails appointment={chosen} now={now} />}</div>
      <div className="table-responsive">
        <table className="table table-bordered align-top" data-testid="agenda-grid">
          <caption className="caption-top">{t("agenda.caption", { office: officeName, period })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("agenda.hour")}</th>
              {grid.days.map((column) => (
                <th scope="col" key={column}>
                  {capitalized(formatDay(column, i18n.language, false))}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.hours.map((hour) => (
              <tr key={hour}>
                <th scope="row">{`${String(hour).padStart(2, "0")}:00`}</th>
                {grid.days.map((column) => (
                  <td key={column} style={{ minWidth: view === "week" ? "8rem" : undefined }}>
                    {grid.cells.get(cellKey(column, hour))?.map((appointment) => (
                      <Entry key={appointment.id} appointment={appointment} chosen={appointment.id === chosenId}
                        onChoose={() => setChosenId(appointment.id === chosenId ? null : appointment.id)} />
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data && (
        <CursorPager
          label={t("agenda.pager")}
          page={pages.page}
          hasPrevious={pages.hasPrevious}
          hasNext={data.agenda.pageInfo.hasNextPage}
          onPrevious={pages.previous}
          onNext={() => pages.next(data.agenda.pageInfo.endCursor)}
        />
      )}
    </>
  );
}
