import { useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { usePageTitle } from "../../components/page-title";
import { useAdminCategoriesQuery } from "../../graphql/op.AdminCategories";
import { useCreateCategoryMutation } from "../../graphql/op.CreateCategory";
import { useDeleteCategoryMutation } from "../../graphql/op.DeleteCategory";
import { useUpdateCategoryMutation } from "../../graphql/op.UpdateCategory";
import { apiError } from "../../lib/errors";
import { branchIds, DEEPEST, flattenTree, type TreeNode } from "./category-tree";
import { problemMessage } from "../../lib/messages";

interface Form {
  name: string;
  slug: string;
  parentId: string;
  position: string;
}

type FieldName = keyof Form;

const EMPTY: Form = { name: "", slug: "", parentId: "", position: "0" };

const LABELS: Record<FieldName, string> = { name: "Name", slug: "Slug", parentId: "Parent", position: "Position" };

const isField = (field: string | undefined): field is FieldName => !!field && field in LABELS;

/** The server's message as the form's words: "Invalid slug: slug may hold…" reads "Slug may hold…". */
function readable(message: string, field?: string): string {
  const text = message.replace(/^Invalid \w+: /, "");
  return isField(field) && text.startsWith(`${field} `) ? `${LABELS[field]}${text.slice(field.length)}` : text;
}

/** The owner's category tree: in order and indented, with a form to add a category or change one, and delete. */
export function CategoriesPage() {
  usePageTitle("Categories");
  const { data, loading, error } = useAdminCategoriesQuery({ fetchPolicy: "cache-and-network" });
  const refetch = { refetchQueries: ["AdminCategories"], awaitRefetchQueries: true };
  const [create, creating] = useCreateCategoryMutation(refetch);
  const [update, updating] = useUpdateCategoryMutation(refetch);
  const [remove, removing] = useDeleteCategoryMutation(refetch);
  const [editing, setEditing] = useState<TreeNode | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  // The server's BAD_USER_INPUT names the field (`extensions.field`): its message shows there, else under the form.
  const [problem, setProblem] = useState<{ field?: FieldName; message: string } | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const tree = data?.categories;
  const flat = tree ? flattenTree(tree) : [];

  // A category can go under any other, except itself and its own subcategories, down to the deepest level shown.
  const excluded = new Set(editing ? branchIds(editing) : []);
  const parents = flat.filter((f) => f.depth < DEEPEST && !excluded.has(f.category.id));

  const set = (key: FieldName, value: string) => {
    setForm({ ...form, [key]: value });
    if (problem?.field === key) setProblem(null);
  };

  const startEdit = (category: TreeNode) => {
    const at = flat.find((f) => f.category.id === category.id);
    setEditing(category);
    setForm({ name: category.name, slug: category.slug, parentId: at?.parentId ?? "", position: String(category.position) });
    setProblem(null);
    setNotice(null);
    nameInput.current?.focus();
  };

  const stopEditing = () => {
    setEditing(null);
    setForm(EMPTY);
    setProblem(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const position = Number(form.position.trim() || "0");
    if (!Number.isInteger(position)) return setProblem({ field: "position", message: "Enter a whole number, like 0 or 10" });
    setProblem(null);
    const input = { name: form.name, slug: form.slug.trim() || null, parentId: form.parentId || null, position };
    try {
      if (editing) {
        const result = await update({ variables: { id: editing.id, input } });
        setNotice({ ok: true, text: `Saved “${result.data!.updateCategory.name}”.` });
        stopEditing();
      } else {
        const result = await create({ variables: { input } });
        const created = result.data!.createCategory;
        setNotice({ ok: true, text: `Created “${created.name}” at /category/${created.slug}.` });
        setForm(EMPTY);
      }
    } catch (error) {
      const p = apiError(error)!;
      const field = p.code === "BAD_USER_INPUT" && isField(p.field) ? p.field : undefined;
      setProblem({
        field,
        message: p.code === "BAD_USER_INPUT" || p.code === "NETWORK" ? readable(p.message, p.field) : `Saving failed: ${problemMessage(p)}`,
      });
    }
  };

  const deleteCategory = async (category: TreeNode) => {
    if (!window.confirm(`Delete the category “${category.name}”? Its products stay in the shop.`)) return;
    setNotice(null);
    try {
      await remove({
        variables: { id: category.id },
        update(cache) {
          cache.evict({ id: cache.identify({ __typename: "Category", id: category.id }) });
          cache.gc();
        },
      });
      if (editing?.id === category.id) stopEditing();
      setNotice({ ok: true, text: `Deleted “${category.name}”.` });
    } catch (error) {
      const p = apiError(error)!;
      setNotice({ ok: false, text: p.code === "BAD_USER_INPUT" ? p.message : `“${category.name}” can't be deleted: ${problemMessage(p)}` });
    }
  };

  const branch = (nodes: readonly TreeNode[]) => (
    <ul>
      {nodes.map((c) => (
        <li key={c.id}>
          <div className="category-row">
            <div className="category-info">
              <span className="category-name">{c.name}</span>{" "}
              <span className="muted">
                <Link to={`/category/${c.slug}`}>/category/{c.slug}</Link> · position {c.position}
              </span>
            </div>
            <span className="category-actions">
              <button type="button" onClick={() => startEdit(c)} aria-label={`Edit ${c.name}`}>
                Edit
              </button>
              <button type="button" onClick={() => deleteCategory(c)} disabled={removing.loading} aria-label={`Delete ${c.name}`}>
                Delete
              </button>
            </span>
          </div>
          {c.children && c.children.length > 0 && branch(c.children)}
        </li>
      ))}
    </ul>
  );

  const describedBy = (key: FieldName, hint?: boolean) =>
    [problem?.field === key && `c-${key}-error`, hint && `c-${key}-hint`].filter(Boolean).join(" ") || undefined;
  const fieldError = (key: FieldName) =>
    problem?.field === key && (
      <p className="field-error" id={`c-${key}-error`} role="alert">
        {problem.message}
      </p>
    );

  return (
    <section>
      <h1>Categories</h1>
      {notice && (
        <p className={notice.ok ? "ok" : "error"} role={notice.ok ? "status" : "alert"}>
          {notice.text}
        </p>
      )}
      <div className="two-cols">
        <div>
          <h2>All categories</h2>
          {!tree ? (
            loading ? (
              <p role="status">Loading…</p>
            ) : (
              <p className="error" role="alert">
                {problemMessage(apiError(error)!)}
              </p>
            )
          ) : tree.length === 0 ? (
            <p>No categories yet: add the first with the form.</p>
          ) : (
            <div className="category-tree">{branch(tree)}</div>
          )}
        </div>
        <form onSubmit={submit} noValidate>
          <fieldset>
            <legend>{editing ? `Edit “${editing.name}”` : "New category"}</legend>
            <div className="field">
              <label htmlFor="c-name">Name</label>
              <input
                id="c-name"
                ref={nameInput}
                value={form.name}
                required
                aria-invalid={problem?.field === "name" || undefined}
                aria-describedby={describedBy("name")}
                onChange={(e) => set("name", e.target.value)}
              />
              {fieldError("name")}
            </div>
            <div className="field">
              <label htmlFor="c-slug">Slug (optional)</label>
              <input
                id="c-slug"
                value={form.slug}
                placeholder="e.g. green-tea"
                aria-invalid={problem?.field === "slug" || undefined}
                aria-describedby={describedBy("slug", true)}
                onChange={(e) => set("slug", e.target.value)}
              />
              {fieldError("slug")}
              <p className="muted" id="c-slug-hint">
                The end of its address in the shop, /category/green-tea: lower-case letters, digits and hyphens.{" "}
                {editing ? "Left empty, it stays as it is." : "Left empty, it is made from the name."}
              </p>
            </div>
            <div className="field">
              <label htmlFor="c-parent">Parent</label>
              <select
                id="c-parent"
                value={form.parentId}
                aria-invalid={problem?.field === "parentId" || undefined}
                aria-describedby={describedBy("parentId")}
                onChange={(e) => set("parentId", e.target.value)}
              >
                <option value="">None (a top-level category)</option>
                {parents.map((f) => (
                  <option key={f.category.id} value={f.category.id}>
                    {"\u00a0\u00a0\u00a0".repeat(f.depth) + f.category.name}
                  </option>
                ))}
              </select>
              {fieldError("parentId")}
            </div>
            <div className="field">
              <label htmlFor="c-position">Position</label>
              <input
                id="c-position"
                inputMode="numeric"
                value={form.position}
                aria-invalid={problem?.field === "position" || undefined}
                aria-describedby={describedBy("position", true)}
                onChange={(e) => set("position", e.target.value)}
              />
              {fieldError("position")}
              <p className="muted" id="c-position-hint">
                Its place among its siblings: lower comes first; the same number, by name.
              </p>
            </div>
          </fieldset>
          {problem && !problem.field && (
            <p className="error" role="alert">
              {problem.message}
            </p>
          )}
          <div className="status-actions">
            <button type="submit" className="primary" disabled={creating.loading || updating.loading}>
              {editing ? "Save changes" : "Create category"}
            </button>
            {editing && (
              <button type="button" onClick={stopEditing}>
                Cancel
              </button>
            )}
          </div>
        </form>
      </div>
    </section>
  );
}
