import formioEnglish from "@formio/js/lib/cjs/translations/en";

import { formioItalian } from "./formio-it";

describe("Italian messages of the Form.io renderer", () => {
  // Form.io's English set includes its Bootstrap templates' messages.
  test("every message the renderer has in English has an Italian one", () => {
    const english = formioEnglish as Record<string, string>;
    const missing = Object.keys(english).filter((key) => !formioItalian[key]);
    expect(missing).toEqual([]);
  });

  test("placeholders are kept, so the field names and limits still show", () => {
    const english = formioEnglish as Record<string, string>;
    const placeholders = (text: string) => (text.match(/{{\s*\w+\s*}}/g) ?? []).map((p) => p.replace(/\s/g, "")).sort();
    const changed = Object.keys(english).filter(
      (key) => placeholders(english[key]).join() !== placeholders(formioItalian[key] ?? "").join(),
    );
    expect(changed).toEqual([]);
  });

  test("the validation messages read as Italian", () => {
    expect(formioItalian.required).toBe("{{field}} è obbligatorio");
    expect(formioItalian.invalid_email).toBe("{{field}} deve essere un indirizzo e-mail valido.");
  });
});
