import { ApolloClient, HttpLink, InMemoryCache, type FieldPolicy, type Reference } from "@apollo/client";

interface Page {
  nodes: unknown[];
  totalCount: number;
}

/**
 * A paged list ("Load more"): pages fetched with `after` are appended, one list per value of `keyArgs`
 * (e.g. per search term). Page 1 fetched again (coming Back to a list, a refetch after a change) refreshes
 * the first page but keeps the pages loaded after it, without repeating what moved into page 1.
 */
export function pagedList(keyArgs: string[] | false): FieldPolicy<Page> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing) return incoming;
      if (args?.after) return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
      if (existing.nodes.length > incoming.nodes.length) {
        const key = (node: unknown) => (node as Reference).__ref ?? JSON.stringify(node);
        const fresh = new Set(incoming.nodes.map(key));
        return {
          ...existing,
          totalCount: incoming.totalCount,
          nodes: [...incoming.nodes, ...existing.nodes.filter((n) => !fresh.has(key(n)))],
        };
      }
      return incoming;
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
        Query: {
          fields: {
            // The confirmation page reads the order placeOrder just returned, without a round trip.
            order: {
              read(existing, { args, toReference }) {
                return existing ?? toReference({ __typename: "Order", id: args?.id as string });
              },
            },
            products: pagedList(["search"]),
            myOrders: pagedList(false),
            adminProducts: pagedList(["status", "search"]),
            orders: pagedList(["status", "search"]),
            stockMovements: pagedList(["productId"]),
          },
        },
      },
    }),
  });
}
