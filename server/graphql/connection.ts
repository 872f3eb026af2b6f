import { Field, Int, ObjectType, type ClassType } from "type-graphql";
import { PageInfo } from "./page-info.type";

/** A page of a list, as every paged query returns it: `@ObjectType() class FooConnection extends Connection(Foo) {}`. */
export function Connection<T extends object>(node: ClassType<T>) {
  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [node])
    nodes: T[];

    @Field(() => Int, { description: "How many match, across all pages." })
    totalCount: number;

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionType;
}

/**
 * A page from `first + 1` rows fetched (the extra row only says there is a next page); `cursor` makes the
 * endCursor from the page's last node and the nodes on the page.
 */
export function toPage<T>(rows: T[], first: number, totalCount: number, cursor: (last: T, nodes: T[]) => string) {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return { nodes, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? cursor(last, nodes) : null } };
}
