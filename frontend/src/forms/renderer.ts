/**
 * Form.io's renderer, configured for Sportello. This module is only reached through the dynamic
 * import in FormView, so the renderer (and its stylesheet) is a chunk of its own that only pages
 * showing a form download.
 */
import "./global-shim";
import "@formio/js/dist/formio.full.min.css";
import "./formio-italia.css";

import { Components, Form, Formio, Templates, Utils } from "@formio/js/form";

import { watchMarkup } from "./markupRepairs";
import { prepareDefinition } from "./definition";
import { rendererFile, submissionData, type UploadedFile } from "./files";
import { formioItalian } from "./formio-it";
import { formatValue, nativeInputType, toInputValue } from "./nativeDates";
import { componentPathCandidates, type FieldProblem } from "./problems";
import { checkboxHtml } from "./templates";

type Json = Record<string, unknown>;

/** The part of a Form.io component instance used here. */
interface ComponentInstance {
  id: string;
  path: string;
  component: Json & { label?: string };
  element?: HTMLElement;
  dataValue: unknown;
  serverErrors?: unknown[];
  setCustomValidity(messages: unknown, dirty?: boolean, external?: boolean): void;
}

/** The part of a Form.io Webform used here. */
interface Webform {
  ready: Promise<unknown>;
  data: Json;
  language: string;
  submission: { data: Json };
  getComponent(path: string): ComponentInstance | undefined;
  on(event: string, listener: (event: { data?: Json }) => void): void;
  destroy(all?: boolean): void;
}

/** The part of Form.io's text field component the native date field builds on. */
declare class FormioTextField {
  component: Json;
  options: { language?: string };
  get inputInfo(): { attr: Json };
  setValueAt(index: number, value: unknown, flags?: unknown): void;
}

/** Form.io's `datetime` component as a native date/time input (see nativeDates.ts). */
function nativeDateTimeClass(TextField: typeof FormioTextField) {
  return class NativeDateTime extends TextField {
    get inputInfo() {
      const info = super.inputInfo;
      info.attr.type = nativeInputType(this.component);
      return info;
    }
    setValueAt(index: number, value: unknown, flags?: unknown) {
      super.setValueAt(index, toInputValue(value, nativeInputType(this.component)), flags);
    }
    getValueAsString(value: unknown) {
      return formatValue(value, nativeInputType(this.component), this.options.language ?? "it");
    }
  };
}

function configureOnce() {
  // Forms with JavaScript stay switched off: no custom conditions, calculated values or
  // validations run in the citizen's browser (the server refuses such forms anyway).
  Utils.Evaluator.noeval = true;
  // Anything the renderer would still fetch from its CDN goes to Sportello's own origin
  // (and fails there) instead of leaving it.
  Formio.cdn.setBaseUrl(`${window.location.origin}/app/formio-cdn`);
  Templates.current = { checkbox: { html: checkboxHtml } };
  Components.setComponent("datetime", nativeDateTimeClass(Components.components.textfield as typeof FormioTextField));
}

let configured = false;

export interface RenderOptions {
  definition: Json;
  data: Json;
  readOnly: boolean;
  language: string;
  onChange(data: Json): void;
  upload?(file: File, componentKey: string): Promise<UploadedFile>;
}

/** A form on the page, and what the wrapper does with it. */
export interface RenderedForm {
  setLanguage(language: string): void;
  /** Shows each path's messages on its component; returns where the summary should link. */
  showProblems(byPath: Map<string, string[]>): FieldProblem[];
  destroy(): void;
}

/** The storage provider of file components: uploads through the page's `upload`. */
function fileService(upload: RenderOptions["upload"]) {
  return {
    async uploadFile(_storage: string, file: File, _name: string, _dir: string, _progress: unknown, _url: string, _options: unknown, fileKey: string) {
      if (!upload) throw new Error("upload not available");
      return rendererFile(await upload(file, fileKey));
    },
    // Links are signed and short-lived: the value carries one while it is fresh.
    async downloadFile(file: Json) {
      return file;
    },
    async deleteFile() {
      // Nothing to do: a file no longer referenced is not part of the submission.
    },
  };
}

export async function renderForm(element: HTMLElement, options: RenderOptions): Promise<RenderedForm> {
  if (!configured) {
    configureOnce();
    configured = true;
  }
  const wrapper = new Form(element, prepareDefinition(options.definition), {
    readOnly: options.readOnly,
    renderMode: options.readOnly ? "html" : "form",
    language: options.language,
    // Typed by Form.io as one language's messages; it takes messages per language.
    i18n: { it: formioItalian } as unknown as Record<string, string>,
    noAlerts: true,
    fileService: fileService(options.upload),
    sanitize: true,
  });
  const form = (await wrapper.ready) as Webform;
  form.submission = { data: options.data };
  await form.ready;
  // Server problems stay on their fields until the citizen changes that field: the renderer's
  // own validation, run on every change, would otherwise replace them.
  let shown: { component: ComponentInstance; errors: unknown[]; value: string }[] = [];
  const keepServerProblems = () => {
    shown = shown.filter((entry) => JSON.stringify(entry.component.dataValue) === entry.value);
    for (const { component, errors } of shown) component.setCustomValidity(errors, true, true);
  };
  form.on("change", (event) => {
    keepServerProblems();
    if (event.data) options.onChange(submissionData(event.data));
  });
  // Form.io announces changes after a pause, but it updates its data on every keystroke: passing
  // it on at once means a click on "Invia" right after typing sends what was typed.
  const flush = () => options.onChange(submissionData(form.data));
  element.addEventListener("input", flush);
  element.addEventListener("change", flush);
  const stopRepairing = watchMarkup(element);
  return {
    setLanguage(language) {
      form.language = language;
    },
    showProblems(byPath) {
      shown = [];
      return [...byPath].map(([path, messages]) => {
        const component = componentPathCandidates(path)
          .map((candidate) => form.getComponent(candidate))
          .find(Boolean);
        if (component) {
          const errors = messages.map((message) => ({ message, level: "error", fromServer: true, component: component.component }));
          component.serverErrors = errors;
          component.setCustomValidity(errors, true, true);
          shown.push({ component, errors, value: JSON.stringify(component.dataValue) });
        }
        return {
          path,
          label: String(component?.component.label ?? path),
          elementId: component?.element?.id ?? null,
          messages,
        };
      });
    },
    destroy() {
      element.removeEventListener("input", flush);
      element.removeEventListener("change", flush);
      stopRepairing();
      form.destroy(true);
    },
  };
}

