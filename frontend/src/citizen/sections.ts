import type { Crumb } from "../shared/layout/trail";

/** The citizen area's sections, by the key of their name in the menu (`citizen:nav.<key>`). */
export type SectionKey = "services" | "desk" | "practices" | "appointments" | "rooms";

/**
 * The sections a page of the citizen area belongs to, outermost first, from its address: what its
 * breadcrumb shows between "Home" and the page itself. A practice is reached from the desk.
 */
export function citizenSections(pathname: string, name: (key: SectionKey) => string): Crumb[] {
  const [first, second] = pathname.split("/").filter(Boolean);
  const step = (key: SectionKey, to: string): Crumb => ({ label: name(key), to });
  switch (first) {
    case "servizi":
      return [step("services", "/")];
    case "pratiche":
      return second ? [step("desk", "/scrivania"), step("practices", "/pratiche")] : [step("desk", "/scrivania")];
    case "appuntamenti":
      return second ? [step("appointments", "/appuntamenti")] : [];
    case "prenotazioni":
      return second ? [step("rooms", "/prenotazioni")] : [];
    default:
      return [];
  }
}
