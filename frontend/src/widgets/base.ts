import type { Endpoint } from "./api";
import { h } from "./dom";
import { supportedLanguage, translator, type Translate } from "./messages";

/**
 * What every widget shares: where it reads from (`api`, `tenant`), its language (`lang`, else
 * the host page's, else Italian), its heading level (`heading-level`), where it renders (light
 * DOM, or a shadow root with `shadow`), and a load-then-render cycle that ignores answers to
 * requests a newer render has superseded.
 */
export abstract class SportelloElement extends HTMLElement {
  static readonly shared = ["api", "tenant", "lang", "heading-level"];
  /** The origin of the widgets' script (set once by index.ts). */
  static defaultApi = "";

  private generation = 0;
  private scheduled = false;
  /** The element the widget draws into, inside the element or its shadow root. */
  protected view!: HTMLElement;

  connectedCallback(): void {
    this.schedule();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.schedule();
  }

  /** Attribute changes that arrive together cause one render. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.view = this.mount();
      void this.render();
    });
  }

  get endpoint(): Endpoint {
    const api = (this.getAttribute("api") || SportelloElement.defaultApi).replace(/\/$/, "");
    return { api, tenant: this.getAttribute("tenant") ?? "", language: this.language };
  }

  get language() {
    return supportedLanguage(this.getAttribute("lang") || document.documentElement.lang);
  }

  get t(): Translate {
    return translator(this.language);
  }

  get headingLevel(): number {
    return Number(this.getAttribute("heading-level")) || 2;
  }

  /** An address in the municipality's citizen area, e.g. `servizi/<slug>`. */
  citizenUrl(path: string): string {
    const { api, tenant } = this.endpoint;
    return `${api}/${encodeURIComponent(tenant)}/${path}`;
  }

  /** True while no newer render has started since `generation` was taken. */
  protected current(generation: number): boolean {
    return generation === this.generation;
  }

  protected nextGeneration(): number {
    return ++this.generation;
  }

  /**
   * A fresh container. Its `lang` is the widget's, which may differ from the page's. In shadow
   * mode the tenant's stylesheet is linked inside the shadow root.
   */
  private mount(): HTMLElement {
    const view = h("div", { class: "sportello-widget", lang: this.language });
    if (!this.hasAttribute("shadow")) {
      this.replaceChildren(view);
      return view;
    }
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    const { api, tenant } = this.endpoint;
    const link = h("link", {
      rel: "stylesheet",
      crossorigin: "anonymous",
      href: `${api}/${encodeURIComponent(tenant)}/theme.css`,
    });
    const hostRules = h("style");
    link.addEventListener("load", () => (hostRules.textContent = hostStyle(link.sheet)));
    root.replaceChildren(link, hostRules, view);
    return view;
  }

  /** Loads what the widget shows and draws it into `this.view`. */
  protected abstract render(): Promise<void>;

  /** Tells the host page what the user chose; false when the host cancelled the default action. */
  emitSelect(detail: object): boolean {
    return this.dispatchEvent(new CustomEvent("sportello:select", { detail, bubbles: true, composed: true, cancelable: true }));
  }
}

/**
 * Bootstrap Italia keeps its design tokens on `:root` and its typography on `body`, neither of
 * which exists inside a shadow root: the same declarations are given to `:host`. Reading the
 * rules needs the stylesheet fetched with CORS (the server allows any origin for it).
 */
export function hostStyle(sheet: CSSStyleSheet | null): string {
  let declarations = "";
  try {
    for (const rule of Array.from(sheet?.cssRules ?? [])) {
      if (rule instanceof CSSStyleRule && rule.selectorText === ":root") declarations += rule.style.cssText;
    }
  } catch {
    // Unreadable without CORS: the widget keeps the host page's inherited tokens.
  }
  // The host element matches `:focus` while something inside has it, and Bootstrap Italia's
  // page-wide focus ring would frame the whole widget besides the focused control.
  return (
    `:host{display:block;${declarations}font-family:var(--bs-body-font-family);` +
    "font-size:var(--bs-body-font-size);line-height:var(--bs-body-line-height);color:var(--bs-body-color)}" +
    ":host(:focus){box-shadow:none!important;outline:0!important}"
  );
}
