/**
 * The form definition as the renderer gets it. Sportello owns submission and storage, so the
 * parts of a Form.io definition that would make the renderer talk to a Form.io server, fetch
 * from a CDN are taken out here, before rendering (scripts are switched off in the renderer
 * itself: see renderer.ts).
 */

/** Name of the storage provider file components are switched to (see uploads.ts). */
export const FILE_STORAGE = "sportello";

type Json = Record<string, unknown>;

/** The mask Form.io's phone number component has by default. */
const US_PHONE_MASK = "(999) 999-9999";

/** Keys that point the renderer at a Form.io server. */
const SERVER_KEYS = ["src", "url", "action", "project"];

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function minimumRows(component: Json): number {
  const validate = isObject(component.validate) ? component.validate : {};
  return Number(validate.minLength) || 0;
}

/**
 * Where a component's value sits in the data, as the server names it (`applicant.name`): the
 * prefix of the enclosing containers, or null inside a grid, whose rows hold no profile data.
 */
type DataPrefix = string | null;

/** The prefix of a component's children: containers nest their values, grids make rows. */
function childPrefix(component: Json, prefix: DataPrefix): DataPrefix {
  if (prefix === null || component.type === "datagrid" || component.type === "editgrid") return null;
  if (component.type === "container" && typeof component.key === "string") return `${prefix}${component.key}.`;
  return prefix;
}

function prepareComponent(component: Json, prefix: DataPrefix, locked: ReadonlySet<string>): Json | null {
  // Buttons submit to Form.io's endpoints or run actions: the page has its own buttons.
  if (component.type === "button") return null;
  const prepared: Json = { ...component };
  // What the identity provider asserted (the server keeps it whatever is sent) is shown, not asked.
  if (prefix !== null && component.input && locked.has(`${prefix}${String(component.key)}`)) prepared.disabled = true;
  if (prepared.type === "file") {
    prepared.storage = FILE_STORAGE;
    // The renderer hands the storage provider the component's `fileKey`, not its key: the
    // upload must name the component whose limits the server applies.
    prepared.fileKey = prepared.key;
  }
  // A data grid starts with one empty row in Form.io, which a citizen with nothing to list
  // cannot get rid of: it starts empty unless its definition says otherwise (initEmpty: false)
  // or needs rows (validate.minLength), which the renderer then shows.
  if (prepared.type === "datagrid" && prepared.initEmpty === undefined && !minimumRows(prepared)) prepared.initEmpty = true;
  // The server reads days as DD/MM/YYYY, and Italy writes them so: Form.io's default order is
  // the American month first.
  if (prepared.type === "day") prepared.dayFirst = true;
  // Form.io's phone field carries a US mask, "(999) 999-9999", that refuses Italian numbers:
  // without a mask of the form's own, the number is taken as written (+39 333 1234567).
  if (prepared.type === "phoneNumber" && (prepared.inputMask === undefined || prepared.inputMask === US_PHONE_MASK)) {
    prepared.inputMask = "";
  }
  // A calendar widget loads flatpickr from Form.io's CDN; a plain input does not.
  if (isObject(prepared.widget) && prepared.widget.type === "calendar") prepared.widget = { type: "input" };
  const inner = childPrefix(component, prefix);
  for (const key of ["components", "columns", "rows"]) {
    if (Array.isArray(prepared[key])) prepared[key] = prepareList(prepared[key] as unknown[], inner, locked);
  }
  return prepared;
}

function prepareList(items: unknown[], prefix: DataPrefix, locked: ReadonlySet<string>): unknown[] {
  return items.flatMap((item) => {
    // Columns and table rows nest arrays of cells that hold components in turn.
    if (Array.isArray(item)) return [prepareList(item, prefix, locked)];
    if (!isObject(item)) return [item];
    const prepared = prepareComponent(item, prefix, locked);
    return prepared ? [prepared] : [];
  });
}

/**
 * A copy of the definition the renderer may show without any server but Sportello's; the
 * `locked` data paths (the practice's `lockedFields`) are shown read-only.
 */
export function prepareDefinition(definition: Json, locked: readonly string[] = []): Json {
  const prepared: Json = { ...definition };
  for (const key of SERVER_KEYS) delete prepared[key];
  const components = Array.isArray(definition.components) ? definition.components : [];
  prepared.components = prepareList(components, "", new Set(locked));
  return prepared;
}
