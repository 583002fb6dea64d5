import { waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { RenderedForm } from "./renderer";

// jsdom has no matchMedia, which the renderer asks once about the screen (when it is imported:
// hence the import in show()).
window.matchMedia ??= ((media: string) => ({
  matches: false,
  media,
  onchange: null,
  addListener: () => {},
  removeListener: () => {},
  addEventListener: () => {},
  removeEventListener: () => {},
  dispatchEvent: () => false,
})) as typeof window.matchMedia;

const definition = {
  display: "form",
  components: [
    { type: "textfield", key: "code", label: "Codice pratica", input: true, validate: { pattern: "[A-Z]{3}[0-9]{2}" } },
    { type: "textfield", key: "iban", label: "IBAN", input: true, validate: { pattern: "IT[0-9]{2}", customMessage: "Scrivi l'IBAN con IT davanti" } },
    {
      type: "select",
      key: "days",
      label: "Giorni",
      input: true,
      multiple: true,
      widget: "choicesjs",
      dataSrc: "values",
      data: { values: [{ label: "Lunedì", value: "mon" }, { label: "Martedì", value: "tue" }] },
    },
    { type: "file", key: "report", label: "Denuncia", input: true, storage: "sportello", multiple: true, filePattern: "application/pdf,image/jpeg", fileMaxSize: "5MB" },
    { type: "textarea", key: "notes", label: "Note", input: true, showCharCount: true, validate: { maxLength: 20 } },
  ],
  i18n: {
    en: { "Codice pratica": "Case code", Giorni: "Days", "Lunedì": "Monday", "Martedì": "Tuesday", Denuncia: "Police report", Note: "Notes", "Scrivi l'IBAN con IT davanti": "Write the IBAN starting with IT" },
    de: { "Codice pratica": "Aktenzeichen", Giorni: "Tage", "Lunedì": "Montag", "Martedì": "Dienstag", Denuncia: "Anzeige", Note: "Anmerkungen", "Scrivi l'IBAN con IT davanti": "Schreiben Sie die IBAN mit IT am Anfang" },
  },
};

const data = {
  days: ["mon"],
  report: [{ name: "denuncia.pdf", originalName: "denuncia.pdf", size: 606, type: "application/pdf", storage: "sportello" }],
};

/** What a person reads or hears of the form: its text and its accessible names. */
function shown(element: HTMLElement): string {
  const labels = [...element.querySelectorAll("[aria-label]")].map((node) => node.getAttribute("aria-label"));
  return [element.textContent ?? "", ...labels].join("\n");
}

let rendered: RenderedForm | null = null;
afterEach(() => {
  rendered?.destroy();
  rendered = null;
});

async function show(language: string) {
  const element = document.createElement("div");
  document.body.append(element);
  const { renderForm } = await import("./renderer");
  rendered = await renderForm(element, { definition, data, readOnly: false, language, onChange: () => {} });
  await waitFor(() => expect(element.querySelector(".choices__button")).not.toBeNull());
  return element;
}

describe("a form in the citizen's language", () => {
  test("in German: the form's labels and options, Form.io's texts, no raw key", async () => {
    const element = await show("de");
    const text = shown(element);
    expect(text).toContain("Aktenzeichen");
    expect(text).toContain("Montag");
    expect(text).toContain("Ziehen Sie Dateien hierher oder");
    expect(text).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]+\b/);
    const remove = element.querySelector(".choices__button") as HTMLElement;
    expect(remove.textContent?.trim()).toBe("Entfernen");
    expect(remove.getAttribute("aria-label")).toBe("Montag entfernen");
  });

  test("in Italian: no English word of Form.io's or Choices.js's", async () => {
    const element = await show("it");
    const text = shown(element);
    for (const word of ["Remove", "remaining", "Row", "Bytes", "Browse", "Drop", "File Name", "Size"]) {
      expect(text).not.toContain(word);
    }
    expect((element.querySelector(".choices__button") as HTMLElement).getAttribute("aria-label")).toBe("Rimuovi Lunedì");
  });

  test.each([
    ["it", "606 byte", "PDF, JPEG"],
    ["en", "606 bytes", "PDF, JPEG"],
    ["de", "606 Byte", "PDF, JPEG"],
  ])("in %s a file's size reads %s and the allowed types %s", async (language, size, types) => {
    const element = await show(language);
    const file = element.querySelector(".formio-component-report") as HTMLElement;
    expect(file.textContent).toContain(size);
    expect(file.textContent).toContain(types);
    expect(file.textContent).not.toContain("application/pdf");
  });

  test("a field's format problem names the field in the language, never its regular expression", async () => {
    const element = await show("de");
    await userEvent.type(element.querySelector("input[name='data[code]']") as HTMLInputElement, "abc");
    await userEvent.type(element.querySelector("input[name='data[iban]']") as HTMLInputElement, "DE");
    await userEvent.tab();
    const code = element.querySelector(".formio-component-code") as HTMLElement;
    await waitFor(() => expect(code.textContent).toContain("„Aktenzeichen“ hat nicht das verlangte Format."));
    expect(element.textContent).not.toContain("[A-Z]{3}");
    const iban = element.querySelector(".formio-component-iban") as HTMLElement;
    await waitFor(() => expect(iban.textContent).toContain("Schreiben Sie die IBAN mit IT am Anfang"));
  });

  test("switching the language redraws the form in it", async () => {
    const element = await show("it");
    expect(shown(element)).toContain("Codice pratica");
    rendered?.setLanguage("en");
    await waitFor(() => expect(shown(element)).toContain("Case code"));
    expect(shown(element)).toContain("Remove Monday");
  });
});
