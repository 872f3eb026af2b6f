import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { connectStore } from "../../server/modules";
import { runCli } from "../helpers/cli";
import type { ShopperClient } from "../helpers/client";
import { adminClient, describeEachEngine, engines, scratchDatabase } from "../helpers/test-server";

const CREATE = `mutation($input: CategoryInput!) { createCategory(input: $input) { id slug name position parent { slug } } }`;
const UPDATE = `mutation($id: ID!, $input: CategoryInput!) { updateCategory(id: $id, input: $input) { id slug name parent { slug } } }`;
const DELETE = `mutation($id: ID!) { deleteCategory(id: $id) }`;
const UPDATE_PRODUCT = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id categories { slug } } }`;
const TREE = `query { categories { slug name children { slug name parent { slug } children { slug } } } }`;
const PRODUCTS = `query($category: String, $search: String, $first: Int, $after: String) {
  products(category: $category, search: $search, first: $first, after: $after) { totalCount nodes { sku categories { slug } } pageInfo { hasNextPage endCursor } } }`;
const CATEGORY = `query($slug: String!, $first: Int, $after: String) { category(slug: $slug) { name parent { name }
  products(first: $first, after: $after) { totalCount nodes { sku } pageInfo { hasNextPage endCursor } } } }`;

describeEachEngine("categories", (server) => {
  let admin: ShopperClient;
  let ids: Record<string, string>;
  const cat: Record<string, string> = {};

  beforeAll(async () => {
    admin = await adminClient(server(), "cats@example.com");
    ids = await server().seed([
      { sku: "SENCHA", name: "Sencha" },
      { sku: "MATCHA", name: "Matcha whisk" },
      { sku: "ASSAM", name: "Assam" },
      { sku: "POT", name: "Teapot" },
      { sku: "GIFT", name: "Gift box of green tea" },
    ]);
    for (const [key, input] of [
      ["tea", { name: "Tea", position: 1 }],
      ["gifts", { name: "Gifts & Hampers", position: 2 }],
    ] as const) {
      cat[key] = (await admin.ok(CREATE, { input })).createCategory.id;
    }
    cat.green = (await admin.ok(CREATE, { input: { name: "Green tea", parentId: cat.tea } })).createCategory.id;
    cat.black = (await admin.ok(CREATE, { input: { name: "Black tea", parentId: cat.tea, position: -1 } })).createCategory.id;
    for (const [sku, cats] of [
      ["SENCHA", ["green"]],
      ["MATCHA", ["green"]],
      ["ASSAM", ["black"]],
      ["GIFT", ["green", "gifts"]],
    ] as const) {
      await admin.ok(UPDATE_PRODUCT, { id: ids[sku], input: { categoryIds: cats.map((c) => cat[c]) } });
    }
  });

  test("the tree comes in order with slugs made from the names; a product can be in several categories", async () => {
    const { categories } = await server().client().ok(TREE);
    expect(categories).toEqual([
      {
        slug: "tea",
        name: "Tea",
        children: [
          { slug: "black-tea", name: "Black tea", parent: { slug: "tea" }, children: [] },
          { slug: "green-tea", name: "Green tea", parent: { slug: "tea" }, children: [] },
        ],
      },
      { slug: "gifts-hampers", name: "Gifts & Hampers", children: [] },
    ]);
    const { products } = await server().client().ok(PRODUCTS, { search: "gift box" });
    // In the tree's order, read top to bottom.
    expect(products.nodes).toEqual([{ sku: "GIFT", categories: [{ slug: "green-tea" }, { slug: "gifts-hampers" }] }]);
  });

  test("a category lists its products and its subcategories' products, a page at a time; drafts never show", async () => {
    const page1 = (await server().client().ok(CATEGORY, { slug: "tea", first: 2 })).category;
    expect(page1.name).toBe("Tea");
    expect(page1.products.totalCount).toBe(4);
    expect(page1.products.pageInfo.hasNextPage).toBe(true);
    const page2 = (await server().client().ok(CATEGORY, { slug: "tea", first: 2, after: page1.products.pageInfo.endCursor })).category;
    const all = [...page1.products.nodes, ...page2.products.nodes].map((p: { sku: string }) => p.sku).sort();
    expect(all).toEqual(["ASSAM", "GIFT", "MATCHA", "SENCHA"]);
    expect(page2.products.pageInfo.hasNextPage).toBe(false);

    await admin.ok(`mutation($id: ID!) { updateProduct(id: $id, input: { status: DRAFT }) { id } }`, { id: ids.MATCHA });
    try {
      const green = (await server().client().ok(CATEGORY, { slug: "green-tea" })).category;
      expect(green.products.nodes.map((p: { sku: string }) => p.sku).sort()).toEqual(["GIFT", "SENCHA"]);
      expect(green.parent).toEqual({ name: "Tea" });
    } finally {
      await admin.ok(`mutation($id: ID!) { updateProduct(id: $id, input: { status: ACTIVE }) { id } }`, { id: ids.MATCHA });
    }
  });

  test("search can be narrowed to a category; an unknown category is NOT_FOUND, and an unknown slug has no category", async () => {
    const shopper = server().client();
    const green = await shopper.ok(PRODUCTS, { category: "green-tea", search: "a" });
    expect(green.products.nodes.map((p: { sku: string }) => p.sku).sort()).toEqual(["GIFT", "MATCHA", "SENCHA"]);
    const black = await shopper.ok(PRODUCTS, { category: "black-tea", search: "sencha" });
    expect(black.products).toMatchObject({ totalCount: 0, nodes: [] });
    expect(await shopper.fails(PRODUCTS, { category: "no-such-thing" })).toMatchObject({ code: "NOT_FOUND" });
    expect((await shopper.ok(CATEGORY, { slug: "no-such-thing" })).category).toBeNull();
  });

  test("the owner's edits are checked: a taken slug, a bad slug, a move into its own branch, deleting a branch with children", async () => {
    expect(await admin.fails(CREATE, { input: { name: "Tea again", slug: "tea" } })).toMatchObject({
      code: "BAD_USER_INPUT",
      extensions: { field: "slug" },
    });
    expect(await admin.fails(CREATE, { input: { name: "Bad", slug: "Not A Slug" } })).toMatchObject({ code: "BAD_USER_INPUT" });
    // A second "Tea" by name alone gets the next free slug.
    const second = (await admin.ok(CREATE, { input: { name: "Tea" } })).createCategory;
    expect(second.slug).toBe("tea-2");
    expect(await admin.fails(UPDATE, { id: cat.tea, input: { name: "Tea", parentId: cat.green } })).toMatchObject({
      code: "BAD_USER_INPUT",
      extensions: { field: "parentId" },
    });
    expect(await admin.fails(DELETE, { id: cat.tea })).toMatchObject({ code: "BAD_USER_INPUT", extensions: { field: "id" } });
    // Moving "Green tea" under the second Tea, then deleting that empty one is refused until it's moved back.
    const moved = (await admin.ok(UPDATE, { id: cat.green, input: { name: "Green tea", parentId: second.id } })).updateCategory;
    expect(moved.parent).toEqual({ slug: "tea-2" });
    await admin.ok(UPDATE, { id: cat.green, input: { name: "Green tea", parentId: cat.tea } });
    expect(await admin.ok(DELETE, { id: second.id })).toEqual({ deleteCategory: true });
    expect((await server().client().ok(CATEGORY, { slug: "tea-2" })).category).toBeNull();
    // Unknown categories for a product are refused, and nothing changes.
    expect(await admin.fails(UPDATE_PRODUCT, { id: ids.POT, input: { categoryIds: ["999999"] } })).toMatchObject({
      code: "BAD_USER_INPUT",
      extensions: { field: "categoryIds" },
    });
  });

  const links = async (where: string, value: string) =>
    Number((await server().dataSource.query(`SELECT COUNT(*) AS n FROM product_category WHERE ${where} = ?`, [Number(value)]))[0].n);

  test("deleting a category keeps its products in the shop, and deleting a product its links; guests and customers can't edit", async () => {
    const temp = (await admin.ok(CREATE, { input: { name: "Seasonal" } })).createCategory;
    await admin.ok(UPDATE_PRODUCT, { id: ids.POT, input: { categoryIds: [temp.id, cat.gifts] } });
    await admin.ok(DELETE, { id: temp.id });
    expect(await links("category_id", temp.id)).toBe(0);
    const { products } = await server().client().ok(PRODUCTS, { search: "teapot" });
    expect(products.nodes).toEqual([{ sku: "POT", categories: [{ slug: "gifts-hampers" }] }]);
    expect(await admin.ok(`mutation($id: ID!) { deleteProduct(id: $id) }`, { id: ids.POT })).toEqual({ deleteProduct: true });
    expect(await links("product_id", ids.POT)).toBe(0);

    const customer = server().client();
    await customer.ok(
      `mutation { register(input: { email: "shopper-cats@example.com", name: "Cleo", password: "violet kettle umbrella 7" }) { id } }`,
    );
    for (const [query, variables] of [
      [CREATE, { input: { name: "Nope" } }],
      [UPDATE, { id: cat.tea, input: { name: "Nope" } }],
      [DELETE, { id: cat.gifts }],
    ] as const) {
      expect((await server().client().fails(query, variables)).code).toBe("UNAUTHENTICATED");
      expect((await customer.fails(query, variables)).code).toBe("FORBIDDEN");
    }
  });

  test("siblings come by position, then by name whatever the case; an update keeps what it leaves out", async () => {
    const shelf = (await admin.ok(CREATE, { input: { name: "Shelf", position: 9 } })).createCategory;
    for (const name of ["banana", "Apple", "cherry"]) await admin.ok(CREATE, { input: { name, parentId: shelf.id, position: 1 } });
    const tree = (await server().client().ok(TREE)).categories;
    expect(tree.find((c: { slug: string }) => c.slug === "shelf").children.map((c: { name: string }) => c.name)).toEqual([
      "Apple",
      "banana",
      "cherry",
    ]);
    const renamed = (await admin.ok(UPDATE, { id: cat.green, input: { name: "Green teas" } })).updateCategory;
    expect(renamed).toMatchObject({ name: "Green teas", slug: "green-tea", parent: { slug: "tea" } });
    const { category } = await server().client().ok(`query { category(slug: "green-tea") { position parent { slug } } }`);
    expect(category).toEqual({ position: 0, parent: { slug: "tea" } });
    await admin.ok(UPDATE, { id: cat.green, input: { name: "Green tea" } });
  });

  test("two moves at once can't make a loop: one of 'A under B' and 'B under A' is refused", async () => {
    const a = (await admin.ok(CREATE, { input: { name: "Loop A" } })).createCategory.id;
    const b = (await admin.ok(CREATE, { input: { name: "Loop B" } })).createCategory.id;
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all([
        admin.gql(UPDATE, { id: a, input: { name: "Loop A", parentId: b } }),
        admin.gql(UPDATE, { id: b, input: { name: "Loop B", parentId: a } }),
      ]);
      expect(results.filter((r) => r.errors?.[0]?.extensions?.code === "BAD_USER_INPUT")).toHaveLength(1);
      // Back to the top for the next round; the tree still reads (a loop would never end).
      await admin.ok(UPDATE, { id: a, input: { name: "Loop A", parentId: null } });
      await admin.ok(UPDATE, { id: b, input: { name: "Loop B", parentId: null } });
      expect((await server().client().ok(TREE)).categories.length).toBeGreaterThan(0);
    }
  });

  test("categories go five levels deep at most, moves of whole branches included", async () => {
    let parent: string | null = null;
    const chain: string[] = [];
    for (let level = 0; level < 5; level++) {
      const made: { id: string } = (await admin.ok(CREATE, { input: { name: `Level ${level}`, parentId: parent } })).createCategory;
      chain.push(made.id);
      parent = made.id;
    }
    expect(await admin.fails(CREATE, { input: { name: "Level 5", parentId: parent } })).toMatchObject({
      code: "BAD_USER_INPUT",
      extensions: { field: "parentId" },
    });
    // A two-level branch can't go under level 3 either.
    const branch = (await admin.ok(CREATE, { input: { name: "Branch" } })).createCategory.id;
    await admin.ok(CREATE, { input: { name: "Twig", parentId: branch } });
    expect((await admin.fails(UPDATE, { id: branch, input: { name: "Branch", parentId: chain[3] } })).extensions.field).toBe("parentId");
    await admin.ok(UPDATE, { id: branch, input: { name: "Branch", parentId: chain[2] } });
  });

  test("the CSV import puts products in categories by slug, reports unknown ones by row and writes nothing; the export round-trips", async () => {
    const IMPORT = `mutation($csv: String!) { importProductsCsv(csv: $csv) { created updated } }`;
    const bad = await admin.fails(IMPORT, {
      csv: "sku,name,description,price,stock,categories\nCSV-OOLONG,Oolong,,9.50,4,green-tea|oolong\nCSV-DARJ,Darjeeling,,8.00,3,Black Tea\n",
    });
    expect(bad.code).toBe("BAD_USER_INPUT");
    expect(bad.extensions.problems).toEqual([
      { row: 3, field: "categories", message: expect.stringContaining('"black tea" is not a category slug') },
    ]);
    const unknown = await admin.fails(IMPORT, {
      csv: "sku,name,description,price,stock,categories\nCSV-OOLONG,Oolong,,9.50,4,green-tea|oolong\n",
    });
    expect(unknown.extensions.problems).toEqual([{ row: 2, field: "categories", message: 'names no category: "oolong"' }]);
    expect((await server().client().ok(PRODUCTS, { search: "oolong" })).products.totalCount).toBe(0);

    await admin.ok(IMPORT, { csv: "sku,name,description,price,stock,categories\nCSV-OOLONG,Oolong,,9.50,4,green-tea|black-tea\n" });
    const { products } = await server().client().ok(PRODUCTS, { search: "oolong" });
    expect(products.nodes).toEqual([{ sku: "CSV-OOLONG", categories: [{ slug: "black-tea" }, { slug: "green-tea" }] }]);
    // A file without the column leaves the categories as they are.
    await admin.ok(IMPORT, { csv: "sku,name,description,price,stock\nCSV-OOLONG,Oolong tea,,9.50,4\n" });
    expect((await server().client().ok(PRODUCTS, { search: "oolong" })).products.nodes[0].categories).toHaveLength(2);

    const cookie = { cookie: `sw_session=${admin.cookies.get("sw_session")}` };
    const csv = await (await fetch(`${server().url}/api/admin/export/products.csv`, { headers: cookie })).text();
    expect(csv).toContain("CSV-OOLONG,Oolong tea,,9.50,4,ACTIVE,black-tea|green-tea");
    expect(csv).toMatch(/GIFT,.*,green-tea\|gifts-hampers/);
  });

  test("a page of products with their categories costs the same few queries whatever its size (no N+1)", async () => {
    const count = async (first: number) => {
      const before = server().queries();
      await server()
        .client()
        .ok(`query($first: Int) { products(first: $first) { nodes { sku categories { slug name parent { slug } } } } }`, { first });
      return server().queries() - before;
    };
    expect(await count(5)).toBe(await count(1));
  });
});

describeEachEngine(
  "demo categories",
  (server) => {
    test("the demo catalog comes with its category tree, each product in its place", async () => {
      await server().app.services.catalogIo.seedDemoIfEmpty();
      const { categories } = await server().client().ok(`query { categories { slug children { slug } } }`);
      expect(categories.map((c: { slug: string }) => c.slug)).toEqual(["tea", "teapots-kettles", "tableware", "apparel", "home"]);
      expect(categories[2].children.map((c: { slug: string }) => c.slug)).toEqual(["mugs", "bowls", "plates-boards"]);
      const mugs = (await server().client().ok(CATEGORY, { slug: "mugs" })).category;
      expect(mugs.products.totalCount).toBeGreaterThan(0);
      const tableware = (await server().client().ok(CATEGORY, { slug: "tableware" })).category;
      expect(tableware.products.totalCount).toBeGreaterThan(mugs.products.totalCount);
      // Loading it again (npm run seed) adds nothing twice.
      await server().app.services.catalogIo.loadDemo();
      expect((await server().client().ok(CATEGORY, { slug: "mugs" })).category.products.totalCount).toBe(mugs.products.totalCount);
      expect((await server().client().ok(`query { categories { slug } }`)).categories).toHaveLength(5);
    });
  },
  {},
);

describe.each(engines)("npm run seed with categories [%s]", (engine) => {
  test("a catalog file names each product's categories by slug; an unknown one is reported by row and nothing is written", async () => {
    const scratch = await scratchDatabase(engine);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sw-seed-cat-"));
    try {
      // The demo catalog first (it brings the demo's categories), then a file that uses them.
      expect((await runCli("scripts/seed.js", [], { DATABASE_URL: scratch.url })).code).toBe(0);
      const bad = path.join(dir, "bad.json");
      fs.writeFileSync(bad, JSON.stringify([{ sku: "NEW-MUG", name: "New mug", price: 900, stock: 3, categories: ["mugs", "cups"] }]));
      const refused = await runCli("scripts/seed.js", ["--file", bad], { DATABASE_URL: scratch.url });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('row 0, categories: names no category: "cups"');
      const good = path.join(dir, "good.json");
      fs.writeFileSync(good, JSON.stringify([{ sku: "NEW-MUG", name: "New mug", price: 900, stock: 3, categories: ["mugs", "home"] }]));
      expect((await runCli("scripts/seed.js", ["--file", good], { DATABASE_URL: scratch.url })).stdout).toMatch(/created 1, updated 0/);
      const ds = await connectStore(scratch.db, { withoutMigrations: true });
      try {
        const rows = await ds.query(
          "SELECT c.slug FROM product_category pc JOIN category c ON c.id = pc.category_id JOIN product p ON p.id = pc.product_id WHERE p.sku = 'NEW-MUG' ORDER BY c.slug",
        );
        expect(rows.map((r: { slug: string }) => r.slug)).toEqual(["home", "mugs"]);
      } finally {
        await ds.destroy();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await scratch.drop();
    }
  });
});
