import fs from "node:fs";
import path from "node:path";
import {
  Kind,
  parse,
  print,
  visit,
  type ASTNode,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/**
 * The storefront's own GraphQL operations (client/src/**\/*.graphql), so the bench asks exactly what the
 * shop's pages ask: `document("Products")` is the Products query with every fragment it spreads, with
 * __typename in every selection but the root's, as Apollo Client sends it.
 */
export function storefrontOperations(root: string): (name: string) => string {
  const operations = new Map<string, OperationDefinitionNode>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of graphqlFiles(path.join(root, "client", "src"))) {
    for (const def of parse(fs.readFileSync(file, "utf8")).definitions) {
      if (def.kind === Kind.OPERATION_DEFINITION && def.name) operations.set(def.name.value, def);
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
  }
  return (name) => {
    const operation = operations.get(name);
    if (!operation) throw new Error(`The storefront has no operation named ${name} (client/src/**/*.graphql)`);
    const needed = new Map<string, DefinitionNode>();
    const collect = (node: DefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (!fragment) throw new Error(`${name} spreads an unknown fragment ${spread.name.value}`);
          if (needed.has(fragment.name.value)) return;
          needed.set(fragment.name.value, fragment);
          collect(fragment);
        },
      });
    collect(operation);
    return [operation, ...needed.values()].map((d) => print(withTypename(d))).join("\n");
  };
}

function graphqlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "dist" ? [] : graphqlFiles(full);
    return entry.name.endsWith(".graphql") ? [full] : [];
  });
}

/** Adds __typename to every selection set but an operation's own (Apollo Client's addTypenameToDocument). */
function withTypename(def: DefinitionNode): DefinitionNode {
  return visit(def, {
    SelectionSet(node: SelectionSetNode, _key, parent: ASTNode | readonly ASTNode[] | undefined): SelectionSetNode | undefined {
      if (parent && !Array.isArray(parent) && (parent as ASTNode).kind === Kind.OPERATION_DEFINITION) return undefined;
      if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "__typename")) return undefined;
      return { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } }] };
    },
  });
}
