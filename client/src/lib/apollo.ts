import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import type { ProductsQuery } from "../graphql/graphql";

type ProductConnection = ProductsQuery["products"];

/**
 * The shop's Apollo Client. The cart is a singleton in the cache (keyFields: []), so every cart
 * mutation's result updates the header badge and the cart page without refetching anything.
 * Product pages accumulate for "load more", one list per search term.
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
            myOrders: {
              keyArgs: false,
              merge(existing: { nodes: unknown[] } | undefined, incoming: { nodes: unknown[] }, { args }) {
                return existing && args?.after ? { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] } : incoming;
              },
            },
            products: {
              keyArgs: ["search"],
              merge(existing: ProductConnection | undefined, incoming: ProductConnection, { args }) {
                if (!existing) return incoming;
                if (args?.after) return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
                // Page 1 again (e.g. coming Back to the catalog): refresh it but keep the pages loaded after it.
                if (existing.nodes.length > incoming.nodes.length) {
                  return {
                    ...existing,
                    totalCount: incoming.totalCount,
                    nodes: [...incoming.nodes, ...existing.nodes.slice(incoming.nodes.length)],
                  };
                }
                return incoming;
              },
            },
          },
        },
      },
    }),
  });
}
