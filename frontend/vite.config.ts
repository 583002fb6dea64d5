/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The citizen area (index.html) and the operators' app (operator/index.html), served by
 * `sportello serve` under /{tenant}/ and /{tenant}/operator/ with their assets under /app/.
 * The widgets are a separate, small script: vite.widgets.config.ts.
 */
export default defineConfig({
  base: "/app/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      input: { citizen: "index.html", operator: "operator/index.html" },
    },
  },
  server: {
    proxy: { "^/[^/]+/(graphql|files|theme\\.css)": "http://127.0.0.1:8000" },
  },
  test: {
    environment: "jsdom",
    globals: true,
    include: ["src/**/*.test.{ts,tsx}"],
    // One jsdom for all files (src/test-setup.ts empties it after each test): 7 s instead of 50.
    isolate: false,
    setupFiles: ["src/test-setup.ts"],
  },
});
