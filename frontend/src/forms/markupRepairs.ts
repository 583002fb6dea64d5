/**
 * Repairs of the markup Form.io's Bootstrap templates produce, applied after every redraw:
 * - clickable icons (`<i tabindex="0" aria-label=…>`, e.g. "remove this file") are focusable but
 *   have no role and ignore the keyboard: they become buttons that Enter and Space click;
 * - a panel's title bar claims to be an expandable button (`role`, `aria-expanded`) even when
 *   the panel cannot collapse, or is shown read-only: it becomes a plain heading bar;
 * - a required group of radios or checkboxes is `role="group"` with `aria-required`, which
 *   ARIA does not allow on a group: radios become a `radiogroup` (where it is allowed), other
 *   groups drop it (their label already says the field is required).
 */
const CLICKABLE_ICON = "i[tabindex='0'][aria-label]:not([role])";
const FIXED_PANEL_HEADER = ".card-header[aria-expanded]:not([tabindex])";
const REQUIRED_GROUP = "[role='group'][aria-required]";

function onKey(event: KeyboardEvent) {
  if (event.key !== "Enter" && event.key !== " ") return;
  event.preventDefault();
  (event.currentTarget as HTMLElement).click();
}

export function repairMarkup(root: ParentNode): void {
  for (const icon of root.querySelectorAll<HTMLElement>(CLICKABLE_ICON)) {
    icon.setAttribute("role", "button");
    icon.addEventListener("keydown", onKey);
  }
  for (const header of root.querySelectorAll<HTMLElement>(FIXED_PANEL_HEADER)) {
    for (const attribute of ["role", "aria-expanded", "aria-controls"]) header.removeAttribute(attribute);
  }
  for (const group of root.querySelectorAll<HTMLElement>(REQUIRED_GROUP)) {
    const inputs = [...group.querySelectorAll<HTMLInputElement>("input")];
    if (inputs.length && inputs.every((input) => input.type === "radio")) group.setAttribute("role", "radiogroup");
    else group.removeAttribute("aria-required");
  }
}

/** Repairs the markup now and whenever the renderer redraws; returns the function that stops it. */
export function watchMarkup(root: HTMLElement): () => void {
  repairMarkup(root);
  const observer = new MutationObserver(() => repairMarkup(root));
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
