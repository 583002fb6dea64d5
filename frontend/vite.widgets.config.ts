import { defineConfig } from "vite";

/** The embeddable widgets: one self-contained script, no React, no Form.io, no design-kit JS. */
export default defineConfig({
  build: {
    outDir: "dist/widgets",
    emptyOutDir: true,
    sourcemap: false,
    lib: {
      entry: "src/widgets/index.ts",
      name: "SportelloWidgets",
      formats: ["iife"],
      fileName: () => "sportello-widgets.js",
    },
  },
});
