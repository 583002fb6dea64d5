import { limitAnnouncement } from "./announcements";
import { DICTIONARIES } from "./formio-i18n";

/** Form.io's interpolation of {{placeholders}}, on Sportello's dictionary of `language`. */
function translator(language: "it" | "en" | "de") {
  return (key: string, params: Record<string, unknown> = {}) =>
    (DICTIONARIES[language][key] ?? key).replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(params[name]));
}

const limited = { validate: { maxLength: 16, minLength: 16 } };

describe("what a screen reader hears while typing in a field with limits", () => {
  test("the characters left, in the form's language and with the right plural", () => {
    expect(limitAnnouncement(translator("it"), "it", limited, "RSSMRA80A01H50")).toBe("Ancora 2 caratteri. Aggiungi ancora 2 caratteri.");
    expect(limitAnnouncement(translator("de"), "de", { validate: { maxLength: 16 } }, "RSSMRA80A01H501")).toBe("Noch 1 Zeichen.");
    expect(limitAnnouncement(translator("en"), "en", { validate: { maxLength: 16 } }, "RSSMRA80A01H501")).toBe("1 character left.");
  });

  test("an empty field says its bounds, a full one that the limit is reached", () => {
    expect(limitAnnouncement(translator("de"), "de", limited, "")).toBe("Höchstens 16 Zeichen. Mindestens 16 Zeichen.");
    expect(limitAnnouncement(translator("it"), "it", { validate: { maxLength: 3 } }, "abc")).toBe("Lunghezza massima raggiunta.");
    expect(limitAnnouncement(translator("it"), "it", { validate: { maxWords: 2 } }, "una due tre")).toBe("1 parola di troppo.");
  });

  test("numbers say their bounds", () => {
    expect(limitAnnouncement(translator("de"), "de", { validate: { min: 1, max: 10 } }, 12)).toBe("Die Zahl darf nicht größer als 10 sein.");
    expect(limitAnnouncement(translator("it"), "it", { validate: { min: 1 } }, null)).toBe("Valore minimo 1.");
  });
});
