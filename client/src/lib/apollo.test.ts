import type { FieldFunctionOptions } from "@apollo/client";
import { pagedList } from "./apollo";

type Page = { nodes: { __ref: string }[]; totalCount?: number; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
const page = (ids: number[], totalCount = 99, hasNextPage = true): Page => ({
  nodes: ids.map((id) => ({ __ref: `Order:${id}` })),
  totalCount,
  pageInfo: { hasNextPage, endCursor: `after-${ids.at(-1)}` },
});
const merge = (keepLoaded: boolean, existing: Page | undefined, incoming: Page, args: Record<string, unknown>) =>
  (pagedList(false, keepLoaded).merge as (e: Page | undefined, i: Page, o: FieldFunctionOptions) => Page)(existing, incoming, {
    args,
  } as unknown as FieldFunctionOptions);
const ids = (p: Page) => p.nodes.map((n) => Number(n.__ref.split(":")[1]));

describe("a paged list in the cache (Load more)", () => {
  test("appends the next page, never repeating a node", () => {
    expect(ids(merge(true, page([5, 4]), page([3, 2]), { after: "x" }))).toEqual([5, 4, 3, 2]);
    expect(ids(merge(false, page([5, 4]), page([4, 3]), { after: "x" }))).toEqual([5, 4, 3]);
  });

  test("a next page asked for without its count keeps the count of the first", () => {
    const { totalCount: _, ...uncounted } = page([3, 2]);
    expect(merge(true, page([5, 4], 40), uncounted, { after: "x" }).totalCount).toBe(40);
    expect(merge(true, page([5, 4], 40), page([3, 2], 41), { after: "x" }).totalCount).toBe(41);
  });

  test("keyset lists: page 1 again keeps the pages after it, from where the fresh page ends", () => {
    // Two pages loaded (6…3, page size 3), then a new entry 7 pushes 4 onto page 2.
    const grown = merge(true, page([6, 5, 4, 3], 4), page([7, 6, 5], 5), {});
    expect(ids(grown)).toEqual([7, 6, 5, 4, 3]);
    expect(grown.totalCount).toBe(5);
    expect(grown.pageInfo.endCursor).toBe("after-3");
    // An entry that left the list (8 was shipped, out of the PAID list) drops out instead of lingering.
    const shrunk = merge(true, page([10, 9, 8, 7, 6], 5), page([10, 9, 7], 4), {});
    expect(ids(shrunk)).toEqual([10, 9, 7, 6]);
    expect(shrunk.totalCount).toBe(4);
  });

  test("offset lists, or a page 1 that is now the whole list, start again from the fresh page", () => {
    expect(ids(merge(false, page([6, 5, 4, 3]), page([7, 6, 5]), {}))).toEqual([7, 6, 5]);
    expect(ids(merge(true, page([6, 5, 4, 3]), page([6, 5], 2, false), {}))).toEqual([6, 5]);
  });
});
