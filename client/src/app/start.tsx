import { ApolloProvider } from "@apollo/client/react";
import type { DocumentNode } from "graphql";
import { StrictMode, useEffect } from "react";
import { createRoot } from "react-dom/client";
import { CategoryDocument } from "../graphql/op.Category";
import { ProductDocument } from "../graphql/op.Product";
import { ProductsDocument } from "../graphql/op.Products";
import { createApolloClient } from "../lib/apollo";
import type { EarlyQuery } from "./early-queries";
import { App } from "./router";

const FIRST_QUERIES: Record<string, DocumentNode> = {
  Products: ProductsDocument,
  Product: ProductDocument,
  Category: CategoryDocument,
};

/** Runs once the first render is on screen. */
function AfterFirstRender({ then }: { then: () => void }) {
  useEffect(() => void setTimeout(then), [then]);
  return null;
}

/**
 * Renders the shop. The page's first query was sent early: when its answer is already here it goes into
 * Apollo's cache first, and the first render shows the products (the pages' cache-and-network queries are
 * answered from the cache until that render is done, rather than asked again); an answer still on its way
 * is handed over by the client's link when the page asks.
 */
export function start(early: EarlyQuery): void {
  const client = createApolloClient({ early });
  const arrived = early.arrived();
  const query = arrived && FIRST_QUERIES[arrived.operationName];
  if (arrived && query) {
    client.writeQuery({ query, variables: arrived.variables, data: arrived.data });
    client.prioritizeCacheValues = true;
  }
  const rendered = () => (client.prioritizeCacheValues = false);
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <ApolloProvider client={client}>
        <App />
        <AfterFirstRender then={rendered} />
      </ApolloProvider>
    </StrictMode>,
  );
}
