import { useCallback } from "react";
import { useClient, type Client, type OperationResult } from "urql";

import {
  OperatorAcceptDocument,
  OperatorAssignDocument,
  OperatorRejectDocument,
  OperatorReopenDocument,
  OperatorRequestIntegrationDocument,
  OperatorRevokeDocument,
  OperatorTakeInChargeDocument,
  type OperatorPracticeDetailFragment,
} from "../../gql/graphql";
import { problemsOf, type Problem } from "../../shared/problems";
import type { OperatorAction } from "./transitions";

/** What the operator filled in for a step. */
export interface ActionValues {
  text: string;
  operatorId: string;
  fileIds: string[];
}

export interface ActionResult {
  practice: OperatorPracticeDetailFragment | null;
  problems: Problem[];
}

type Payload = { practice?: OperatorPracticeDetailFragment | null; errors: Problem[] } | undefined;

function outcome(result: OperationResult, payload: Payload): ActionResult {
  const problems = problemsOf(payload?.errors, result.error);
  return { practice: problems.length ? null : (payload?.practice ?? null), problems };
}

/** Each step's mutation, given the practice and the values of its form. */
const SEND: Record<OperatorAction, (client: Client, id: string, values: ActionValues) => Promise<ActionResult>> = {
  TAKE_IN_CHARGE: async (client, id) => {
    const result = await client.mutation(OperatorTakeInChargeDocument, { input: { id } }).toPromise();
    return outcome(result, result.data?.takePracticeInCharge);
  },
  REASSIGN: async (client, id, { operatorId }) => {
    const result = await client.mutation(OperatorAssignDocument, { input: { id, operatorId } }).toPromise();
    return outcome(result, result.data?.assignPractice);
  },
  REQUEST_INTEGRATION: async (client, id, { text, fileIds }) => {
    const result = await client.mutation(OperatorRequestIntegrationDocument, { input: { id, message: text, fileIds } }).toPromise();
    return outcome(result, result.data?.requestPracticeIntegration);
  },
  ACCEPT: async (client, id, { text, fileIds }) => {
    const result = await client.mutation(OperatorAcceptDocument, { input: { id, reason: text || null, fileIds } }).toPromise();
    return outcome(result, result.data?.acceptPractice);
  },
  REJECT: async (client, id, { text, fileIds }) => {
    const result = await client.mutation(OperatorRejectDocument, { input: { id, reason: text, fileIds } }).toPromise();
    return outcome(result, result.data?.rejectPractice);
  },
  REOPEN: async (client, id, { text }) => {
    const result = await client.mutation(OperatorReopenDocument, { input: { id, message: text || null } }).toPromise();
    return outcome(result, result.data?.reopenPractice);
  },
  REVOKE: async (client, id, { text }) => {
    const result = await client.mutation(OperatorRevokeDocument, { input: { id, message: text || null } }).toPromise();
    return outcome(result, result.data?.revokePractice);
  },
};

/** Sends an operator's step on a practice; urql refetches the practice it changed. */
export function useRunAction() {
  const client = useClient();
  return useCallback(
    (action: OperatorAction, practiceId: string, values: ActionValues) => SEND[action](client, practiceId, values),
    [client],
  );
}
