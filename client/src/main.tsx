// The first script: a few hundred bytes that send the page's first query, then load the shop's code (which
// index.html already asks for with <link rel="modulepreload">, see client/vite.config.mts) and start it.
import { startFirstQuery } from "./app/early-queries";
import "./styles.css";

const early = startFirstQuery(window.location);
void import("./app/start").then(({ start }) => start(early));
