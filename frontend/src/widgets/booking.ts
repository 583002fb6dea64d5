import { capitalized, formatDay, formatMoment, formatTime, formatWeek } from "../shared/dates";
import { query } from "./api";
import { SportelloElement } from "./base";
import { serviceLookup } from "./card";
import { h, heading } from "./dom";
import { uniqueId } from "./ids";
import type { Language, Translate } from "./messages";
import { errorView, liveRegion } from "./status";
import { firstBookableWeek, groupSlotsByWeek, MAX_WEEKS, slotRange, type FreeSlot, type SlotWeek } from "./weeks";
import type { WidgetFreeSlotsQuery, WidgetServiceQuery } from "../gql/graphql";

const DEFAULT_WEEKS = 4;

export interface WeekOptions {
  t: Translate;
  language: Language;
  /** Name of the radio group, unique in the page. */
  name: string;
  onChoose: (slot: FreeSlot) => void;
}

/**
 * One week's free slots (a week with some) as a single radio group (arrow keys move through every time of the
 * week), one fieldset per day. Free places are written out, not only shown by colour.
 */
export function weekView(week: SlotWeek, { t, language, name, onChoose }: WeekOptions): HTMLElement {
  return h(
    "fieldset",
    {},
    h("legend", { class: "visually-hidden" }, t("week", { range: formatWeek(week.monday, language) })),
    ...week.days.map((day) =>
      h(
        "fieldset",
        { class: "mb-3" },
        h("legend", { class: "h6 mb-2" }, capitalized(formatDay(day.day, language, false))),
        ...day.slots.map((slot) => {
          const id = uniqueId("slot");
          const input = h("input", { type: "radio", class: "form-check-input", name, id, value: slot.start });
          input.addEventListener("change", () => onChoose(slot));
          return h(
            "div",
            { class: "form-check form-check-inline" },
            input,
            h("label", { for: id }, `${formatTime(slot.start, language)} · ${t("freePlaces", { n: slot.free })}`),
          );
        }),
      ),
    ),
  );
}

function weekButton(label: string): HTMLButtonElement {
  return h("button", { type: "button", class: "btn btn-outline-primary btn-sm" }, label);
}

/**
 * aria-disabled rather than disabled: a button that becomes disabled under the keyboard focus
 * (the last week reached) would drop the focus to the page's start.
 */
function setEnabled(button: HTMLButtonElement, enabled: boolean): void {
  button.setAttribute("aria-disabled", String(!enabled));
  button.classList.toggle("disabled", !enabled);
}

/** The citizen area's booking flow for a slot, where the citizen logs in and confirms. */
export function bookingPath(serviceId: string, slot: FreeSlot): string {
  const query = new URLSearchParams({ servizio: serviceId, calendario: slot.calendarId, inizio: slot.start });
  return `appuntamenti/prenota?${query}`;
}

/**
 * `<sportello-booking tenant="…" service="slug or id" [weeks="4"]>`: a service's free slots for
 * the next weeks, a week at a time. Choosing one offers the link to book it in the citizen area:
 * an anonymous widget cannot hold a slot.
 */
export class BookingElement extends SportelloElement {
  static observedAttributes = [...SportelloElement.shared, "service", "weeks"];

  private get weeks(): number {
    const weeks = Number(this.getAttribute("weeks"));
    return weeks >= 1 ? Math.min(MAX_WEEKS, Math.floor(weeks)) : DEFAULT_WEEKS;
  }

  protected async render(): Promise<void> {
    const generation = this.nextGeneration();
    const t = this.t;
    const status = liveRegion();
    const section = h("section", {}, status);
    this.view.replaceChildren(section);
    status.textContent = t("loading");
    try {
      const { service } = await query<WidgetServiceQuery>(
        this.endpoint,
        "WidgetService",
        serviceLookup(this.getAttribute("service") ?? ""),
      );
      if (!this.current(generation)) return;
      if (!service) {
        status.textContent = t("serviceNotFound");
        return;
      }
      const range = slotRange(new Date(), this.weeks);
      const { freeSlots } = await query<WidgetFreeSlotsQuery>(this.endpoint, "WidgetFreeSlots", {
        serviceId: service.id,
        ...range,
      });
      if (!this.current(generation)) return;
      this.show(section, service, groupSlotsByWeek(freeSlots, range.start, this.weeks), status);
    } catch {
      if (!this.current(generation)) return;
      status.textContent = "";
      section.append(errorView(t, () => void this.render()));
    }
  }

  private show(section: HTMLElement, service: { id: string; name: string }, weeks: SlotWeek[], status: HTMLElement): void {
    const t = this.t;
    const language = this.language;
    const headingId = uniqueId("booking");
    const name = uniqueId("slots");
    const label = h("p", { class: "mb-0 fw-semibold text-center" });
    const slots = h("div");
    const choice = h("div", { "aria-live": "polite", class: "mt-3" });
    const previous = weekButton(t("previousWeek"));
    const next = weekButton(t("nextWeek"));
    let index = firstBookableWeek(weeks);

    const choose = (slot: FreeSlot) => {
      const href = this.citizenUrl(bookingPath(service.id, slot));
      const link = h("a", { class: "btn btn-primary", href }, t("book"));
      link.addEventListener("click", (event) => {
        if (!this.emitSelect({ service, slot, href })) event.preventDefault();
      });
      choice.replaceChildren(
        h("p", {}, t("chosen", { when: formatMoment(slot.start, language) })),
        link,
        h("p", { class: "small mt-2" }, t("bookHint")),
      );
    };
    const showWeek = () => {
      const week = weeks[index];
      const count = week.days.reduce((sum, day) => sum + day.slots.length, 0);
      label.textContent = t("week", { range: formatWeek(week.monday, language) });
      setEnabled(previous, index > 0);
      setEnabled(next, index < weeks.length - 1);
      slots.replaceChildren(count ? weekView(week, { t, language, name, onChoose: choose }) : "");
      choice.replaceChildren();
      status.textContent = count ? t("freeTimes", { n: count }) : t("noFreeTimes");
    };
    const move = (step: number) => () => {
      if (!weeks[index + step]) return;
      index += step;
      showWeek();
    };
    previous.addEventListener("click", move(-1));
    next.addEventListener("click", move(1));

    status.before(
      heading(this.headingLevel, { id: headingId }, t("bookingHeading", { service: service.name })),
      h(
        "nav",
        { class: "d-flex justify-content-between align-items-center gap-2 mb-3", "aria-label": t("weeks") },
        previous,
        label,
        next,
      ),
    );
    status.after(slots, choice);
    section.setAttribute("aria-labelledby", headingId);
    showWeek();
  }
}
