import { useId } from "react";
import { useTranslation } from "react-i18next";

import "./booking.css";

import { addDays, capitalized, formatDay, formatTime, formatWeek } from "../../shared/dates";
import { groupSlotsByDay, slotKey, type FreeSlot } from "../../shared/slots";

export interface SlotPickerProps {
  /** The Monday of the week shown, as an ISO date key. */
  week: string;
  /** The week's free slots; undefined while they load. */
  slots: readonly FreeSlot[] | undefined;
  /** The slotKey of the chosen slot, if any. */
  selected: string | null;
  onSelect: (slot: FreeSlot) => void;
  onWeekChange: (monday: string) => void;
  /** The first and last weeks one may move to (Mondays). */
  firstWeek: string;
  lastWeek: string;
  /** What the choice is for, read out as the group's name. */
  legend: string;
}

/**
 * A week of free slots: the days that have some, each with its times as one radio group (Tab
 * enters it, arrows move between times, the choice follows), showing the free places of each.
 * The design kit has no slot picker, so it is built from Bootstrap Italia's `btn-check` buttons.
 */
export function SlotPicker({ week, slots, selected, onSelect, onWeekChange, firstWeek, lastWeek, legend }: SlotPickerProps) {
  const { t, i18n } = useTranslation("booking");
  const id = useId();
  const language = i18n.language;
  const days = slots ? groupSlotsByDay(slots) : [];
  const weekLabel = formatWeek(week, language);
  let status: string;
  if (!slots) status = t("picker.loading");
  else if (!slots.length) status = t("picker.none");
  else status = t("picker.count", { count: slots.length });

  return (
    <div className="slot-picker" data-testid="slot-picker">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2">
        <button type="button" className="btn btn-outline-primary btn-sm" disabled={week <= firstWeek}
          onClick={() => onWeekChange(addDays(week, -7))}>
          <span aria-hidden="true">‹ </span>{t("picker.previousWeek")}
        </button>
        <p className="fw-semibold mb-0" id={`${id}-week`} data-testid="slot-picker-week">
          {t("picker.week", { week: weekLabel })}
        </p>
        <button type="button" className="btn btn-outline-primary btn-sm" disabled={week >= lastWeek}
          onClick={() => onWeekChange(addDays(week, 7))}>
          {t("picker.nextWeek")}<span aria-hidden="true"> ›</span>
        </button>
      </div>
      <p role="status" className="mb-3" data-testid="slot-picker-status">{status}</p>
      {days.length > 0 && (
        <fieldset aria-describedby={`${id}-week`}>
          <legend className="visually-hidden">{legend}</legend>
          <div className="row">
            {days.map(({ day, slots: daySlots }) => (
              <fieldset key={day} className="col-12 col-md-6 col-lg-4 mb-3" data-testid="slot-day">
                <legend className="h6 fw-semibold mb-2 float-none w-auto">
                  {capitalized(formatDay(day, language, false))}
                </legend>
                <div className="d-flex flex-wrap gap-2">
                  {daySlots.map((slot) => {
                    const key = slotKey(slot);
                    const inputId = `${id}-${key}`;
                    const checked = key === selected;
                    return (
                      <span key={key}>
                        <input type="radio" className="btn-check" name={`${id}-slot`} id={inputId} value={key}
                          checked={checked} onChange={() => onSelect(slot)} />
                        <label className="btn btn-outline-primary btn-sm text-start" htmlFor={inputId}>
                          <span className="d-block fw-semibold">
                            {checked && <span aria-hidden="true">✓ </span>}
                            {formatTime(slot.start, language)}
                          </span>{" "}
                          <span className="d-block small">{t("picker.free", { count: slot.free })}</span>
                        </label>
                      </span>
                    );
                  })}
                </div>
              </fieldset>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}
