import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import type { PracticeStatus } from "../../gql/graphql";
import type { Person } from "../operators";
import { ActiveFilters } from "./ActiveFilters";
import { CheckboxList, chosenSummary, FilterMenu } from "./FilterMenu";
import {
  ASSIGNMENTS,
  CLOSED_STATUSES,
  firstPage,
  OPEN_STATUSES,
  PAYMENT_STATUSES,
  SORT_FIELDS,
  type Assignment,
  type QueueState,
} from "./queueState";

export interface Choice {
  id: string;
  name: string;
}

export interface ServiceChoice extends Choice {
  paymentRequired: boolean;
}

interface QueueFiltersProps {
  state: QueueState;
  services: readonly ServiceChoice[];
  offices: readonly Choice[];
  operators: readonly Person[];
  /** Practices per status, said beside each status. */
  counts?: readonly { status: PracticeStatus; count: number }[];
  onApply(state: QueueState): void;
}

/**
 * The queue's filters in one compact bar above the results: the applicant's search, statuses,
 * services and assignees as drop-downs of checkboxes, the rest behind "Filtri", and what is
 * applied as removable chips. Choices apply at once; typed text and dates on "Cerca" or Enter.
 * Any change starts from the first page.
 */
export function QueueFilters({ state, services, offices, operators, counts = [], onApply }: QueueFiltersProps) {
  const { t } = useTranslation("operator");
  const [applicant, setApplicant] = useState(state.applicant);
  const [from, setFrom] = useState(state.submittedFrom ?? "");
  const [until, setUntil] = useState(state.submittedUntil ?? "");
  const [more, setMore] = useState(false);
  // The address may change elsewhere (a chip removed, a count followed, the back button).
  useEffect(() => setApplicant(state.applicant), [state.applicant]);
  useEffect(() => setFrom(state.submittedFrom ?? ""), [state.submittedFrom]);
  useEffect(() => setUntil(state.submittedUntil ?? ""), [state.submittedUntil]);

  const apply = (changes: Partial<QueueState>) => onApply(firstPage({ ...state, ...changes }));
  function submit(event: FormEvent) {
    event.preventDefault();
    apply({ applicant: applicant.trim(), submittedFrom: from || null, submittedUntil: until || null });
  }

  const count = (status: PracticeStatus) => counts.find((found) => found.status === status)?.count ?? 0;
  const statusName = (status: PracticeStatus) => t(`status.${status}`, { ns: "practices" });
  const payments = services.some((service) => service.paymentRequired);
  // Payment states only where payments exist, unless the address already chose one.
  const offered = (statuses: readonly PracticeStatus[]) =>
    statuses
      .filter((status) => payments || !PAYMENT_STATUSES.includes(status) || state.statuses.includes(status))
      .map((status) => ({ id: status, name: t("queue.filters.statusCount", { status: statusName(status), count: count(status) }) }));
  const operatorChoices = operators.map((person) => ({ id: person.id, name: person.fullName }));
  const many = (count: number) => t("queue.filters.chosen", { count });
  const all = t("queue.filters.any");
  let statusSummary = t(state.closed ? "queue.filters.everything" : "queue.filters.openWork");
  if (state.statuses.length === 1) statusSummary = statusName(state.statuses[0]);
  else if (state.statuses.length) statusSummary = many(state.statuses.length);
  const hidden = [state.offices.length > 0, state.assignment !== "all", !!state.submittedFrom, !!state.submittedUntil].filter(Boolean).length;

  return (
    <form onSubmit={submit} aria-labelledby="queue-filters-title" className="queue-filters mb-3" data-testid="queue-filters" noValidate>
      <h2 id="queue-filters-title" className="visually-hidden">{t("queue.filters.title")}</h2>
      <div className="queue-filter-bar">
        <div className="queue-search">
          <label htmlFor="queue-applicant" className="queue-label">{t("queue.filters.applicant")}</label>
          <div className="d-flex gap-2">
            <input id="queue-applicant" type="search" className="form-control form-control-sm" value={applicant}
              placeholder={t("queue.filters.applicantHint")} onChange={(event) => setApplicant(event.target.value)} />
            <button type="submit" className="btn btn-primary btn-sm">{t("queue.filters.search")}</button>
          </div>
        </div>
        <FilterMenu id="queue-statuses" label={t("queue.filters.statuses")} summary={statusSummary}>
          <fieldset className="mb-2">
            <legend className="queue-menu-legend">{t("queue.filters.scope")}</legend>
            <div className="form-check my-1">
              <input id="queue-open-work" type="radio" name="queue-scope" checked={!state.statuses.length && !state.closed}
                onChange={() => apply({ statuses: [], closed: false })} />
              <label htmlFor="queue-open-work">{t("queue.filters.openWorkChoice")}</label>
            </div>
            <div className="form-check my-1">
              <input id="queue-everything" type="radio" name="queue-scope" checked={!state.statuses.length && state.closed}
                onChange={() => apply({ statuses: [], closed: true })} />
              <label htmlFor="queue-everything">{t("queue.filters.everythingChoice")}</label>
            </div>
          </fieldset>
          <CheckboxList id="queue-status" legend={t("queue.filters.openGroup")} options={offered(OPEN_STATUSES)}
            chosen={state.statuses} onChange={(statuses) => apply({ statuses: statuses as PracticeStatus[], closed: false })} />
          <CheckboxList id="queue-status" legend={t("queue.filters.closedGroup")} options={offered(CLOSED_STATUSES)}
            chosen={state.statuses} onChange={(statuses) => apply({ statuses: statuses as PracticeStatus[], closed: false })} />
        </FilterMenu>
        <FilterMenu id="queue-services" label={t("queue.filters.services")} summary={chosenSummary(state.services, services, all, many)}>
          <CheckboxList id="queue-service" legend={t("queue.filters.services")} options={services} chosen={state.services}
            onChange={(chosen) => apply({ services: chosen })} />
        </FilterMenu>
        <FilterMenu id="queue-assignees" label={t("queue.filters.assignees")} summary={chosenSummary(state.assignees, operatorChoices, all, many)}>
          <CheckboxList id="queue-assignee" legend={t("queue.filters.assignees")} options={operatorChoices} chosen={state.assignees}
            onChange={(chosen) => apply({ assignees: chosen })} />
        </FilterMenu>
        <button type="button" className="btn btn-sm btn-outline-primary" aria-expanded={more} aria-controls="queue-more"
          onClick={() => setMore((shown) => !shown)}>
          {t("queue.filters.more")}
          {hidden > 0 && (
            <>
              {" "}
              <span className="badge bg-primary" aria-hidden="true">{hidden}</span>
              <span className="visually-hidden">{t("queue.filters.moreActive", { count: hidden })}</span>
            </>
          )}
          <span aria-hidden="true"> {more ? "▴" : "▾"}</span>
        </button>
      </div>
      <div id="queue-more" className="queue-more" hidden={!more}>
        <FilterMenu id="queue-offices" label={t("queue.filters.offices")} summary={chosenSummary(state.offices, offices, all, many)}>
          <CheckboxList id="queue-office" legend={t("queue.filters.offices")} options={offices} chosen={state.offices}
            onChange={(chosen) => apply({ offices: chosen })} />
        </FilterMenu>
        <div>
          <label htmlFor="queue-assignment" className="queue-label">{t("queue.filters.assignment")}</label>
          <select id="queue-assignment" className="form-select form-select-sm" value={state.assignment}
            onChange={(event) => apply({ assignment: event.target.value as Assignment })}>
            {ASSIGNMENTS.map((assignment) => (
              <option key={assignment} value={assignment}>{t(`queue.assignment.${assignment}`)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="queue-from" className="queue-label">{t("queue.filters.submittedFrom")}</label>
          <input id="queue-from" type="date" className="form-control form-control-sm" value={from}
            onChange={(event) => setFrom(event.target.value)} />
        </div>
        <div>
          <label htmlFor="queue-until" className="queue-label">{t("queue.filters.submittedUntil")}</label>
          <input id="queue-until" type="date" className="form-control form-control-sm" value={until}
            onChange={(event) => setUntil(event.target.value)} />
        </div>
        <div>
          <label htmlFor="queue-sort" className="queue-label">{t("queue.filters.sort")}</label>
          <select id="queue-sort" className="form-select form-select-sm" value={state.sort}
            onChange={(event) => apply({ sort: event.target.value as QueueState["sort"] })}>
            {SORT_FIELDS.map((field) => (
              <option key={field} value={field}>{t(`queue.sort.${field}`)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="queue-direction" className="queue-label">{t("queue.filters.direction")}</label>
          <select id="queue-direction" className="form-select form-select-sm" value={state.descending ? "desc" : "asc"}
            onChange={(event) => apply({ descending: event.target.value === "desc" })}>
            <option value="desc">{t("queue.direction.desc")}</option>
            <option value="asc">{t("queue.direction.asc")}</option>
          </select>
        </div>
        <div className="align-self-end">
          <button type="submit" className="btn btn-primary btn-sm">{t("queue.filters.apply")}</button>
        </div>
      </div>
      <ActiveFilters state={state} services={services} offices={offices} operators={operatorChoices} onApply={onApply} />
    </form>
  );
}
