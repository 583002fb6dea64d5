/**
 * Form.io's edit grid tells screen readers "Row has been saved" or "Row has been deleted" through
 * a live region it adds to the page's body and fills a moment later, in English and without its
 * t(). While a form is shown, such a region's sentence is put in the form's language.
 */

/** Sentences Form.io speaks this way (keys of the renderer's dictionaries). */
export const SPOKEN = ["Row has been saved", "Row has been deleted"];

/** Watches the body for Form.io's spoken sentences; returns the function that stops it. */
export function translateSpeech(translate: (text: string) => string): () => void {
  const regions: MutationObserver[] = [];
  const retell = (region: HTMLElement) => {
    const text = region.textContent ?? "";
    if (!SPOKEN.includes(text)) return;
    const translated = translate(text);
    if (translated !== text) region.textContent = translated;
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof HTMLElement) || node.getAttribute("aria-live") !== "assertive") continue;
        const region = new MutationObserver(() => {
          if (!node.textContent) return;
          // Told once: the translation written here is a change of its own.
          region.disconnect();
          retell(node);
        });
        region.observe(node, { childList: true, characterData: true, subtree: true });
        regions.push(region);
      }
    }
  });
  observer.observe(document.body, { childList: true });
  return () => {
    observer.disconnect();
    for (const region of regions) region.disconnect();
  };
}
