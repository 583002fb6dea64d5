// Some of Form.io's dependencies still read Node's `global`; browsers only have `globalThis`.
// Imported before the renderer, so it is defined when they load.
(globalThis as { global?: unknown }).global ??= globalThis;
