/**
 * The parts of Form.io's components that speak English whatever the language, put in the form's
 * language: the select's Choices.js texts ("Remove item"), the file component's sizes, types and
 * messages, and the count a screen reader hears while typing in a field with limits. Registered
 * by renderer.ts, like the native date field.
 */
import { limitAnnouncement } from "./announcements";
import { formatFileSize, parseFileSize, readableFileTypes } from "./fileText";

type Json = Record<string, unknown>;
type Params = Record<string, unknown>;

/** What every Form.io component offers that is used here. */
declare class FormioComponent {
  component: Json;
  options: { language?: string };
  i18next?: { language?: string };
  refs: Record<string, unknown>;
  dataValue: unknown;
  t(text: string, params?: Params, ...args: unknown[]): string;
}

/** Form.io's select component, which builds Choices.js's options in `choicesOptions()`. */
declare class FormioSelect extends FormioComponent {
  choicesOptions(): Json;
  getOptionsValues(): unknown[] | undefined;
  setItems(items: unknown[]): void;
  render(): unknown;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, "");
}

/** The language the component speaks now (the form's, which may change while it is shown). */
function languageOf(component: FormioComponent): string {
  return component.i18next?.language ?? component.options.language ?? "it";
}

/** Select with Choices.js's own texts ("Remove item", "Loading...") in the form's language. */
export function localizedSelectClass(Select: typeof FormioSelect) {
  return class LocalizedSelect extends Select {
    choicesOptions(): Json {
      const options = super.choicesOptions();
      const custom = typeof this.component.customOptions === "object" && this.component.customOptions ? this.component.customOptions : {};
      // Choices.js puts these in its markup as HTML: what they return is escaped here.
      const texts: Json = {
        loadingText: escapeHtml(this.t("loading")),
        removeItemIconText: () => escapeHtml(this.t("removeItem")),
        removeItemLabelText: (value: string, _raw: unknown, item?: { label?: unknown }) =>
          escapeHtml(this.t("removeItemLabel", { label: item?.label ? plainText(String(item.label)) : value })),
        maxItemText: (count: number) => escapeHtml(this.t("maxItems", { count })),
        uniqueItemText: escapeHtml(this.t("uniqueItem")),
      };
      // A definition's own customOptions still win, as they do over Form.io's.
      return { ...options, ...texts, ...custom };
    }

    /** Options written in the definition (values, JSON) are labelled anew in a new language:
     * Form.io keeps those it labelled first, and the chosen ones would stay in that language. */
    render(): unknown {
      const language = languageOf(this);
      const values = this.getOptionsValues();
      if (this.labelledIn && this.labelledIn !== language && Array.isArray(values)) this.setItems(values);
      this.labelledIn = language;
      return super.render();
    }

    labelledIn?: string;
  };
}

/**
 * File component whose messages give sizes as the language writes them and types by name
 * ("PDF, JPEG"), not as the definition's settings ("5MB", "application/pdf,image/jpeg").
 */
export function localizedFileClass(File: typeof FormioComponent) {
  return class LocalizedFile extends File {
    t(text: string, params: Params = {}, ...args: unknown[]): string {
      let shown = params;
      if (text === "wrongFileType" && typeof params.pattern === "string") {
        shown = { ...params, pattern: readableFileTypes(params.pattern, (key) => super.t(key)) };
      } else if ((text === "fileTooBig" || text === "fileTooSmall") && typeof params.size === "string") {
        const bytes = parseFileSize(params.size);
        if (bytes !== null) shown = { ...params, size: formatFileSize(bytes, languageOf(this)) };
      }
      return super.t(text, shown, ...args);
    }
  };
}

/** Form.io's HTML element, whose content Form.io shows without looking it up in the translations. */
declare class FormioHtml extends FormioComponent {
  get content(): string;
}

/** HTML element whose content is translated like a label: the definition's `i18n` has it by its text. */
export function localizedHtmlClass(Html: typeof FormioHtml) {
  return class LocalizedHtml extends Html {
    get content(): string {
      const original = this.component.content;
      if (typeof original !== "string" || !original) return super.content;
      const translated = this.t(original, { _userInput: true });
      if (translated === original) return super.content;
      // Form.io reads the content from the component: it reads the translation for this once.
      this.component.content = translated;
      try {
        return super.content;
      } finally {
        this.component.content = original;
      }
    }
  };
}

interface FileTemplateContext {
  component: Json & { filePattern?: unknown };
  self: FormioComponent;
  fileSize(size: number): string;
  t(key: string): string;
}

/** Bootstrap's `file` template, shown sizes and allowed types written for people. */
export function localizedFileTemplate(original: (ctx: FileTemplateContext) => string) {
  return (ctx: FileTemplateContext): string => {
    const pattern = typeof ctx.component.filePattern === "string" ? ctx.component.filePattern.trim() : "";
    const readable = pattern && pattern !== "*" ? readableFileTypes(pattern, ctx.t) : pattern;
    return original({
      ...ctx,
      component: { ...ctx.component, filePattern: readable },
      fileSize: (size: number) => formatFileSize(size, languageOf(ctx.self)),
    });
  };
}

/** The part of Form.io's Input (base of text, number, email… fields) patched below. */
interface InputPrototype {
  attach(this: InputInstance, element: HTMLElement): unknown;
  updateValueAt(this: InputInstance, value: unknown, flags: { modified?: boolean } | undefined, index: number): void;
  attachElement(this: InputInstance, element: HTMLElement, index: number): void;
}

interface InputInstance extends FormioComponent {
  /** The live regions Form.io would fill with English sentences, taken over here. */
  limitRegions?: HTMLElement[];
  limitTimer?: ReturnType<typeof setTimeout>;
}

function announce(input: InputInstance, value: unknown, index: number, delay: number) {
  const region = input.limitRegions?.[index];
  if (!region) return;
  const text = limitAnnouncement((key, params) => input.t(key, params), languageOf(input), input.component, value);
  clearTimeout(input.limitTimer);
  // Emptied first, so a screen reader reads the same sentence again.
  input.limitTimer = setTimeout(() => {
    region.textContent = "";
    setTimeout(() => (region.textContent = text), 50);
  }, delay);
}

/**
 * Form.io's fields announce their limits through a live region with sentences built in English
 * ("8 characters remaining."): the region is taken from Form.io (which then stays silent) and
 * filled with the sentence in the form's language.
 */
export function localizeLimitAnnouncements(Input: { prototype: InputPrototype }): void {
  const { attach, updateValueAt, attachElement } = Input.prototype;
  Input.prototype.attach = function (element) {
    const result = attach.call(this, element);
    const regions = this.refs.announceMessage;
    this.limitRegions = Array.isArray(regions) ? (regions as HTMLElement[]) : [];
    this.refs.announceMessage = [];
    return result;
  };
  Input.prototype.updateValueAt = function (value, flags, index) {
    updateValueAt.call(this, value, flags, index);
    if (flags?.modified) announce(this, value, index ?? 0, 500);
  };
  Input.prototype.attachElement = function (element, index) {
    attachElement.call(this, element, index);
    element.addEventListener("focus", () => announce(this, this.dataValue, 0, 150));
  };
}
