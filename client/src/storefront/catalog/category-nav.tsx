import { NavLink } from "react-router";
import type { CategoryLinkFragment } from "../../graphql/graphql";
import { useCategoriesQuery } from "../../graphql/op.Categories";

/** Where a category page is in the tree. */
export interface CategoryPlace {
  category: CategoryLinkFragment;
  /** Its parents, nearest first. */
  ancestors: CategoryLinkFragment[];
  /** The subcategories to offer: its own, or for a category without any, its parent's (itself among them). */
  subcategories: { of: CategoryLinkFragment; list: CategoryLinkFragment[] };
}

export const categoryPath = (slug: string) => `/category/${encodeURIComponent(slug)}`;

/**
 * The shop's "Categories" navigation: every top-level category and, on a category page, the subcategories
 * there. The links wrap onto more lines on a narrow screen rather than scroll sideways.
 */
export function CategoryNav({ place }: { place?: CategoryPlace }) {
  const { data } = useCategoriesQuery({ fetchPolicy: "cache-and-network" });
  const top = data?.categories ?? [];
  const sub = place?.subcategories;
  if (!top.length && !sub?.list.length) return null;
  // The top-level category a subcategory's page is in: marked, as the page's own link is (aria-current).
  const within = place?.ancestors.at(-1);
  return (
    <nav className="category-nav" aria-label="Categories">
      {top.length > 0 && (
        <ul>
          {top.map((c) => (
            <li key={c.id}>
              <NavLink to={categoryPath(c.slug)} className={c.id === within?.id ? "within" : undefined}>
                {c.name}
              </NavLink>
            </li>
          ))}
        </ul>
      )}
      {sub && sub.list.length > 0 && (
        <div className="subcategories">
          <span id="subcategories-label">In {sub.of.name}:</span>
          <ul aria-labelledby="subcategories-label">
            {sub.list.map((c) => (
              <li key={c.id}>
                <NavLink to={categoryPath(c.slug)}>{c.name}</NavLink>
              </li>
            ))}
          </ul>
        </div>
      )}
    </nav>
  );
}
