import type { FieldFunctionOptions } from "@apollo/client";
import { pagedList } from "./apollo";

type Page = { nodes: { __ref: string }[]; totalCount: number };
const page = (ids: number[], totalCount = 99): Page => ({ nodes: ids.map((id) => ({ __ref: `StockMovement:${id}` })), totalCount });
const merge = (existing: Page | undefined, incoming: Page, args: Record<string, unknown>) =>
  (pagedList(["productId"]).merge as (e: Page | undefined, i: Page, o: FieldFunctionOptions) => Page)(existing, incoming, {
    args,
  } as unknown as FieldFunctionOptions);
const ids = (p: Page) => p.nodes.map((n) => Number(n.__ref.split(":")[1]));

describe("a paged list in the cache (Load more)", () => {
  test("appends the next page", () => {
    expect(ids(merge(page([5, 4]), page([3, 2]), { after: "x" }))).toEqual([5, 4, 3, 2]);
  });

  test("page 1 again keeps the pages loaded after it, without repeating an entry that moved into page 1", () => {
    // Two pages loaded (6…3), then a new movement 7 pushes 4 onto page 2.
    const merged = merge(page([6, 5, 4, 3], 4), page([7, 6, 5], 5), {});
    expect(ids(merged)).toEqual([7, 6, 5, 4, 3]);
    expect(merged.totalCount).toBe(5);
  });
});
