import { In } from "typeorm";
import { isUniqueViolation, type Transactions } from "../db/transaction";
import { badInput, notFound } from "../graphql/errors";
import { Category, ProductCategory } from "./category.entity";
import type { CategoryInput } from "./category.inputs";

/** The most categories a product can be in. */
export const MAX_PRODUCT_CATEGORIES = 20;

/** The whole tree at once (a shop has tens of categories, not thousands): parents, children and descendants from one query. */
export class CategoryTree {
  private readonly byId = new Map<number, Category>();
  private readonly children = new Map<number | null, Category[]>();

  constructor(readonly all: Category[]) {
    for (const c of all) {
      this.byId.set(c.id, c);
      const siblings = this.children.get(c.parentId) ?? [];
      siblings.push(c);
      this.children.set(c.parentId, siblings);
    }
  }

  get(id: number): Category | undefined {
    return this.byId.get(id);
  }

  childrenOf(id: number | null): Category[] {
    return this.children.get(id) ?? [];
  }

  /** Where a category comes in the whole tree, read top to bottom (a parent, its children, then its next sibling). */
  rank(id: number): number {
    if (!this.ranks) {
      this.ranks = new Map();
      const visit = (parent: number | null) => {
        for (const c of this.childrenOf(parent)) {
          this.ranks!.set(c.id, this.ranks!.size);
          visit(c.id);
        }
      };
      visit(null);
    }
    return this.ranks.get(id) ?? Number.MAX_SAFE_INTEGER;
  }
  private ranks?: Map<number, number>;

  /** The category and everything below it. */
  withDescendants(id: number): number[] {
    const ids = [id];
    for (let i = 0; i < ids.length; i++) ids.push(...this.childrenOf(ids[i]).map((c) => c.id));
    return ids;
  }
}

/** "Green Tea & Tisanes" → "green-tea-tisanes". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 90)
    .replace(/-+$/, "");
  return slug || "category";
}

/** The catalog's categories: a tree the owner edits, and which products are in which. */
export class CategoryService {
  constructor(private readonly tx: Transactions) {}

  /** Every category, siblings by position then name. */
  async tree(): Promise<CategoryTree> {
    return new CategoryTree(await this.tx.manager.find(Category, { order: { position: "ASC", name: "ASC", id: "ASC" } }));
  }

  bySlug(slug: string): Promise<Category | null> {
    return this.tx.manager.findOneBy(Category, { slug: slug.trim().toLowerCase() });
  }

  /** The categories of many products, in one query (for lists): pairs of product id and category. */
  async ofProducts(productIds: readonly number[]): Promise<{ productId: number; category: Category }[]> {
    if (!productIds.length) return [];
    const links = await this.tx.manager.findBy(ProductCategory, { productId: In([...productIds]) });
    if (!links.length) return [];
    const tree = await this.tree();
    return links
      .map((l) => ({ productId: l.productId, category: tree.get(l.categoryId)! }))
      .filter((l) => l.category)
      .sort((a, b) => tree.rank(a.category.id) - tree.rank(b.category.id));
  }

  async create(input: CategoryInput): Promise<Category> {
    return this.unique(input, () =>
      this.tx.run(async (m) => {
        const parentId = await this.parentFor(input.parentId, null);
        const slug = input.slug ?? (await this.freeSlug(slugify(input.name)));
        const category = m.create(Category, { name: input.name.trim(), slug, parentId, position: input.position ?? 0 });
        await m.save(category);
        return category;
      }),
    );
  }

  async update(id: string, input: CategoryInput): Promise<Category> {
    return this.unique(input, () =>
      this.tx.run(async (m) => {
        const category = await this.find(id);
        const parentId = await this.parentFor(input.parentId, category.id);
        await m.update(
          Category,
          { id: category.id },
          { name: input.name.trim(), slug: input.slug ?? category.slug, parentId, position: input.position ?? category.position },
        );
        return (await m.findOneBy(Category, { id: category.id }))!;
      }),
    );
  }

  /** Deletes an empty branch: a category with subcategories must have them moved or deleted first. Its products stay. */
  async delete(id: string): Promise<boolean> {
    return this.tx.run(async (m) => {
      const category = await this.find(id);
      if (await m.existsBy(Category, { parentId: category.id }))
        throw badInput("id", `${category.name} has subcategories: move or delete them first`);
      await m.delete(ProductCategory, { categoryId: category.id });
      await m.delete(Category, { id: category.id });
      return true;
    });
  }

  /** Puts a product in exactly these categories (in the caller's transaction). */
  async setForProduct(productId: number, categoryIds: readonly string[]): Promise<void> {
    const ids = [...new Set(categoryIds.map((c) => Number(c)))];
    if (ids.length > MAX_PRODUCT_CATEGORIES)
      throw badInput("categoryIds", `A product can be in ${MAX_PRODUCT_CATEGORIES} categories at most`);
    if (ids.some((i) => !Number.isSafeInteger(i) || i < 1)) throw badInput("categoryIds", "Unknown category");
    await this.tx.run(async (m) => {
      const found = ids.length ? await m.countBy(Category, { id: In(ids) }) : 0;
      if (found !== ids.length) throw badInput("categoryIds", "Unknown category");
      await m.delete(ProductCategory, { productId });
      if (ids.length)
        await m.insert(
          ProductCategory,
          ids.map((categoryId) => ({ productId, categoryId })),
        );
    });
  }

  /** Puts a product in one more category (nothing if it is in it already). */
  async addProduct(productId: number, categoryId: number): Promise<void> {
    await this.tx.run(async (m) => {
      if (!(await m.existsBy(ProductCategory, { productId, categoryId }))) await m.insert(ProductCategory, { productId, categoryId });
    });
  }

  /** A product's links go with it (deleting a product). */
  async forgetProduct(productId: number): Promise<void> {
    await this.tx.run((m) => m.delete(ProductCategory, { productId }));
  }

  private async find(id: string): Promise<Category> {
    const numeric = /^\d{1,9}$/.test(id) ? Number(id) : NaN;
    const category = Number.isNaN(numeric) ? null : await this.tx.manager.findOneBy(Category, { id: numeric });
    if (!category) throw notFound("Category", id);
    return category;
  }

  /** The parent's id, checked: it exists, and isn't the category itself or below it (no cycles). */
  private async parentFor(parentId: string | null, self: number | null): Promise<number | null> {
    if (parentId === null || parentId === undefined || parentId === "") return null;
    const parent = /^\d{1,9}$/.test(parentId) ? await this.tx.manager.findOneBy(Category, { id: Number(parentId) }) : null;
    if (!parent) throw badInput("parentId", "Unknown parent category");
    if (self !== null && (await this.tree()).withDescendants(self).includes(parent.id))
      throw badInput("parentId", "A category can't be placed inside itself or its own subcategories");
    return parent.id;
  }

  /** The slug, or the first of slug-2, slug-3, … that no category has. */
  private async freeSlug(base: string): Promise<string> {
    const taken = new Set(
      (
        await this.tx.manager
          .createQueryBuilder(Category, "c")
          .select("c.slug", "slug")
          .where("c.slug = :base OR c.slug LIKE :like", { base, like: `${base}-%` })
          .getRawMany<{ slug: string }>()
      ).map((r) => r.slug),
    );
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  private async unique<T>(input: CategoryInput, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error))
        throw badInput("slug", `Another category already has the address "${input.slug ?? slugify(input.name)}"`);
      throw error;
    }
  }
}
