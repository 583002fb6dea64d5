import { query } from "./api";
import { SportelloElement } from "./base";
import { h, heading } from "./dom";
import { isGlobalId } from "./ids";
import type { Translate } from "./messages";
import { errorView, liveRegion } from "./status";
import type { WidgetServiceCardFragment, WidgetServiceQuery } from "../gql/graphql";

export type ServiceCard = WidgetServiceCardFragment;

export interface CardOptions {
  t: Translate;
  headingLevel: number;
  /** The service's page in the citizen area. */
  href: string;
  /** Called when the user follows the link; false cancels the navigation. */
  onFollow: () => boolean;
}

/** A Bootstrap Italia card of one service; its title is the link to the service's page. */
export function cardView(service: ServiceCard, { t, headingLevel, href, onFollow }: CardOptions): HTMLElement {
  const link = h("a", { href, class: "text-decoration-none" }, service.name);
  link.addEventListener("click", (event) => {
    if (!onFollow()) event.preventDefault();
  });
  return h(
    "article",
    { class: "card card-bg rounded shadow-sm h-100" },
    h(
      "div",
      { class: "card-body" },
      service.category && h("div", { class: "category-top" }, h("span", { class: "category" }, service.category.name)),
      heading(headingLevel, { class: "card-title h5" }, link),
      service.shortDescription && h("p", { class: "card-text" }, service.shortDescription),
      service.bookingRequired && h("span", { class: "badge bg-primary" }, t("byAppointment")),
    ),
  );
}

/** Options for a card drawn by `element`: its language, the service's page in the citizen area, events. */
export function cardOptions(element: SportelloElement, service: ServiceCard, headingLevel: number): CardOptions {
  const href = element.citizenUrl(`servizi/${encodeURIComponent(service.slug)}`);
  return { t: element.t, headingLevel, href, onFollow: () => element.emitSelect({ service, href }) };
}

/** Variables that find a service by the `service` attribute: a global id or a slug. */
export function serviceLookup(value: string): { id?: string; slug?: string } {
  return isGlobalId(value, "Service") ? { id: value } : { slug: value };
}

/** `<sportello-service-card tenant="…" service="slug or id">`: one service's card. */
export class ServiceCardElement extends SportelloElement {
  static observedAttributes = [...SportelloElement.shared, "service"];

  protected async render(): Promise<void> {
    const generation = this.nextGeneration();
    const t = this.t;
    const status = liveRegion();
    const content = h("div");
    this.view.replaceChildren(content, status);
    status.textContent = t("loading");
    try {
      const data = await query<WidgetServiceQuery>(
        this.endpoint,
        "WidgetService",
        serviceLookup(this.getAttribute("service") ?? ""),
      );
      if (!this.current(generation)) return;
      const service = data.service;
      status.textContent = service ? "" : t("serviceNotFound");
      if (service) content.replaceChildren(cardView(service, cardOptions(this, service, this.headingLevel)));
    } catch {
      if (!this.current(generation)) return;
      status.textContent = "";
      content.replaceChildren(errorView(t, () => void this.render()));
    }
  }
}
