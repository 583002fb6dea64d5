import { useMemo } from "react";
import { useQuery } from "urql";

import { OperatorAssigneesDocument, type OperatorPersonFragment } from "../gql/graphql";
import { useSession } from "../shared/providers";

export type Person = OperatorPersonFragment;

/** People once each, by name. */
export function uniquePeople(people: readonly (Person | null | undefined)[]): Person[] {
  const byId = new Map<string, Person>();
  for (const person of people) if (person) byId.set(person.id, person);
  return [...byId.values()].sort((a, b) => a.fullName.localeCompare(b.fullName));
}

/** The operators one can filter by or assign to: the viewer and the colleagues of their offices. */
export function useOperators(): Person[] {
  const { user } = useSession();
  const [{ data }] = useQuery({ query: OperatorAssigneesDocument });
  return useMemo(() => uniquePeople([user, ...(data?.staff.edges.map(({ node }) => node) ?? [])]), [user, data]);
}
