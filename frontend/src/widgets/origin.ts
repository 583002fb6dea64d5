/**
 * The Sportello server the widgets talk to by default: the origin their script was loaded from,
 * read while the script runs (`document.currentScript` is null afterwards). A page that loads the
 * script as a module, or copies it to its own server, says where Sportello is with `api="…"`.
 */
export function scriptOrigin(script: Element | null = document.currentScript): string {
  const src = script instanceof HTMLScriptElement ? script.src : "";
  return src ? new URL(src).origin : window.location.origin;
}
