import type { PracticeStatus } from "../gql/graphql";

/**
 * How a citizen reads the states of a practice: five groups, each a filter of "Le mie pratiche"
 * and a tone of the status badge. Payment and protocol steps belong to the group they wait in.
 */
export const STATUS_GROUPS = {
  draft: ["DRAFT"],
  sent: ["PRE_SUBMIT", "SUBMITTED", "REGISTERED", "PAYMENT_PENDING", "PAYMENT_OUTCOME_PENDING", "PAYMENT_SUCCESS", "PAYMENT_ERROR"],
  working: ["PENDING", "SUBMITTED_AFTER_INTEGRATION", "REGISTERED_AFTER_INTEGRATION", "PENDING_AFTER_INTEGRATION"],
  integration: ["REQUEST_INTEGRATION", "DRAFT_FOR_INTEGRATION"],
  closed: ["COMPLETE_WAITING_OUTCOME_REGISTRATION", "COMPLETE", "CANCELLED_WAITING_OUTCOME_REGISTRATION", "CANCELLED", "WITHDRAWN", "REVOKED"],
} as const satisfies Record<string, readonly PracticeStatus[]>;

export type StatusGroup = keyof typeof STATUS_GROUPS;

export function groupOf(status: PracticeStatus): StatusGroup {
  const found = (Object.keys(STATUS_GROUPS) as StatusGroup[]).find((group) =>
    (STATUS_GROUPS[group] as readonly PracticeStatus[]).includes(status),
  );
  return found ?? "sent";
}

/** The badge classes of a status: the text always says the status, the colour only repeats it. */
export function statusTone(status: PracticeStatus): string {
  if (status === "COMPLETE" || status === "COMPLETE_WAITING_OUTCOME_REGISTRATION") return "bg-success";
  if (status === "CANCELLED" || status === "CANCELLED_WAITING_OUTCOME_REGISTRATION" || status === "REVOKED") return "bg-danger";
  const tones: Record<StatusGroup, string> = {
    draft: "bg-secondary",
    sent: "bg-primary",
    working: "bg-primary",
    integration: "bg-warning",
    closed: "bg-secondary",
  };
  return tones[groupOf(status)];
}
