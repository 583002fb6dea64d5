import { FILE_STORAGE, prepareDefinition } from "./definition";

describe("the definition the renderer gets", () => {
  const definition = {
    display: "form",
    src: "https://example.form.io/form",
    action: "https://example.form.io/submission",
    components: [
      { type: "textfield", key: "name" },
      {
        type: "columns",
        key: "columns",
        columns: [{ components: [{ type: "file", key: "report", storage: "url", url: "https://upload.example" }] }],
      },
      { type: "table", key: "table", rows: [[{ components: [{ type: "textfield", key: "when", widget: { type: "calendar" } }] }]] },
      { type: "button", key: "submit", action: "submit" },
    ],
  };

  test("nothing points at a Form.io server, and the form has no buttons of its own", () => {
    const prepared = prepareDefinition(definition);
    expect(prepared.src).toBeUndefined();
    expect(prepared.action).toBeUndefined();
    expect(JSON.stringify(prepared)).not.toContain('"button"');
  });

  test("file components store through Sportello, naming their component", () => {
    const prepared = prepareDefinition(definition) as { components: { columns?: { components: object[] }[] }[] };
    expect(prepared.components[1].columns?.[0].components[0]).toMatchObject({
      key: "report",
      storage: FILE_STORAGE,
      fileKey: "report",
    });
  });

  test("calendar widgets, which load flatpickr from a CDN, become plain inputs; the original is untouched", () => {
    const prepared = JSON.stringify(prepareDefinition(definition));
    expect(prepared).not.toContain('"calendar"');
    expect(JSON.stringify(definition)).toContain('"calendar"');
  });

  test("a data grid starts empty unless its definition needs rows or asks for a first row", () => {
    const grid = (extra: object) => ({ type: "datagrid", key: "members", components: [{ type: "textfield", key: "name" }], ...extra });
    const prepared = prepareDefinition({
      components: [grid({}), grid({ validate: { minLength: 0 } }), grid({ validate: { minLength: 2 } }), grid({ initEmpty: false })],
    }) as { components: { initEmpty?: boolean }[] };
    expect(prepared.components.map((component) => component.initEmpty)).toEqual([true, true, undefined, false]);
  });

  test("days are asked day first and phone numbers without Form.io's American mask", () => {
    const prepared = prepareDefinition({
      components: [
        { type: "day", key: "birthDate" },
        { type: "phoneNumber", key: "phone" },
        { type: "phoneNumber", key: "office", inputMask: "(999) 999-9999" },
        { type: "phoneNumber", key: "own", inputMask: "+39 999 9999999" },
      ],
    }) as { components: { dayFirst?: boolean; inputMask?: string }[] };
    expect(prepared.components[0].dayFirst).toBe(true);
    expect(prepared.components.slice(1).map((component) => component.inputMask)).toEqual(["", "", "+39 999 9999999"]);
  });

  test("the locked data paths are shown read-only, inside containers too but never in grids", () => {
    const prepared = prepareDefinition(
      {
        components: [
          { type: "panel", key: "who", components: [{ type: "textfield", key: "name", input: true }] },
          { type: "container", key: "applicant", input: true, components: [{ type: "textfield", key: "fiscalCode", input: true }] },
          { type: "datagrid", key: "members", input: true, components: [{ type: "textfield", key: "name", input: true }] },
          { type: "textfield", key: "email", input: true },
        ],
      },
      ["name", "applicant.fiscalCode"],
    );
    const flags = JSON.stringify(prepared).match(/"key":"\w+"[^{}]*?"disabled":true/g) ?? [];
    expect(flags.map((flag) => flag.slice(7, flag.indexOf('"', 7)))).toEqual(["name", "fiscalCode"]);
  });
});
