import { In } from "typeorm";
import { isUniqueViolation, type Transactions } from "../db/transaction";
import { AppError, badInput, notFound } from "../graphql/errors";
import { Category, ProductCategory } from "./category.entity";
import type { CategoryInput } from "./category.inputs";
import { MAX_DEPTH, MAX_PRODUCT_CATEGORIES, slugify } from "./category-rules";
import { Product } from "./product.entity";

const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

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
          if (this.ranks!.has(c.id)) continue;
          this.ranks!.set(c.id, this.ranks!.size);
          visit(c.id);
        }
      };
      visit(null);
    }
    return this.ranks.get(id) ?? Number.MAX_SAFE_INTEGER;
  }
  private ranks?: Map<number, number>;

  /** The category and everything below it (each once, whatever the data holds). */
  withDescendants(id: number): number[] {
    const ids = [id];
    const seen = new Set(ids);
    for (let i = 0; i < ids.length; i++) {
      for (const c of this.childrenOf(ids[i])) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        ids.push(c.id);
      }
    }
    return ids;
  }

  /** How many levels are above it (0 at the top). */
  depth(id: number): number {
    let depth = 0;
    for (let c = this.get(id); c?.parentId != null && depth <= MAX_DEPTH; c = this.get(c.parentId)) depth++;
    return depth;
  }

  /** How many levels its branch has below it (0 without subcategories). */
  height(id: number, seen = new Set<number>()): number {
    seen.add(id);
    const below = this.childrenOf(id).filter((c) => !seen.has(c.id));
    return below.length ? 1 + Math.max(...below.map((c) => this.height(c.id, seen))) : 0;
  }
}

/** The catalog's categories: a tree the owner edits, and which products are in which. */
export class CategoryService {
  constructor(private readonly tx: Transactions) {}

  /** Every category, siblings by position then name. */
  async tree(): Promise<CategoryTree> {
    // Sorted here, not by the database: SQLite and MariaDB compare names differently (case).
    const all = await this.tx.manager.find(Category);
    return new CategoryTree(all.sort((a, b) => a.position - b.position || byName.compare(a.name, b.name) || a.id - b.id));
  }

  /** A category by its address; none for a slug longer than any can be (100), without asking the database. */
  bySlug(slug: string): Promise<Category | null> {
    if (slug.length > 100) return Promise.resolve(null);
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
    // A slug made from the name that a parallel create took a moment ago: the next free one, a few times.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.unique(input, () =>
          this.tx.run(async (m) => {
            await this.lockTree();
            const parentId = await this.parentFor(input.parentId ?? null, null);
            const slug = input.slug ?? (await this.freeSlug(slugify(input.name)));
            const category = m.create(Category, { name: input.name.trim(), slug, parentId, position: input.position ?? 0 });
            await m.save(category);
            return category;
          }),
        );
      } catch (error) {
        if (input.slug || attempt >= 3 || !(error instanceof AppError && error.extensions.field === "slug")) throw error;
      }
    }
  }

  async update(id: string, input: CategoryInput): Promise<Category> {
    return this.unique(input, () =>
      this.tx.run(async (m) => {
        await this.lockTree();
        const category = await this.find(id);
        const parentId = input.parentId === undefined ? category.parentId : await this.parentFor(input.parentId, category.id);
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
      await this.lockTree();
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
      // The product's row, locked: two saves of its categories replace them one after the other.
      await this.tx.lockForUpdate(m.createQueryBuilder(Product, "p").select("p.id").where("p.id = :productId", { productId })).getOne();
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

  /**
   * Every category row locked for the rest of the transaction (MySQL; SQLite has one writer): tree edits go one
   * at a time, so two moves can't each pass the cycle check and make a loop together, nor a child be added
   * under a category being deleted. A shop edits its tree rarely; reads never wait.
   */
  private async lockTree(): Promise<void> {
    await this.tx.lockForUpdate(this.tx.manager.createQueryBuilder(Category, "c").select("c.id")).getMany();
  }

  /**
   * The parent's id, checked: it exists, isn't the category itself or below it (no cycles), and the branch
   * stays within MAX_DEPTH.
   */
  private async parentFor(parentId: string | null, self: number | null): Promise<number | null> {
    if (parentId === null || parentId === "") return null;
    const parent = /^\d{1,9}$/.test(parentId) ? await this.tx.manager.findOneBy(Category, { id: Number(parentId) }) : null;
    if (!parent) throw badInput("parentId", "Unknown parent category");
    const tree = await this.tree();
    if (self !== null && tree.withDescendants(self).includes(parent.id))
      throw badInput("parentId", "A category can't be placed inside itself or its own subcategories");
    if (tree.depth(parent.id) + 1 + (self === null ? 0 : tree.height(self)) > MAX_DEPTH)
      throw badInput("parentId", `Categories go ${MAX_DEPTH + 1} levels deep at most; choose a parent higher up`);
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
