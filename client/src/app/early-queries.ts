import type { FormattedExecutionResult } from "graphql";
import { CategoryQuery, ProductQuery, ProductsQuery } from "../graphql/sources";
import type { EarlyAnswers } from "../lib/apollo";
import { PAGE_SIZE } from "../storefront/catalog/page-size";

/** A query as the page at an address first runs it (and the variables it runs it with). */
export interface FirstQuery {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

/** What the server answered, or null when the early request failed (the page then asks again). */
type Answer = FormattedExecutionResult | null;

/**
 * The query that puts the products of the address on screen: the catalog's first page (or a search), a
 * product, a category. The variables are the ones its page (catalog-page.tsx, product-page.tsx,
 * category-page.tsx) runs it with: an early answer is used only when they are equal.
 */
export function firstQueryOf({ pathname, search }: { pathname: string; search: string }): FirstQuery | null {
  const q = new URLSearchParams(search).get("q")?.trim() ?? "";
  const param = (pattern: RegExp) => {
    const m = pattern.exec(pathname);
    return m ? decodeURIComponent(m[1]!) : null;
  };
  // With the operations' default variables written out: Apollo adds them to the variables the page runs
  // with (withCount), and an answer is taken only for equal variables.
  if (pathname === "/")
    return { operationName: "Products", query: ProductsQuery, variables: { first: PAGE_SIZE, search: q || null, withCount: true } };
  const id = param(/^\/product\/([^/]+)\/?$/);
  if (id) return { operationName: "Product", query: ProductQuery, variables: { id } };
  const slug = param(/^\/category\/([^/]+)\/?$/);
  if (slug)
    return { operationName: "Category", query: CategoryQuery, variables: { slug, first: PAGE_SIZE, browsing: !q, withCount: true } };
  return null;
}

/** Variables compared by value, whatever the order of their keys; an undefined one is left out. */
function sameVariables(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const canonical = (v: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(v)
        .filter((k) => v[k] !== undefined)
        .sort()
        .map((k) => [k, v[k]]),
    );
  return canonical(a) === canonical(b);
}

/** The page's first query, sent early; its answer goes to the cache before the first render, or to the link. */
export interface EarlyQuery extends EarlyAnswers {
  /** The query and its answer when that has arrived (with data) and was not taken yet; it is then taken. */
  arrived(): (FirstQuery & { data: Record<string, unknown> }) | null;
}

/**
 * Sends the page's first query at once, while the shop's code is still on its way, instead of after that
 * code has loaded and rendered: on a slow connection the answer is there before the code has loaded.
 */
export function startFirstQuery(location: { pathname: string; search: string }): EarlyQuery {
  const first = firstQueryOf(location);
  if (!first) return { take: () => null, arrived: () => null };
  let answered: Answer | undefined;
  const answer: Promise<Answer> = fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
    credentials: "same-origin",
    body: JSON.stringify(first),
  })
    .then((res) => (res.ok ? (res.json() as Promise<Answer>) : null))
    .then((body) => (body?.data && !body.errors ? body : null))
    .catch(() => null)
    .then((body) => (answered = body));
  let taken = false;
  return {
    take(operationName, variables) {
      if (taken || operationName !== first.operationName || !sameVariables(variables, first.variables)) return null;
      taken = true;
      return answer;
    },
    arrived() {
      if (taken || !answered?.data) return null;
      taken = true;
      return { ...first, data: answered.data };
    },
  };
}
