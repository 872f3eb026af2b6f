import { Field, Int, ObjectType, type ClassType } from "type-graphql";
import { PageInfo } from "./page-info.type";

/** A page of a list, as every paged query returns it: `@ObjectType() class FooConnection extends Connection(Foo) {}`. */
export function Connection<T extends object>(node: ClassType<T>) {
  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [node])
    nodes: T[];

    @Field(() => Int, { description: "How many match, across all pages (counted only when asked for)." })
    totalCount: number | Promise<number>;

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionType;
}

/** A page's total: a number, or how to count it (run only if a client selects `totalCount`). */
export type TotalCount = number | (() => Promise<number>);

/** The count of what `qb` selects as it is now (before a cursor narrows it to one page), run only if asked. */
export function countLater(qb: { clone(): { getCount(): Promise<number> } }): () => Promise<number> {
  const all = qb.clone();
  return () => all.getCount();
}

/**
 * A page from `first + 1` rows fetched (the extra row only says there is a next page); `cursor` makes the
 * endCursor from the page's last node and the nodes on the page. A `totalCount` given as a function is
 * counted when the field is resolved, so a page that doesn't show it costs no COUNT.
 */
export function toPage<T>(rows: T[], first: number, totalCount: TotalCount, cursor: (last: T, nodes: T[]) => string) {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  const pageInfo = { hasNextPage: rows.length > first, endCursor: last ? cursor(last, nodes) : null };
  let counted: Promise<number> | undefined;
  const page = { nodes, pageInfo } as { nodes: T[]; pageInfo: typeof pageInfo; totalCount: number | Promise<number> };
  Object.defineProperty(page, "totalCount", {
    enumerable: true,
    get: () => (typeof totalCount === "number" ? totalCount : (counted ??= totalCount())),
  });
  return page;
}
