import type { AdminCategoryFieldsFragment } from "../../graphql/graphql";

/** A category as the AdminCategories query gives it: its children nested, down to the fifth level. */
export type TreeNode = AdminCategoryFieldsFragment & { children?: readonly TreeNode[] };

/** The deepest level the admin shows and lets a category be put at (0 is the top; five levels in all). */
export const DEEPEST = 4;

export interface FlatCategory {
  category: TreeNode;
  depth: number;
  parentId: string | null;
}

/** The tree in reading order: each category, then its subcategories. */
export function flattenTree(nodes: readonly TreeNode[], depth = 0, parentId: string | null = null): FlatCategory[] {
  return nodes.flatMap((category) => [{ category, depth, parentId }, ...flattenTree(category.children ?? [], depth + 1, category.id)]);
}

/** The category's id and those of everything below it. */
export function branchIds(node: TreeNode): string[] {
  return [node.id, ...(node.children ?? []).flatMap(branchIds)];
}
