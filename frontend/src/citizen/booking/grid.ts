/** A free stretch of a resource, as resourceAvailability gives it. */
export interface Interval {
  start: string;
  end: string;
}

export interface GridRules {
  granularityMinutes: number;
  minimumMinutes: number;
  maximumMinutes: number;
}

const MINUTE_MS = 60_000;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The interval that holds a start, if any. */
function around(intervals: readonly Interval[], start: string): Interval | undefined {
  const at = Date.parse(start);
  return intervals.find((interval) => Date.parse(interval.start) <= at && at < Date.parse(interval.end));
}

/** The starts on the grid from which at least the minimum duration is free, in time order. */
export function startTimes(intervals: readonly Interval[], rules: GridRules): string[] {
  const step = rules.granularityMinutes * MINUTE_MS;
  const shortest = rules.minimumMinutes * MINUTE_MS;
  const starts: string[] = [];
  for (const interval of intervals) {
    const end = Date.parse(interval.end);
    for (let at = Date.parse(interval.start); at + shortest <= end; at += step) starts.push(iso(at));
  }
  return starts.sort();
}

/** The ends on the grid a booking from `start` may have: minimum to maximum duration, inside its free stretch. */
export function endTimes(intervals: readonly Interval[], start: string, rules: GridRules): string[] {
  const interval = around(intervals, start);
  if (!interval) return [];
  const from = Date.parse(start);
  const last = Math.min(Date.parse(interval.end), from + rules.maximumMinutes * MINUTE_MS);
  const ends: string[] = [];
  for (let at = from + rules.minimumMinutes * MINUTE_MS; at <= last; at += rules.granularityMinutes * MINUTE_MS) {
    ends.push(iso(at));
  }
  return ends;
}

export function minutesBetween(start: string, end: string): number {
  return Math.round((Date.parse(end) - Date.parse(start)) / MINUTE_MS);
}
