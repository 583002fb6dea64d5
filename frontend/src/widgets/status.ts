import { h } from "./dom";
import type { Translate } from "./messages";

/**
 * A polite live region. It is created with the widget and only its text changes afterwards:
 * screen readers announce changes of a region they already know, not regions just inserted.
 */
export function liveRegion(className = ""): HTMLElement {
  return h("p", { role: "status", "aria-live": "polite", class: className || null });
}

/** The server could not be reached or answered with errors: say so, and offer to try again. */
export function errorView(t: Translate, retry: () => void): HTMLElement {
  const button = h("button", { type: "button", class: "btn btn-outline-primary btn-sm" }, t("retry"));
  button.addEventListener("click", retry);
  return h("div", { class: "alert alert-danger", role: "alert" }, h("p", {}, t("unreachable")), button);
}
