import path from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Two builds into one folder: the storefront (index.html), then the GraphQL IDE (`--mode ide`, graphiql.html).
// Built apart, they share no chunks, so shoppers never download any of the IDE's code.
export default defineConfig(({ mode }) => {
  const ide = mode === "ide";
  return {
    root: import.meta.dirname,
    plugins: [react()],
    build: {
      outDir: path.join(import.meta.dirname, "dist"),
      emptyOutDir: !ide,
      chunkSizeWarningLimit: 4000,
      rollupOptions: {
        input: ide
          ? { graphiql: path.join(import.meta.dirname, "graphiql.html") }
          : { index: path.join(import.meta.dirname, "index.html") },
        // GraphiQL's packages start with "use no memo" (a React Compiler hint); the bundler drops it, harmlessly.
        onLog(level, log, handler) {
          if (log.code === "MODULE_LEVEL_DIRECTIVE") return;
          handler(level, log);
        },
      },
    },
    server: {
      proxy: { "/graphql": "http://localhost:4000", "/media": "http://localhost:4000", "/healthz": "http://localhost:4000" },
    },
  };
});
