import type { OperatorQueueQueryVariables, PracticeSortField, PracticeStatus } from "../../gql/graphql";
import { addDays } from "../../shared/dates";
import { STATUS_GROUPS } from "../../shared/practiceStatus";
import { dayStart } from "../dates";

/** Every status in the order of the state machine (DOMAIN.md); a Record so a new status fails to compile. */
const STATUS_ORDER: Record<PracticeStatus, number> = {
  DRAFT: 0,
  PAYMENT_PENDING: 1,
  PAYMENT_OUTCOME_PENDING: 2,
  PAYMENT_SUCCESS: 3,
  PAYMENT_ERROR: 4,
  PRE_SUBMIT: 5,
  SUBMITTED: 6,
  REGISTERED: 7,
  PENDING: 8,
  REQUEST_INTEGRATION: 9,
  DRAFT_FOR_INTEGRATION: 10,
  SUBMITTED_AFTER_INTEGRATION: 11,
  REGISTERED_AFTER_INTEGRATION: 12,
  PENDING_AFTER_INTEGRATION: 13,
  COMPLETE_WAITING_OUTCOME_REGISTRATION: 14,
  COMPLETE: 15,
  CANCELLED_WAITING_OUTCOME_REGISTRATION: 16,
  CANCELLED: 17,
  WITHDRAWN: 18,
  REVOKED: 19,
};
/** The statuses staff can find in the queue (drafts never reach it). */
export const QUEUE_STATUSES: readonly PracticeStatus[] = (Object.keys(STATUS_ORDER) as PracticeStatus[])
  .filter((status) => status !== "DRAFT")
  .sort((a, b) => STATUS_ORDER[a] - STATUS_ORDER[b]);

/** Decided, withdrawn or revoked: no more work for the office (the citizen's "closed" group). */
export const CLOSED_STATUSES: readonly PracticeStatus[] = QUEUE_STATUSES.filter((status) =>
  (STATUS_GROUPS.closed as readonly PracticeStatus[]).includes(status),
);
/** The open work: what the queue shows unless the operator asks for closed ones too. */
export const OPEN_STATUSES: readonly PracticeStatus[] = QUEUE_STATUSES.filter((status) => !CLOSED_STATUSES.includes(status));
/** Statuses only a service that takes payments reaches. */
export const PAYMENT_STATUSES: readonly PracticeStatus[] = ["PAYMENT_PENDING", "PAYMENT_OUTCOME_PENDING", "PAYMENT_SUCCESS", "PAYMENT_ERROR"];

export const SORT_FIELDS: readonly PracticeSortField[] = ["SUBMITTED_AT", "UPDATED_AT", "CREATED_AT", "NUMBER"];

/** Whose practices: anyone's, nobody's yet, somebody's, the viewer's own. */
export const ASSIGNMENTS = ["all", "unassigned", "assigned", "me"] as const;
export type Assignment = (typeof ASSIGNMENTS)[number];

/** The queue as the address keeps it: filters, sort and the page (a cursor one way or the other). */
export interface QueueState {
  services: string[];
  /** The statuses chosen; none means every open status, or every status with `closed`. */
  statuses: PracticeStatus[];
  /** With no status chosen, closed practices too. */
  closed: boolean;
  offices: string[];
  assignees: string[];
  assignment: Assignment;
  /** Local days (YYYY-MM-DD), both included. */
  submittedFrom: string | null;
  submittedUntil: string | null;
  applicant: string;
  sort: PracticeSortField;
  descending: boolean;
  after: string | null;
  before: string | null;
}

export const PAGE_SIZE = 20;

/** The names in the address: Italian, as the rest of the municipality's addresses. */
const KEYS = {
  services: "servizio",
  statuses: "stato",
  closed: "chiuse",
  offices: "ufficio",
  assignees: "assegnatario",
  assignment: "assegnazione",
  submittedFrom: "dal",
  submittedUntil: "al",
  applicant: "richiedente",
  sort: "ordine",
  descending: "verso",
  after: "dopo",
  before: "prima",
} as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function day(value: string | null): string | null {
  return value && DAY.test(value) ? value : null;
}

/** The queue a query string asks for; unknown or malformed values fall back to the defaults. */
export function parseQueueState(params: URLSearchParams): QueueState {
  const statuses = params.getAll(KEYS.statuses).filter((status): status is PracticeStatus => QUEUE_STATUSES.includes(status as PracticeStatus));
  return {
    services: params.getAll(KEYS.services),
    statuses,
    closed: !statuses.length && params.get(KEYS.closed) === "1",
    offices: params.getAll(KEYS.offices),
    assignees: params.getAll(KEYS.assignees),
    assignment: oneOf(params.get(KEYS.assignment), ASSIGNMENTS, "all"),
    submittedFrom: day(params.get(KEYS.submittedFrom)),
    submittedUntil: day(params.get(KEYS.submittedUntil)),
    applicant: params.get(KEYS.applicant)?.trim() ?? "",
    sort: oneOf(params.get(KEYS.sort), SORT_FIELDS, "SUBMITTED_AT"),
    descending: params.get(KEYS.descending) !== "asc",
    after: params.get(KEYS.after) || null,
    before: params.get(KEYS.before) || null,
  };
}

/** The query string of a queue; defaults are left out so the plain queue has a plain address. */
export function queueSearch(state: QueueState): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["services", "statuses", "offices", "assignees"] as const) {
    for (const value of state[key]) params.append(KEYS[key], value);
  }
  if (state.closed && !state.statuses.length) params.set(KEYS.closed, "1");
  if (state.assignment !== "all") params.set(KEYS.assignment, state.assignment);
  if (state.submittedFrom) params.set(KEYS.submittedFrom, state.submittedFrom);
  if (state.submittedUntil) params.set(KEYS.submittedUntil, state.submittedUntil);
  if (state.applicant) params.set(KEYS.applicant, state.applicant);
  if (state.sort !== "SUBMITTED_AT") params.set(KEYS.sort, state.sort);
  if (!state.descending) params.set(KEYS.descending, "asc");
  if (state.after) params.set(KEYS.after, state.after);
  else if (state.before) params.set(KEYS.before, state.before);
  return params;
}

/** The same filters and sort from the first page: any change of them starts the queue over. */
export function firstPage(state: QueueState): QueueState {
  return { ...state, after: null, before: null };
}

/** The variables of the OperatorQueue query; `viewerId` stands for "me". Days are Europe/Rome days. */
export function queueVariables(state: QueueState, viewerId: string | null): OperatorQueueQueryVariables {
  const assignees = state.assignment === "me" && viewerId ? [viewerId] : state.assignees;
  const unassigned = state.assignment === "unassigned" ? true : state.assignment === "assigned" ? false : null;
  const page = state.before ? { last: PAGE_SIZE, before: state.before } : { first: PAGE_SIZE, after: state.after };
  return {
    filter: {
      services: state.services.length ? state.services : null,
      statuses: state.statuses.length ? state.statuses : state.closed ? null : [...OPEN_STATUSES],
      offices: state.offices.length ? state.offices : null,
      assignees: assignees.length ? assignees : null,
      unassigned,
      submittedFrom: state.submittedFrom ? dayStart(state.submittedFrom) : null,
      // The API's bound is exclusive; the form's "until" day is included.
      submittedUntil: state.submittedUntil ? dayStart(addDays(state.submittedUntil, 1)) : null,
      applicant: state.applicant || null,
    },
    sort: { field: state.sort, descending: state.descending },
    ...page,
  };
}
