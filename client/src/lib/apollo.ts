import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type FieldPolicy, type Reference } from "@apollo/client";
import { Observable } from "rxjs";

interface Page {
  nodes: unknown[];
  totalCount?: number;
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
        // A later page may come without its count (the storefront asks for it with the first page only).
        const totalCount = incoming.totalCount ?? existing.totalCount;
        return { ...incoming, totalCount, nodes: [...existing.nodes, ...incoming.nodes.filter((n) => !seen.has(key(n)))] };
      }
      const lastFresh = incoming.nodes.length ? key(incoming.nodes[incoming.nodes.length - 1]) : undefined;
      const at = existing.nodes.findIndex((n) => key(n) === lastFresh);
      if (!keepLoaded || at < 0 || !incoming.pageInfo.hasNextPage) return incoming;
      return { ...existing, totalCount: incoming.totalCount, nodes: [...incoming.nodes, ...existing.nodes.slice(at + 1)] };
    },
  };
}

/** Answers fetched before the client existed (the page's first query, sent while the code was loading). */
export interface EarlyAnswers {
  /** The answer for the first operation of this name and variables, once (null: a failed request); null for any other. */
  take(operationName: string | undefined, variables: Record<string, unknown>): Promise<ApolloLink.Result | null> | null;
}

/**
 * Answers an operation with its early answer when there is one (the page's first query, sent while the code
 * was loading); anything else, or an early request that failed, goes to the server.
 */
export function earlyAnswerLink(early: EarlyAnswers): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const answer = early.take(operation.operationName, operation.variables);
    if (!answer) return forward(operation);
    return new Observable<ApolloLink.Result>((observer) => {
      let rest: { unsubscribe(): void } | undefined;
      let closed = false;
      void answer.then((result) => {
        if (closed) return;
        if (!result) return void (rest = forward(operation).subscribe(observer));
        observer.next(result);
        observer.complete();
      });
      return () => {
        closed = true;
        rest?.unsubscribe();
      };
    });
  });
}

/**
 * The shop's Apollo Client. The cart is a singleton in the cache (keyFields: []), so every cart
 * mutation's result updates the header badge and the cart page without refetching anything.
 * Paged lists accumulate for "Load more", one list per filter. `early`: the page's first query, already sent.
 */
export function createApolloClient({ early }: { early?: EarlyAnswers } = {}): ApolloClient {
  const http = new HttpLink({ uri: "/graphql", credentials: "same-origin" });
  return new ApolloClient({
    link: early ? ApolloLink.from([earlyAnswerLink(early), http]) : http,
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
