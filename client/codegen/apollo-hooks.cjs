// A graphql-codegen plugin: one typed React hook per operation (useProductsQuery, useAddToCartMutation…),
// wrapping Apollo Client 4's hooks from @apollo/client/react around the client preset's typed documents.
// (typescript-react-apollo does not type-check against Apollo Client 4.)
const cap = (s) => s[0].toUpperCase() + s.slice(1);

module.exports = {
  plugin(_schema, documents) {
    const ops = [];
    for (const { document } of documents) {
      for (const def of document.definitions) {
        if (def.kind !== "OperationDefinition" || !def.name) continue;
        const required = def.variableDefinitions.some((v) => v.type.kind === "NonNullType" && !v.defaultValue);
        ops.push({ name: def.name.value, kind: def.operation, required });
      }
    }
    ops.sort((a, b) => a.name.localeCompare(b.name));
    const out = ['import { useMutation, useQuery } from "@apollo/client/react";', 'import * as Ops from "./graphql";', ""];
    for (const op of ops) {
      const type = `Ops.${op.name}${cap(op.kind)}`;
      const vars = `${type}Variables`;
      const doc = `Ops.${op.name}Document`;
      if (op.kind === "query") {
        const opt = op.required ? "options" : "options?";
        out.push(
          `/** Runs the ${op.name} query. */`,
          `export function use${op.name}Query(${opt}: useQuery.Options<${type}, ${vars}>) {`,
          `  return useQuery(${doc}, options as useQuery.Options<${type}, ${vars}>);`,
          `}`,
          "",
        );
      } else if (op.kind === "mutation") {
        out.push(
          `/** The ${op.name} mutation. */`,
          `export function use${op.name}Mutation(options?: useMutation.Options<${type}, ${vars}>) {`,
          `  return useMutation(${doc}, options);`,
          `}`,
          "",
        );
      }
    }
    return out.join("\n");
  },
};
