import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { exampleTabs } from "./examples";

// Same origin, so the browser sends the session cookie and the IDE shares the shopper's cart.
const fetcher = createGraphiQLFetcher({ url: "/graphql" });

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultTabs={exampleTabs} visiblePlugin="Documentation Explorer" />
  </StrictMode>,
);
