// A graphql-codegen preset: one module per operation (client/src/graphql/op.<Name>.ts) holding its document
// (with the fragments it spreads) and its typed hook. Pages import each operation from its own module, so the
// bundler puts a document in the chunk of the page that uses it: the storefront's first load carries only its
// own operations, never the admin's. (A module is in the first load when the first load's code imports it at
// all, even through a barrel's `export *`: there is deliberately no index of them. The client preset's
// graphql.ts holds every document in one module; the client imports only its types.)
const path = require("node:path");
const { print, stripIgnoredCharacters, visit } = require("graphql");

/**
 * A query's text as Apollo Client sends it: __typename asked for in every selection but the root, so a
 * response fetched with it is what Apollo Client would have received; without insignificant blanks.
 */
function sent(document) {
  const typename = { kind: "Field", name: { kind: "Name", value: "__typename" } };
  const withTypename = visit(document, {
    SelectionSet(node, _key, parent) {
      if (parent && parent.kind === "OperationDefinition") return undefined;
      if (node.selections.some((s) => s.kind === "Field" && s.name.value === "__typename")) return undefined;
      return { ...node, selections: [...node.selections, typename] };
    },
  });
  return stripIgnoredCharacters(print(withTypename));
}

module.exports = {
  buildGeneratesSection(options) {
    const fragments = new Map();
    const operations = [];
    for (const source of options.documents) {
      for (const def of source.document.definitions) {
        if (def.kind === "FragmentDefinition") fragments.set(def.name.value, def);
        else if (def.kind === "OperationDefinition" && def.name) operations.push({ def, location: source.location });
      }
    }
    /** The fragments a definition spreads, and theirs, each once, in the order first met. */
    const spreadIn = (node, found = new Map()) => {
      const visit = (n) => {
        if (!n || typeof n !== "object") return;
        if (Array.isArray(n)) return n.forEach(visit);
        if (n.kind === "FragmentSpread" && !found.has(n.name.value)) {
          const fragment = fragments.get(n.name.value);
          if (!fragment) throw new Error(`Unknown fragment ${n.name.value}`);
          found.set(n.name.value, fragment);
          visit(fragment.selectionSet);
        }
        for (const [key, value] of Object.entries(n)) if (key !== "loc") visit(value);
      };
      visit(node);
      return [...found.values()];
    };
    operations.sort((a, b) => a.def.name.value.localeCompare(b.def.name.value));
    const common = { plugins: options.plugins, pluginMap: options.pluginMap, schema: options.schema, schemaAst: options.schemaAst };
    const modules = operations.map(({ def, location }) => ({
      ...common,
      filename: path.join(options.baseOutputDir, `op.${def.name.value}.ts`),
      documents: [{ location, document: { kind: "Document", definitions: [def, ...spreadIn(def.selectionSet)] } }],
      config: options.config,
    }));
    // The queries' text, for the first load's early requests (client/src/app/early-queries.ts).
    const queries = operations.filter(({ def }) => def.operation === "query");
    const sources = {
      ...common,
      filename: path.join(options.baseOutputDir, "sources.ts"),
      documents: options.documents,
      config: {
        ...options.config,
        sources: queries.map(({ def }) => ({
          name: def.name.value,
          text: sent({ kind: "Document", definitions: [def, ...spreadIn(def.selectionSet)] }),
        })),
      },
    };
    return [...modules, sources];
  },
};
