// A graphql-codegen plugin (run per operation by per-operation.cjs): the operation's document and one typed
// React hook (useProductsQuery, useAddToCartMutation…) wrapping Apollo Client 4's hooks from
// @apollo/client/react. The types come from the client preset's graphql.ts.
// (typescript-react-apollo does not type-check against Apollo Client 4.)
const cap = (s) => s[0].toUpperCase() + s.slice(1);

const EMPTY_LISTS = new Set(["arguments", "directives", "variableDefinitions"]);

/** The document as JSON, without source locations or empty lists (as the client preset writes them). */
const json = (document) =>
  JSON.stringify(document, (key, value) => (key === "loc" || (EMPTY_LISTS.has(key) && !value.length) ? undefined : value));

function operationModule(document) {
  const [def] = document.definitions;
  const name = def.name.value;
  const type = `${name}${cap(def.operation)}`;
  const vars = `${type}Variables`;
  const doc = `${name}Document`;
  const required = def.variableDefinitions.some((v) => v.type.kind === "NonNullType" && !v.defaultValue);
  const out = [
    "/* eslint-disable */",
    `import type { TypedDocumentNode } from "@apollo/client";`,
    `import { ${def.operation === "query" ? "useQuery" : "useMutation"} } from "@apollo/client/react";`,
    `import type { ${type}, ${vars} } from "./graphql";`,
    "",
    `export const ${doc} = ${json(document)} as unknown as TypedDocumentNode<${type}, ${vars}>;`,
    "",
  ];
  if (def.operation === "query") {
    const opt = required ? "options" : "options?";
    out.push(
      `/** Runs the ${name} query. */`,
      `export function use${name}Query(${opt}: useQuery.Options<${type}, ${vars}>) {`,
      `  return useQuery(${doc}, options as useQuery.Options<${type}, ${vars}>);`,
      `}`,
      "",
    );
  } else if (def.operation === "mutation") {
    out.push(
      `/** The ${name} mutation. */`,
      `export function use${name}Mutation(options?: useMutation.Options<${type}, ${vars}>) {`,
      `  return useMutation(${doc}, options);`,
      `}`,
      "",
    );
  }
  return out.join("\n");
}

/** Each query's text as Apollo Client sends it (made by per-operation.cjs); one export per query. */
function sourcesModule(sources) {
  const out = ["/* eslint-disable */", "// Each query's text with __typename in every selection (as Apollo Client sends it).", ""];
  for (const { name, text } of sources) out.push(`export const ${name}Query = ${JSON.stringify(text)};`, "");
  return out.join("\n");
}

module.exports = {
  plugin(_schema, documents, config) {
    return config.sources ? sourcesModule(config.sources) : operationModule(documents[0].document);
  },
};
