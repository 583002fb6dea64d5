import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { localDay } from "../../shared/dates";

/** The file name of an appointment's calendar file: "appuntamento-2026-12-02.ics" in the UI language. */
export function icsFileName(prefix: string, start: string): string {
  return `${prefix}-${localDay(start)}.ics`;
}

/**
 * "Add to calendar": a real download link of the appointment's iCalendar text (type text/calendar),
 * which calendar apps open. The text comes with the appointment, so no further request is made.
 */
export function IcsLink({ ics, start, label }: { ics: string; start: string; label?: string }) {
  const { t } = useTranslation("booking");
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([ics], { type: "text/calendar;charset=utf-8" }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [ics]);
  if (!href) return null;
  return (
    <a className="btn btn-outline-primary btn-sm" href={href} download={icsFileName(t("ics.filePrefix"), start)}
      type="text/calendar">
      {label ?? t("ics.add")}
    </a>
  );
}
