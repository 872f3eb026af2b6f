import { ApolloClient, HttpLink, InMemoryCache, type FieldPolicy, type Reference } from "@apollo/client";

interface Page {
  nodes: unknown[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

const key = (node: unknown) => (node as Reference).__ref ?? JSON.stringify(node);

/**
 * A paged list ("Load more"): pages fetched with `after` are appended (without repeating a node), one list
 * per value of `keyArgs` (e.g. per search term).
 *
 * Page 1 fetched again (coming Back to a list, a refetch after a change): with `keepLoaded`, for lists
 * paged by a keyset cursor, the pages loaded after it stay, from where the fresh page 1 ends in them (nodes
 * that left page 1 drop out; the cached endCursor still follows the last node). Lists paged by offset
 * start again from page 1, since their cursor no longer points at the same place.
 */
export function pagedList(keyArgs: string[] | false, keepLoaded: boolean): FieldPolicy<Page> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing) return incoming;
      if (args?.after) {
        const seen = new Set(existing.nodes.map(key));
        return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes.filter((n) => !seen.has(key(n)))] };
      }
      const lastFresh = incoming.nodes.length ? key(incoming.nodes[incoming.nodes.length - 1]) : undefined;
      const at = existing.nodes.findIndex((n) => key(n) === lastFresh);
      if (!keepLoaded || at < 0 || !incoming.pageInfo.hasNextPage) return incoming;
      return { ...existing, totalCount: incoming.totalCount, nodes: [...incoming.nodes, ...existing.nodes.slice(at + 1)] };
    },
  };
}

/**
 * The shop's Apollo Client. The cart is a singleton in the cache (keyFields: []), so every cart
 * mutation's result updates the header badge and the cart page without refetching anything.
 * Paged lists accumulate for "Load more", one list per filter.
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: "/graphql", credentials: "same-origin" }),
    cache: new InMemoryCache({
      typePolicies: {
        Cart: { keyFields: [] },
        // One per shop, without an id: the dashboard's and the emails page's answers are the same object.
        EmailOutbox: { merge: true },
        // A category's products: one list per category, pages appended by "Load more".
        Category: { fields: { products: pagedList(false, true) } },
        Query: {
          fields: {
            // The confirmation page reads the order placeOrder just returned, without a round trip.
            order: {
              read(existing, { args, toReference }) {
                return existing ?? toReference({ __typename: "Order", id: args?.id as string });
              },
            },
            products: pagedList(["search", "category"], true),
            adminProducts: pagedList(["status", "search"], true),
            stockMovements: pagedList(["productId"], true),
            myOrders: pagedList(false, false),
            orders: pagedList(["status", "search"], false),
            emails: pagedList(["status", "orderId"], false),
          },
        },
      },
    }),
  });
}
