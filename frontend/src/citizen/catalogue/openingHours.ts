import { formatClock, weekdayName } from "./dates";

export interface HoursRule {
  weekdays: number[];
  begin: unknown;
  end: unknown;
}

/** Runs of consecutive ISO weekdays: [1,2,3,5] → [[1,3],[5,5]]. */
function runs(weekdays: readonly number[]): [number, number][] {
  const sorted = [...new Set(weekdays)].sort((a, b) => a - b);
  const found: [number, number][] = [];
  for (const day of sorted) {
    const last = found[found.length - 1];
    if (last && day === last[1] + 1) last[1] = day;
    else found.push([day, day]);
  }
  return found;
}

/**
 * The days of a rule as people say them: "lunedì–venerdì", "martedì e giovedì". Runs of three
 * days or more are written as a range.
 */
export function weekdaysText(weekdays: readonly number[], language: string): string {
  const parts = runs(weekdays).flatMap(([first, last]) => {
    if (last - first >= 2) return [`${weekdayName(first, language)}–${weekdayName(last, language)}`];
    return first === last ? [weekdayName(first, language)] : [weekdayName(first, language), weekdayName(last, language)];
  });
  return new Intl.ListFormat(language, { type: "conjunction" }).format(parts);
}

/** One rule of opening hours on a line: "lunedì–venerdì, 08:30–12:30". */
export function hoursText(rule: HoursRule, language: string): string {
  return `${weekdaysText(rule.weekdays, language)}, ${formatClock(rule.begin)}–${formatClock(rule.end)}`;
}
