import { Link } from "react-router";
import { useAdminCategoriesQuery } from "../../graphql/op.AdminCategories";
import type { TreeNode } from "./category-tree";

/** The product form's "Categories": a checkbox per category, subcategories nested under their parent. */
export function CategoryCheckboxes({ selected, onChange }: { selected: readonly string[]; onChange: (ids: string[]) => void }) {
  const { data, error } = useAdminCategoriesQuery({ fetchPolicy: "cache-and-network" });
  const tree = data?.categories;
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  const list = (nodes: readonly TreeNode[]) => (
    <ul className="category-checkboxes">
      {nodes.map((c) => (
        <li key={c.id}>
          <div className="field checkbox">
            <input
              id={`p-category-${c.id}`}
              type="checkbox"
              checked={selected.includes(c.id)}
              onChange={(e) => toggle(c.id, e.target.checked)}
            />
            <label htmlFor={`p-category-${c.id}`}>{c.name}</label>
          </div>
          {c.children && c.children.length > 0 && list(c.children)}
        </li>
      ))}
    </ul>
  );
  return (
    <fieldset>
      <legend>Categories</legend>
      {!tree ? (
        error ? (
          <p className="error" role="alert">
            We couldn't load the categories.
          </p>
        ) : (
          <p role="status">Loading…</p>
        )
      ) : tree.length === 0 ? (
        <p className="muted">
          No categories yet. <Link to="/admin/categories">Add categories</Link>
        </p>
      ) : (
        list(tree)
      )}
    </fieldset>
  );
}
