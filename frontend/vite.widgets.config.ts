import { defineConfig, type Plugin } from "vite";

import { operationName } from "./src/widgets/documents";

/**
 * The generated hash → document file holds every operation of the frontend; the widgets need
 * only theirs (named `Widget…`). Filtering it at build time keeps the others out of the script.
 */
function widgetDocumentsOnly(): Plugin {
  return {
    name: "sportello-widget-documents",
    enforce: "pre",
    transform(code, id) {
      if (!id.endsWith("/gql/persisted-documents.json")) return null;
      const documents = JSON.parse(code) as Record<string, string>;
      const kept = Object.entries(documents).filter(([, query]) => operationName(query)?.startsWith("Widget"));
      return { code: JSON.stringify(Object.fromEntries(kept)), map: null };
    },
  };
}

/** The embeddable widgets: one self-contained script, no React, no Form.io, no design-kit JS. */
export default defineConfig({
  plugins: [widgetDocumentsOnly()],
  build: {
    outDir: "dist/widgets",
    emptyOutDir: true,
    sourcemap: false,
    target: "es2020",
    lib: {
      entry: "src/widgets/index.ts",
      name: "SportelloWidgets",
      formats: ["iife"],
      fileName: () => "sportello-widgets.js",
    },
  },
});
