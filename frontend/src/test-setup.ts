// jsdom has no CSS.escape, which user-event uses to find the other radios of a group for the arrow keys.
globalThis.CSS ??= { escape: (value: string) => value.replace(/([^\w-])/g, "\\$1") } as typeof CSS;
