import type { FilePurpose, PracticeAction } from "../../gql/graphql";

/** What an operator's step asks for before it can be sent. */
export interface ActionForm {
  /** Another operator to give the practice to. */
  operator: boolean;
  /** The words of the step: the message, reason or note. */
  text: "none" | "optional" | "required";
  /** Files that go with the step, uploaded with this purpose. */
  files: FilePurpose | null;
  /** Asked again in a dialog: the step ends the practice or takes it from the citizen. */
  destructive: boolean;
}

/** The steps the API has a mutation for, in the order the bar shows them. */
export const ACTION_FORMS = {
  TAKE_IN_CHARGE: { operator: false, text: "none", files: null, destructive: false },
  REASSIGN: { operator: true, text: "none", files: null, destructive: false },
  REQUEST_INTEGRATION: { operator: false, text: "required", files: "MESSAGE", destructive: false },
  ACCEPT: { operator: false, text: "optional", files: "OUTCOME", destructive: false },
  REJECT: { operator: false, text: "required", files: "OUTCOME", destructive: true },
  REOPEN: { operator: false, text: "optional", files: null, destructive: false },
  REVOKE: { operator: false, text: "optional", files: null, destructive: true },
} as const satisfies Partial<Record<PracticeAction, ActionForm>>;

export type OperatorAction = keyof typeof ACTION_FORMS;

const ORDER = Object.keys(ACTION_FORMS) as OperatorAction[];

/**
 * The steps to offer: exactly those the API says the viewer may take now, among those it has a
 * mutation for (ASK_DEFERRED_PAYMENT and RESUME have none yet).
 */
export function offeredActions(available: readonly PracticeAction[]): OperatorAction[] {
  return ORDER.filter((action) => available.includes(action));
}

/** A step with nothing to fill in and nothing to undo is taken at once, without a form. */
export function takenAtOnce(action: OperatorAction): boolean {
  const form: ActionForm = ACTION_FORMS[action];
  return !form.operator && form.text === "none" && !form.files && !form.destructive;
}
