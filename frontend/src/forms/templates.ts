/**
 * Templates of Form.io's Bootstrap set that Sportello replaces. The read-only rendering of a
 * checkbox prints a hard-coded "True" / "False"; this one says yes or no in the form's language.
 */
interface CheckboxContext {
  input: { labelClass?: string; content?: string; label: string };
  self: { labelIsHidden(): boolean };
  checked: boolean;
  t(key: string): string;
}

/** `checkbox` in html (read-only) mode; label and content come already escaped by the renderer. */
export function checkboxHtml(ctx: CheckboxContext): string {
  const label = ctx.self.labelIsHidden() ? "" : `<span>${ctx.input.label}</span>`;
  const { labelClass = "", content = "" } = ctx.input;
  return `<label class="${labelClass}">${content}${label}</label><div ref="value">${ctx.t(ctx.checked ? "yes" : "no")}</div>`;
}
