import { cleanup } from "@testing-library/react";

// jsdom has no CSS.escape, which user-event uses to find the other radios of a group for the arrow keys.
globalThis.CSS ??= { escape: (value: string) => value.replace(/([^\w-])/g, "\\$1") } as typeof CSS;

// Test files share one jsdom (vite.config.ts: isolate off, for speed): each test leaves it empty.
afterEach(() => {
  cleanup();
  document.body.innerHTML = "";
  window.localStorage.clear();
  // createI18n writes the language on <html>, where the widgets read theirs: a German test must
  // not make the next file's widget German.
  document.documentElement.removeAttribute("lang");
  vi.useRealTimers();
});
