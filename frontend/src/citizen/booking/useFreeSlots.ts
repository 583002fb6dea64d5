import { useCallback, useMemo, useState } from "react";
import { useQuery } from "urql";

import { BookingFreeSlotsDocument } from "../../gql/graphql";
import { addDays, localDay, weekStart } from "../../shared/dates";

/** Calendars take bookings at most 180 days ahead (DOMAIN: booking window ≤ 180). */
const FURTHEST_DAYS = 180;

/** Bookings and holds change free places: any of them makes the shown week be read again. */
const CONTEXT = { additionalTypenames: ["Appointment"] };

/**
 * The free slots of a service or calendar, a week at a time, starting with the week of
 * `initialDay` (or this week). `refresh` reads the week again from the server, past any cache.
 */
export function useFreeSlots(target: { serviceId?: string | null; calendarId?: string | null }, initialDay?: string | null) {
  const today = localDay(new Date());
  const firstWeek = weekStart(today);
  const lastWeek = weekStart(addDays(today, FURTHEST_DAYS));
  const [week, setWeek] = useState(() => {
    const wanted = initialDay ? weekStart(initialDay) : firstWeek;
    return wanted < firstWeek || wanted > lastWeek ? firstWeek : wanted;
  });
  const variables = useMemo(
    () => ({
      serviceId: target.calendarId ? null : (target.serviceId ?? null),
      calendarId: target.calendarId ?? null,
      start: week,
      end: addDays(week, 6),
    }),
    [target.serviceId, target.calendarId, week],
  );
  const [result, reexecute] = useQuery({
    query: BookingFreeSlotsDocument,
    variables,
    pause: !variables.serviceId && !variables.calendarId,
    context: CONTEXT,
  });
  const refresh = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);
  return {
    week,
    setWeek,
    firstWeek,
    lastWeek,
    slots: result.fetching ? undefined : (result.data?.freeSlots ?? []),
    error: result.error,
    refresh,
  };
}
