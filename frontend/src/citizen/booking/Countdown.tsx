import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** Whole seconds from `now` until `until` (never negative). */
export function secondsLeft(until: string, now: number = Date.now()): number {
  return Math.max(0, Math.ceil((Date.parse(until) - now) / 1000));
}

function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * The time left on a held slot, as a ticking m:ss clock. Screen readers are not told every second:
 * the live region speaks once a minute, and again when the hold is over. `onExpired` runs once then.
 */
export function Countdown({ until, onExpired }: { until: string; onExpired: () => void }) {
  const { t } = useTranslation("booking");
  const [left, setLeft] = useState(() => secondsLeft(until));
  const expired = useRef(false);
  const notify = useRef(onExpired);
  notify.current = onExpired;

  useEffect(() => {
    expired.current = false;
    setLeft(secondsLeft(until));
    const timer = window.setInterval(() => setLeft(secondsLeft(until)), 1000);
    return () => window.clearInterval(timer);
  }, [until]);

  useEffect(() => {
    if (left === 0 && !expired.current) {
      expired.current = true;
      notify.current();
    }
  }, [left]);

  const minutes = Math.ceil(left / 60);
  return (
    <p className="mb-0" data-testid="hold-countdown">
      <span aria-hidden="true">
        {t("hold.countdown")} <strong className="font-monospace">{clock(left)}</strong>
      </span>
      <span className="visually-hidden" role="status">
        {left > 0 ? t("hold.minutesLeft", { count: minutes }) : t("hold.expired")}
      </span>
    </p>
  );
}
