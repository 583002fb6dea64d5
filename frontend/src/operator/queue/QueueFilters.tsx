import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import type { Person } from "../operators";
import { ASSIGNMENTS, firstPage, QUEUE_STATUSES, SORT_FIELDS, type Assignment, type QueueState } from "./queueState";

export interface Choice {
  id: string;
  name: string;
}

interface QueueFiltersProps {
  state: QueueState;
  services: readonly Choice[];
  offices: readonly Choice[];
  operators: readonly Person[];
  onApply(state: QueueState): void;
}

function selected(select: HTMLSelectElement): string[] {
  return Array.from(select.selectedOptions, (option) => option.value);
}

/** A labelled multiple choice (Ctrl/Shift or the space bar pick several). */
function MultiSelect({ id, label, values, options, onChange }: {
  id: string;
  label: string;
  values: readonly string[];
  options: readonly Choice[];
  onChange(values: string[]): void;
}) {
  return (
    <div className="col-12 col-md-6 col-xl-3 mb-3">
      <label htmlFor={id} className="form-label d-block fw-semibold">
        {label}
      </label>
      <select
        id={id}
        className="form-select"
        multiple
        size={5}
        aria-describedby="queue-multi-hint"
        value={[...values]}
        onChange={(event) => onChange(selected(event.target))}
      >
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Every filter and sort of the work queue; applying starts from the first page. */
export function QueueFilters({ state, services, offices, operators, onApply }: QueueFiltersProps) {
  const { t } = useTranslation("operator");
  const [draft, setDraft] = useState(state);
  const set = <K extends keyof QueueState>(key: K, value: QueueState[K]) => setDraft((current) => ({ ...current, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(firstPage({ ...draft, applicant: draft.applicant.trim() }));
  }

  const statusChoices = QUEUE_STATUSES.map((status) => ({ id: status, name: t(`status.${status}`, { ns: "practices" }) }));
  const operatorChoices = operators.map((person) => ({ id: person.id, name: person.fullName }));
  return (
    <form onSubmit={submit} aria-labelledby="queue-filters-title" className="mb-4" data-testid="queue-filters">
      <h2 id="queue-filters-title" className="h4">
        {t("queue.filters.title")}
      </h2>
      <p id="queue-multi-hint" className="small">{t("queue.filters.multiHint")}</p>
      <div className="row">
        <MultiSelect id="queue-services" label={t("queue.filters.services")} values={draft.services} options={services}
          onChange={(values) => set("services", values)} />
        <MultiSelect id="queue-statuses" label={t("queue.filters.statuses")} values={draft.statuses} options={statusChoices}
          onChange={(values) => set("statuses", values as QueueState["statuses"])} />
        <MultiSelect id="queue-offices" label={t("queue.filters.offices")} values={draft.offices} options={offices}
          onChange={(values) => set("offices", values)} />
        <MultiSelect id="queue-assignees" label={t("queue.filters.assignees")} values={draft.assignees} options={operatorChoices}
          onChange={(values) => set("assignees", values)} />
      </div>
      <div className="row">
        <div className="col-12 col-md-6 col-xl-3 mb-3">
          <label htmlFor="queue-assignment" className="form-label d-block fw-semibold">
            {t("queue.filters.assignment")}
          </label>
          <select id="queue-assignment" className="form-select" value={draft.assignment}
            onChange={(event) => set("assignment", event.target.value as Assignment)}>
            {ASSIGNMENTS.map((assignment) => (
              <option key={assignment} value={assignment}>
                {t(`queue.assignment.${assignment}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-12 col-md-6 col-xl-3 mb-3">
          <label htmlFor="queue-applicant" className="form-label d-block fw-semibold">
            {t("queue.filters.applicant")}
          </label>
          <input id="queue-applicant" type="search" className="form-control" value={draft.applicant}
            aria-describedby="queue-applicant-hint" onChange={(event) => set("applicant", event.target.value)} />
          <p id="queue-applicant-hint" className="small mb-0">{t("queue.filters.applicantHint")}</p>
        </div>
        <div className="col-6 col-xl-3 mb-3">
          <label htmlFor="queue-from" className="form-label d-block fw-semibold">
            {t("queue.filters.submittedFrom")}
          </label>
          <input id="queue-from" type="date" className="form-control" value={draft.submittedFrom ?? ""}
            onChange={(event) => set("submittedFrom", event.target.value || null)} />
        </div>
        <div className="col-6 col-xl-3 mb-3">
          <label htmlFor="queue-until" className="form-label d-block fw-semibold">
            {t("queue.filters.submittedUntil")}
          </label>
          <input id="queue-until" type="date" className="form-control" value={draft.submittedUntil ?? ""}
            onChange={(event) => set("submittedUntil", event.target.value || null)} />
        </div>
      </div>
      <div className="row align-items-end">
        <div className="col-6 col-xl-3 mb-3">
          <label htmlFor="queue-sort" className="form-label d-block fw-semibold">
            {t("queue.filters.sort")}
          </label>
          <select id="queue-sort" className="form-select" value={draft.sort}
            onChange={(event) => set("sort", event.target.value as QueueState["sort"])}>
            {SORT_FIELDS.map((field) => (
              <option key={field} value={field}>
                {t(`queue.sort.${field}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-6 col-xl-3 mb-3">
          <label htmlFor="queue-direction" className="form-label d-block fw-semibold">
            {t("queue.filters.direction")}
          </label>
          <select id="queue-direction" className="form-select" value={draft.descending ? "desc" : "asc"}
            onChange={(event) => set("descending", event.target.value === "desc")}>
            <option value="desc">{t("queue.direction.desc")}</option>
            <option value="asc">{t("queue.direction.asc")}</option>
          </select>
        </div>
        <div className="col-12 col-xl-6 mb-3 d-flex gap-2">
          <button type="submit" className="btn btn-primary">
            {t("queue.filters.apply")}
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={() => onApply(firstPage(withoutFilters(state)))}>
            {t("queue.filters.reset")}
          </button>
        </div>
      </div>
    </form>
  );
}

/** No filter, the sort the queue had. */
function withoutFilters(state: QueueState): QueueState {
  return {
    ...state,
    services: [],
    statuses: [],
    offices: [],
    assignees: [],
    assignment: "all",
    submittedFrom: null,
    submittedUntil: null,
    applicant: "",
  };
}
