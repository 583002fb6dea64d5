import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import formioEnglishDefaults from "@formio/js/lib/cjs/translations/en";

import { definitionTranslations, DICTIONARIES, rendererTranslations } from "./formio-i18n";
import { SPOKEN } from "./speech";

const formioEnglish = formioEnglishDefaults as Record<string, string>;
const NODE_MODULES = join(dirname(fileURLToPath(import.meta.url)), "../../node_modules");
const packageDir = (name: string) => join(NODE_MODULES, name);

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scripts(path);
    return path.endsWith(".js") ? [path] : [];
  });
}

/**
 * Every text the renderer may look up: the keys of Form.io's English messages, what its code
 * and its Bootstrap templates pass to t() as a literal (`t('Row has been deleted')`, or the
 * fallback in `t(component.removeRow || 'cancel')`), and the message keys of @formio/core's
 * validation rules. Scanned from the installed packages, so an upgrade's new text fails here.
 */
function scannedKeys(): Set<string> {
  const keys = new Set(Object.keys(formioEnglish));
  const literal = /\bt\(\s*(?:[\w.]+\s*\|\|\s*)?(['"`])((?:(?!\1)[^\\$])+)\1/g;
  for (const dir of [join(packageDir("@formio/js"), "lib/cjs"), join(packageDir("@formio/bootstrap"), "lib/cjs")]) {
    for (const file of scripts(dir)) {
      // Bootstrap 3 and 4 templates are not used: Form.io renders with Bootstrap 5's.
      if (/bootstrap[34]/.test(file)) continue;
      for (const match of readFileSync(file, "utf8").matchAll(literal)) keys.add(match[2]);
    }
  }
  const fieldError = /FieldError\(\s*(['"])([^'"]+)\1/g;
  for (const file of scripts(join(packageDir("@formio/core"), "lib"))) {
    for (const match of readFileSync(file, "utf8").matchAll(fieldError)) keys.add(match[2]);
  }
  for (const text of SPOKEN) keys.add(text);
  return keys;
}

const SCANNED = scannedKeys();
const ENGLISH: Record<string, string> = { ...formioEnglish, ...DICTIONARIES.en };
/** What a key says in English: Form.io's message or Sportello's, or the literal text itself. */
const english = (key: string) => ENGLISH[key] ?? key;

/**
 * Texts written the same in English and in the language: words both share, codes, and texts
 * made of placeholders only. Anything else equal to its English source is an untranslated text.
 */
const SAME_AS_ENGLISH: Record<"it" | "de", string[]> = {
  it: ["no", "stripe", "typeCount", "anyVideo"],
  de: ["stripe", "typeCount", "april", "august", "september", "november"],
};

const placeholders = (text: string) =>
  (text.match(/{{\s*\w+\s*}}/g) ?? [])
    .map((placeholder) => placeholder.replace(/\s/g, ""))
    .sort()
    .join();

describe("the renderer's messages in Italian, English and German", () => {
  test("the scan finds Form.io's keys and the texts it passes to t() as they are", () => {
    expect(SCANNED.size).toBeGreaterThan(230);
    for (const text of ["Row has been deleted", "Remove row", "numeric only", "Yes, delete it", "Do you want to clear changes?"]) {
      expect(SCANNED).toContain(text);
    }
  });

  test.each(["it", "de"] as const)("every text the renderer may show has a message in %s", (language) => {
    const missing = [...SCANNED].filter((key) => !DICTIONARIES[language][key]);
    expect(missing).toEqual([]);
  });

  test("every text the renderer may show has an English message (Form.io's or Sportello's)", () => {
    const missing = [...SCANNED].filter((key) => !ENGLISH[key]);
    expect(missing).toEqual([]);
  });

  test("Sportello's own texts exist in all three languages", () => {
    const own = Object.keys(DICTIONARIES.en).filter((key) => !(key in formioEnglish));
    expect(own.filter((key) => !DICTIONARIES.it[key] || !DICTIONARIES.de[key])).toEqual([]);
    const itKeys = Object.keys(DICTIONARIES.it).sort();
    expect(Object.keys(DICTIONARIES.de).sort()).toEqual(itKeys);
  });

  test.each(["it", "de"] as const)("no %s message is its English source left untranslated", (language) => {
    const same = Object.keys(DICTIONARIES[language]).filter(
      (key) => DICTIONARIES[language][key] === english(key) && !SAME_AS_ENGLISH[language].includes(key),
    );
    expect(same).toEqual([]);
  });

  test.each(["it", "en", "de"] as const)("%s messages keep the placeholders of the English ones", (language) => {
    const messages = rendererTranslations({})[language];
    const changed = Object.keys(messages).filter((key) => placeholders(english(key)) !== placeholders(messages[key]));
    expect(changed).toEqual([]);
  });

  test.each(["it", "en", "de"] as const)("no %s message shows a regular expression or a raw file pattern placeholder", (language) => {
    const messages = { ...(language === "en" ? formioEnglish : {}), ...rendererTranslations({})[language] };
    for (const key of ["pattern", "invalid_regex"]) {
      expect(messages[key]).not.toMatch(/{{\s*(pattern|regex|setting)\s*}}/);
      expect(messages[key]).toMatch(/{{\s*field\s*}}/);
    }
  });

  test("the pattern messages say what the server says", () => {
    expect(DICTIONARIES.it.pattern).toBe("«{{field}}» non ha il formato richiesto.");
    expect(DICTIONARIES.en.pattern).toBe("“{{field}}” does not have the required format.");
    expect(DICTIONARIES.de.pattern).toBe("„{{field}}“ hat nicht das verlangte Format.");
  });
});

describe("a form's own translations", () => {
  const definition = {
    components: [],
    i18n: { en: { Nome: "Given name", Vuoto: "" }, de: { Nome: "Vorname" }, fr: { Nome: "Prénom" } },
  };

  test("lie over the renderer's messages in their language", () => {
    const translations = rendererTranslations(definition);
    expect(translations.en.Nome).toBe("Given name");
    expect(translations.de.Nome).toBe("Vorname");
    expect(translations.de.required).toBe(DICTIONARIES.de.required);
    expect(translations.it.Nome).toBeUndefined();
  });

  test("leave out empty texts and languages the forms do not speak", () => {
    expect(definitionTranslations(definition, "en")).toEqual({ Nome: "Given name" });
    expect(Object.keys(rendererTranslations(definition))).toEqual(["it", "en", "de"]);
  });
});
