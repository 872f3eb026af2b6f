import path from "node:path";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

/**
 * The storefront's first script (main.tsx) is small: it sends the page's first query, then imports the shop's
 * code (app/start.tsx). index.html asks for that code at once with <link rel="modulepreload">, so it downloads
 * alongside the first script instead of after it.
 */
function preloadTheShop(): Plugin {
  return {
    name: "shopwright:preload-the-shop",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).filter((c) => c.type === "chunk");
        const start = chunks.find((c) => c.moduleIds.some((id) => id.endsWith("/src/app/start.tsx")));
        if (!start) return [];
        const files = new Set<string>();
        const add = (file: string) => {
          const chunk = chunks.find((c) => c.fileName === file);
          if (!chunk || chunk.isEntry || files.has(file) || html.includes(`/${file}"`)) return;
          files.add(file);
          chunk.imports.forEach(add);
        };
        add(start.fileName);
        return [...files].map((file) => ({
          tag: "link",
          attrs: { rel: "modulepreload", crossorigin: "", href: `/${file}` },
          injectTo: "head" as const,
        }));
      },
    },
  };
}

/**
 * Everything the shop's code (app/start.tsx) imports statically goes in one chunk, "shop", rather than in a
 * chunk of what it shares with the pages loaded later (the same bytes, compressed better as one file). What
 * the first script (main.tsx) imports goes in "boot": left alone, the bundler would put the modules it shares
 * with the shop (the preload helper, the page size) in "shop", and the first script would wait for it.
 */
function shopChunk() {
  let boot: Set<string> | undefined;
  let shop: Set<string> | undefined;
  type Info = { importedIds: readonly string[] } | null;
  return (id: string, { getModuleInfo }: { getModuleInfo: (id: string) => Info }) => {
    if (!shop) {
      const reach = (from: string, skip: Set<string> = new Set()) => {
        const found = new Set<string>();
        const walk = (m: string) => {
          if (found.has(m) || skip.has(m)) return;
          found.add(m);
          getModuleInfo(m)?.importedIds.forEach(walk);
        };
        walk(path.join(import.meta.dirname, "src", from));
        return found;
      };
      boot = reach("main.tsx");
      shop = reach(path.join("app", "start.tsx"), boot);
    }
    return boot!.has(id) ? "boot" : shop.has(id) ? "shop" : undefined;
  };
}

// Two builds into one folder: the storefront (index.html), then the GraphQL IDE (`--mode ide`, graphiql.html).
// Built apart, they share no chunks, so shoppers never download any of the IDE's code.
export default defineConfig(({ mode }) => {
  const ide = mode === "ide";
  return {
    root: import.meta.dirname,
    plugins: [react(), preloadTheShop()],
    build: {
      outDir: path.join(import.meta.dirname, "dist"),
      emptyOutDir: !ide,
      chunkSizeWarningLimit: 4000,
      // Browsers without <link rel="modulepreload"> load the shop all the same, a little later; no polyfill.
      modulePreload: { polyfill: false },
      rollupOptions: {
        output: ide ? {} : { manualChunks: shopChunk() },
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
