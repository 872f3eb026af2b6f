// Architecture rules, checked by `npm run lint` (dependency-cruiser). Paths are regular expressions on paths
// relative to the repository root.
//
// server/ has "plumbing" folders (db, graphql, http, lib), scripts, the composition root (app.ts, main.ts, modules.ts)
// and feature folders: every other folder under server/ (accounts, cart, catalog, orders, ...).
// A feature's public files are its *.service.ts, *.entity.ts, *.types.ts, *.type.ts, *.inputs.ts, *.args.ts
// and *.port.ts; everything else in it (resolvers, helpers, routes, loaders) is private to that feature.

const PLUMBING = "^server/(db|graphql|http|lib)/";
const NOT_FEATURE = "^server/(db|graphql|http|lib|scripts)/";
const FEATURE = "^server/[^/]+/";
const FEATURE_PUBLIC_FILE = "\\.(service|entity|types|type|inputs|args|port)\\.ts$";
const COMPOSITION_ROOT = "^server/(app|main|modules)\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular-at-runtime",
      severity: "error",
      comment:
        "Circular dependency. Cycles that go through at least one type-only import (`import type`) are erased by the compiler and allowed; " +
        "a cycle made only of value imports is not.",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "plumbing-not-to-features",
      severity: "error",
      comment: "server/db, server/graphql, server/http and server/lib are plumbing: they must not depend on any feature folder.",
      from: { path: PLUMBING },
      to: { path: FEATURE, pathNot: NOT_FEATURE },
    },
    {
      name: "feature-via-public-files-only",
      severity: "error",
      comment:
        "A feature may use another feature only through that feature's public files " +
        "(*.service.ts, *.entity.ts, *.types.ts, *.type.ts, *.inputs.ts, *.args.ts, *.port.ts).",
      from: { path: "^server/([^/]+)/", pathNot: NOT_FEATURE },
      to: { path: FEATURE, pathNot: ["^server/$1/", NOT_FEATURE, FEATURE_PUBLIC_FILE] },
    },
    {
      name: "service-other-entity-type-only",
      severity: "error",
      comment:
        "A service never queries another feature's tables: its import of another feature's *.entity.ts must be `import type`. " +
        "Call that feature's service instead.",
      from: { path: "^server/([^/]+)/.*\\.service\\.ts$", pathNot: NOT_FEATURE },
      to: { path: "^server/[^/]+/.*\\.entity\\.ts$", pathNot: ["^server/$1/", NOT_FEATURE], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "not-to-composition-root",
      severity: "error",
      comment:
        "Only the composition root (server/app.ts, main.ts, modules.ts) wires features together; nothing under server/<folder>/ but scripts imports it or scripts.",
      from: { path: FEATURE, pathNot: "^server/scripts/" },
      to: { path: [COMPOSITION_ROOT, "^server/scripts/"] },
    },
    {
      name: "common-is-standalone",
      severity: "error",
      comment: "common/ is shared by server and client and imports neither.",
      from: { path: "^common/" },
      to: { path: "^(server|client)/" },
    },
    {
      name: "storefront-admin-apart",
      severity: "error",
      comment: "The storefront and the admin never import each other; share code through client/src/components or client/src/lib.",
      from: { path: "^client/src/(storefront|admin)/" },
      to: { path: "^client/src/(storefront|admin)/", pathNot: "^client/src/$1/" },
    },
    {
      name: "client-shared-not-to-areas",
      severity: "error",
      comment: "client/src/components and client/src/lib are shared: they import neither the storefront nor the admin.",
      from: { path: "^client/src/(components|lib)/" },
      to: { path: "^client/src/(storefront|admin)/" },
    },
    {
      name: "client-not-to-server",
      severity: "error",
      comment: "The client talks to the server over GraphQL only (shared code goes in common/).",
      from: { path: "^client/" },
      to: { path: "^server/" },
    },
    {
      name: "server-not-to-client",
      severity: "error",
      comment: "The server never imports client code.",
      from: { path: "^server/" },
      to: { path: "^client/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment:
        "An import dependency-cruiser cannot resolve: a typo, a missing package, or a resolution setting to fix (the rules above cannot see it).",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "(^|/)node_modules/" },
    tsConfig: { fileName: "./tsconfig.json" },
    // Keep `import type` edges and mark them "type-only", so rules can tell them from value imports.
    tsPreCompilationDeps: true,
    skipAnalysisNotInRules: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
