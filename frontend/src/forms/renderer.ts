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
import type { DownloadableFile } from "../shared/files/download";
import { rendererFile, submissionData, type UploadedFile } from "./files";
import { rendererTranslations } from "./formio-i18n";
import {
  localizedFileClass,
  localizedFileTemplate,
  localizedHtmlClass,
  localizeLimitAnnouncements,
  localizedSelectClass,
} from "./localizedComponents";
import { formatValue, nativeInputType, toInputValue } from "./nativeDates";
import { componentPathCandidates, type FieldProblem } from "./problems";
import { translateSpeech } from "./speech";
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
  t(text: string, params?: Json): string;
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
  const fileForm = Templates.current.file.form;
  Templates.current = { checkbox: { html: checkboxHtml }, file: { form: localizedFileTemplate(fileForm) } };
  Components.setComponent("datetime", nativeDateTimeClass(Components.components.textfield as typeof FormioTextField));
  // Texts Form.io writes in English whatever the language (see localizedComponents.ts).
  const { select, file, htmlelement, input } = Components.components;
  Components.setComponent("select", localizedSelectClass(select));
  Components.setComponent("file", localizedFileClass(file));
  Components.setComponent("htmlelement", localizedHtmlClass(htmlelement));
  localizeLimitAnnouncements(input);
}

let configured = false;

export interface RenderOptions {
  definition: Json;
  data: Json;
  readOnly: boolean;
  /** Data paths shown read-only: what the applicant's identity provider asserted. */
  locked?: readonly string[];
  language: string;
  onChange(data: Json): void;
  upload?(file: File, componentKey: string): Promise<UploadedFile>;
  /** Downloads a file under a fresh link, saying why when it cannot; without, the file's own link opens. */
  download?(file: DownloadableFile): Promise<void>;
}

/** A form on the page, and what the wrapper does with it. */
export interface RenderedForm {
  setLanguage(language: string): void;
  /** Shows each path's messages on its component; returns where the summary should link. */
  showProblems(byPath: Map<string, string[]>): FieldProblem[];
  destroy(): void;
}

/** The storage provider of file components: uploads through the page's `upload`, opens through its `download`. */
function fileService(upload: RenderOptions["upload"], download: RenderOptions["download"], uploaded: () => void) {
  return {
    async uploadFile(_storage: string, file: File, _name: string, _dir: string, _progress: unknown, _url: string, _options: unknown, fileKey: string) {
      if (!upload) throw new Error("upload not available");
      const result = rendererFile(await upload(file, fileKey));
      // Form.io puts the file in its data once this resolves, and says so only after a pause:
      // the page gets the data with the file as soon as it is there (a task later).
      setTimeout(uploaded, 0);
      return result;
    },
    // Links are signed and short-lived: the page signs a fresh one and downloads (Form.io is
    // given nothing to open); without the page's download, the value's own link opens.
    async downloadFile(file: Json) {
      if (!download || typeof file.fileId !== "string") return file;
      await download({ id: file.fileId, name: String(file.originalName ?? file.name ?? "file") });
      return null;
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
  let afterUpload = () => {};
  const wrapper = new Form(element, prepareDefinition(options.definition, options.locked), {
    readOnly: options.readOnly,
    renderMode: options.readOnly ? "html" : "form",
    language: options.language,
    // Typed by Form.io as one language's messages; it takes messages per language: Sportello's
    // dictionaries with the form's own translations of its labels on top.
    i18n: rendererTranslations(options.definition) as unknown as Record<string, string>,
    noAlerts: true,
    fileService: fileService(options.upload, options.download, () => afterUpload()),
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
  afterUpload = flush;
  element.addEventListener("input", flush);
  element.addEventListener("change", flush);
  const stopRepairing = watchMarkup(element);
  const stopTranslatingSpeech = translateSpeech((text) => form.t(text));
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
          label: component?.component.label ? form.t(String(component.component.label), { _userInput: true }) : path,
          elementId: component?.element?.id ?? null,
          messages,
        };
      });
    },
    destroy() {
      element.removeEventListener("input", flush);
      element.removeEventListener("change", flush);
      stopRepairing();
      stopTranslatingSpeech();
      form.destroy(true);
    },
  };
}

