import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { formatDay } from "../../shared/dates";
import type { Choice } from "./QueueFilters";
import { firstPage, type QueueState } from "./queueState";

interface Chip {
  key: string;
  /** "Stato: In lavorazione". */
  label: string;
  without: Partial<QueueState>;
}

/**
 * The filters applied, one chip each with a button that removes it; and one to clear them all.
 * The focus stays in the list after a removal (on the chip that took its place), or goes back to
 * the search field when no filter is left.
 */
export function ActiveFilters({ state, services, offices, operators, onApply }: {
  state: QueueState;
  services: readonly Choice[];
  offices: readonly Choice[];
  operators: readonly Choice[];
  onApply(state: QueueState): void;
}) {
  const { t, i18n } = useTranslation("operator");
  const list = useRef<HTMLUListElement>(null);
  // The chip removed and how many there were: the focus moves once the list has changed.
  const [refocus, setRefocus] = useState<{ index: number; before: number } | null>(null);
  const named = (options: readonly Choice[], id: string) => options.find((option) => option.id === id)?.name ?? "…";
  const chip = (name: string, value: string, key: string, without: Partial<QueueState>): Chip => ({
    key,
    label: `${name}: ${value}`,
    without,
  });
  const each = (field: "services" | "offices" | "assignees", name: string, options: readonly Choice[]) =>
    state[field].map((id) => chip(name, named(options, id), `${field}-${id}`, { [field]: state[field].filter((item) => item !== id) }));
  const chips: Chip[] = [
    ...state.statuses.map((status) =>
      chip(t("queue.filters.statuses"), t(`status.${status}`, { ns: "practices" }), `status-${status}`, {
        statuses: state.statuses.filter((item) => item !== status),
      }),
    ),
    ...(state.closed ? [chip(t("queue.filters.statuses"), t("queue.filters.everything"), "closed", { closed: false })] : []),
    ...each("services", t("queue.filters.services"), services),
    ...each("assignees", t("queue.filters.assignees"), operators),
    ...each("offices", t("queue.filters.offices"), offices),
    ...(state.assignment !== "all"
      ? [chip(t("queue.filters.assignment"), t(`queue.assignment.${state.assignment}`), "assignment", { assignment: "all" })]
      : []),
    ...(state.applicant ? [chip(t("queue.filters.applicant"), state.applicant, "applicant", { applicant: "" })] : []),
    ...(state.submittedFrom
      ? [chip(t("queue.filters.submittedFrom"), formatDay(state.submittedFrom, i18n.language), "from", { submittedFrom: null })]
      : []),
    ...(state.submittedUntil
      ? [chip(t("queue.filters.submittedUntil"), formatDay(state.submittedUntil, i18n.language), "until", { submittedUntil: null })]
      : []),
  ];
  useEffect(() => {
    if (refocus === null || refocus.before === chips.length) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>("button") ?? [];
    const next = buttons.length > 1 ? buttons[Math.min(refocus.index, buttons.length - 2)] : document.getElementById("queue-applicant");
    next?.focus();
    setRefocus(null);
  });
  if (!chips.length) return null;
  return (
    <div className="queue-chips" data-testid="queue-chips">
      <h3 id="queue-chips-title" className="visually-hidden">{t("queue.filters.active")}</h3>
      <ul ref={list} className="list-unstyled d-flex flex-wrap align-items-center gap-2 mb-0" aria-labelledby="queue-chips-title">
        {chips.map(({ key, label, without }, index) => (
          <li key={key} className="chip chip-simple m-0">
            <span className="chip-label">{label}</span>
            <button type="button" aria-label={t("queue.filters.remove", { filter: label })}
              onClick={() => {
                setRefocus({ index, before: chips.length });
                onApply(firstPage({ ...state, ...without }));
              }}>
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
        <li>
          <button type="button" className="btn btn-link btn-sm p-0" onClick={() => {
            setRefocus({ index: 0, before: chips.length });
            onApply(firstPage(withoutFilters(state)));
          }}>
            {t("queue.filters.reset")}
          </button>
        </li>
      </ul>
    </div>
  );
}

/** No filter (the open work), the sort the queue had. */
export function withoutFilters(state: QueueState): QueueState {
  return {
    ...state,
    services: [],
    statuses: [],
    closed: false,
    offices: [],
    assignees: [],
    assignment: "all",
    submittedFrom: null,
    submittedUntil: null,
    applicant: "",
  };
}
