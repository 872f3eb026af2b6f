import { Link, useParams } from "react-router";
import { NotFound } from "../../components/not-found";
import { usePageTitle } from "../../components/page-title";
import type { CategoryLinkFragment, CategoryQuery } from "../../graphql/graphql";
import { useCategoryQuery } from "../../graphql/op.Category";
import { useProductsQuery } from "../../graphql/op.Products";
import { PAGE_SIZE } from "../catalog/page-size";
import { CategoryNav, categoryPath, type CategoryPlace } from "../catalog/category-nav";
import { ProductGrid } from "../catalog/product-grid";
import { SearchBox, useSearchTerm } from "../catalog/search-box";

type Found = NonNullable<CategoryQuery["category"]>;

/** The category's place in the tree: its parents (nearest first) and the subcategories to offer. */
function placeOf(category: Found): CategoryPlace {
  const ancestors: CategoryLinkFragment[] = [];
  type Parent = { parent?: Parent | null } & CategoryLinkFragment;
  for (let p: Parent | null | undefined = category.parent; p; p = p.parent) ancestors.push(p);
  const parent = category.parent;
  const subcategories =
    category.children.length || !parent ? { of: category, list: category.children } : { of: parent, list: parent.children };
  return { category, ancestors, subcategories };
}

/** /category/:slug: a category's products (its subcategories' too), a page at a time; ?q= searches within it. */
export function CategoryPage() {
  const { slug = "" } = useParams();
  const search = useSearchTerm();
  const { data, loading, error, fetchMore } = useCategoryQuery({
    variables: { slug, first: PAGE_SIZE, browsing: !search },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
  // A search within the category: the catalog's search, narrowed to it.
  const results = useProductsQuery({
    variables: { first: PAGE_SIZE, search, category: slug },
    skip: !search,
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
  const category = data?.category;
  const name = category?.name ?? "Category";
  usePageTitle(search ? `${name}: ${search}` : name);

  if (!category && loading) return <p role="status">Loading…</p>;
  if (!category && error) {
    return (
      <p className="error" role="alert">
        We couldn't load this category. Please try again in a moment.
      </p>
    );
  }
  if (!category) return <NotFound title="Category not found">This category doesn't exist or is no longer in the shop.</NotFound>;

  const place = placeOf(category);
  const products = search ? results.data?.products : category.products;
  const productsLoading = search ? results.loading : loading;
  return (
    <section>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <ol>
          <li>
            <Link to="/">All products</Link>
          </li>
          {[...place.ancestors].reverse().map((a) => (
            <li key={a.id}>
              <Link to={categoryPath(a.slug)}>{a.name}</Link>
            </li>
          ))}
          <li>
            {search ? <Link to={categoryPath(category.slug)}>{category.name}</Link> : <span aria-current="page">{category.name}</span>}
          </li>
        </ol>
      </nav>
      <h1>{category.name}</h1>
      <CategoryNav place={place} />
      <SearchBox label={`Search in ${category.name}`} />
      {search && (
        <p>
          Results for “{search}” in {category.name}. <Link to={categoryPath(category.slug)}>Show all of {category.name}</Link>
        </p>
      )}

      {search && results.error && !products && (
        <p className="error" role="alert">
          We couldn't search this category. Please try again in a moment.
        </p>
      )}
      {!products && productsLoading && <p role="status">Loading products…</p>}
      {products && (
        <ProductGrid
          key={`${slug}\n${search}`}
          products={products}
          loading={productsLoading}
          empty={
            search
              ? `No products in ${category.name} match “${search}”. Try another word.`
              : `There are no products in ${category.name} yet.`
          }
          loadMore={(after) => {
            const variables = { after, withCount: false };
            return search ? results.fetchMore({ variables }) : fetchMore({ variables });
          }}
        />
      )}
    </section>
  );
}
