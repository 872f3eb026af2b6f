import path from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// One Vite build for the browser side. The GraphQL IDE is its own entry, so the storefront never loads its chunks.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: path.join(import.meta.dirname, "dist"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { graphiql: path.join(import.meta.dirname, "graphiql.html") },
      // GraphiQL's packages start with "use no memo" (a React Compiler hint); the bundler drops it, harmlessly.
      onLog(level, log, handler) {
        if (log.code === "MODULE_LEVEL_DIRECTIVE") return;
        handler(level, log);
      },
    },
  },
  server: {
    proxy: { "/graphql": "http://localhost:4000", "/media": "http://localhost:4000" },
  },
});
