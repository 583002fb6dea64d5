/**
 * What each query depends on, for urql's document cache. Queries travel as persisted hashes
 * whose stored text has no __typename, so their results cannot tell the cache which types they
 * hold; naming the types here lets a mutation returning one of them refetch the query.
 * Module constants: urql compares contexts by identity.
 */
export const PRACTICES = { additionalTypenames: ["Practice"] };
export const MESSAGES = { additionalTypenames: ["Message", "Practice"] };
export const APPOINTMENTS = { additionalTypenames: ["Appointment"] };
export const RESOURCE_BOOKINGS = { additionalTypenames: ["ResourceBooking"] };
