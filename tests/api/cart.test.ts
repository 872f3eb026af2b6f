import { describeEachEngine } from "../helpers/test-server";
import { ADD, CART, REMOVE, UPDATE } from "../helpers/operations";

describeEachEngine("cart", (server) => {
  let ids: Record<string, string>;

  beforeAll(async () => {
    ids = await server().seed([
      { sku: "CUP", name: "Cup", price: 1250, stock: 5 },
      { sku: "POT", name: "Pot", price: 3000, stock: 2 },
      { sku: "GONE", name: "Gone", price: 900, stock: 0 },
      { sku: "BIG", name: "Big", price: 100, stock: 5000 },
      { sku: "GOLD", name: "Gold Teapot", price: 10_000_000, stock: 500 },
    ]);
  });

  test("a new visitor sees an empty cart, and asking creates no session", async () => {
    const shopper = server().client();
    const result = await shopper.gql(CART);
    expect(result.data.cart).toMatchObject({ id: "empty", lines: [], totalQuantity: 0, total: { amount: 0, currency: "USD" } });
    expect(result.headers.get("set-cookie")).toBeNull();
    expect(result.headers.get("shopwright-session")).toBeNull();
  });

  test("the first addToCart starts a session with an HttpOnly, SameSite=Lax cookie; a browser never sees the token", async () => {
    const shopper = server().client();
    const result = await shopper.gql(ADD, { productId: ids.CUP, quantity: 2 });
    expect(result.errors).toBeUndefined();
    const cookie = result.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^sw_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    // The token stays in the HttpOnly cookie, out of scripts' reach: only clients that ask get it as a header.
    expect(result.headers.get("shopwright-session")).toBeNull();

    const again = await shopper.gql(ADD, { productId: ids.POT, quantity: 1 });
    expect(again.headers.get("set-cookie")).toBeNull(); // the session is kept, not replaced
    expect(again.data.addToCart.lines.map((l: any) => l.product.name)).toEqual(["Cup", "Pot"]);
  });

  test("adding a product already in the cart raises that line's quantity and the totals follow", async () => {
    const shopper = server().client();
    await shopper.ok(ADD, { productId: ids.CUP, quantity: 1 });
    const { addToCart: cart } = await shopper.ok(ADD, { productId: ids.CUP, quantity: 2 });
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]).toMatchObject({ quantity: 3, unitPrice: { amount: 1250, currency: "USD" }, lineTotal: { amount: 3750 } });
    // Defaults: 4.99 flat shipping below 50.00, no tax.
    expect(cart).toMatchObject({
      totalQuantity: 3,
      subtotal: { amount: 3750 },
      shipping: { amount: 499 },
      tax: { amount: 0 },
      total: { amount: 4249 },
    });
  });

  test("shipping is free from the threshold on", async () => {
    const shopper = server().client();
    const { addToCart: cart } = await shopper.ok(ADD, { productId: ids.CUP, quantity: 4 });
    expect(cart).toMatchObject({ subtotal: { amount: 5000 }, shipping: { amount: 0 }, total: { amount: 5000 } });
  });

  test("a client without cookies asks for a token (Shopwright-Session: bearer) and keeps its cart with it", async () => {
    const shopper = server().client({ cookies: false });
    const first = await shopper.gql(ADD, { productId: ids.POT, quantity: 1 });
    shopper.bearer = first.headers.get("shopwright-session")!;
    expect(shopper.bearer).toMatch(/^[\w-]{40,}$/);
    const { cart } = await shopper.ok(CART);
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0].product.name).toBe("Pot");
  });

  test("one shopper never sees another's cart, and can't change its lines", async () => {
    const alice = server().client();
    const bob = server().client();
    const { addToCart } = await alice.ok(ADD, { productId: ids.CUP, quantity: 1 });
    const aliceLine = addToCart.lines[0].id;
    await bob.ok(ADD, { productId: ids.POT, quantity: 1 });

    const bobCart = (await bob.ok(CART)).cart;
    expect(bobCart.lines.map((l: any) => l.product.name)).toEqual(["Pot"]);
    expect(bobCart.id).not.toBe(addToCart.id);

    expect((await bob.fails(UPDATE, { lineId: aliceLine, quantity: 3 })).code).toBe("NOT_FOUND");
    expect((await bob.fails(REMOVE, { lineId: aliceLine })).code).toBe("NOT_FOUND");
    expect((await server().client().fails(REMOVE, { lineId: aliceLine })).code).toBe("NOT_FOUND");
    expect((await alice.ok(CART)).cart.lines[0].quantity).toBe(1);
  });

  test("updateQuantity sets the quantity, and 0 removes the line", async () => {
    const shopper = server().client();
    const { addToCart } = await shopper.ok(ADD, { productId: ids.CUP, quantity: 1 });
    await shopper.ok(ADD, { productId: ids.POT, quantity: 1 });
    const lineId = addToCart.lines[0].id;

    const { updateQuantity } = await shopper.ok(UPDATE, { lineId, quantity: 4 });
    expect(updateQuantity.lines.find((l: any) => l.id === lineId).quantity).toBe(4);
    expect(updateQuantity.subtotal.amount).toBe(4 * 1250 + 3000);

    const removed = await shopper.ok(UPDATE, { lineId, quantity: 0 });
    expect(removed.updateQuantity.lines.map((l: any) => l.product.name)).toEqual(["Pot"]);
  });

  test("removeFromCart removes the line; the cart then says it is empty", async () => {
    const shopper = server().client();
    const { addToCart } = await shopper.ok(ADD, { productId: ids.CUP });
    const { removeFromCart } = await shopper.ok(REMOVE, { lineId: addToCart.lines[0].id });
    expect(removeFromCart).toMatchObject({ lines: [], totalQuantity: 0, shipping: { amount: 0 }, total: { amount: 0 } });
    expect((await shopper.fails(REMOVE, { lineId: addToCart.lines[0].id })).code).toBe("NOT_FOUND");
  });

  test("a quantity outside 1–999 is BAD_USER_INPUT naming the field, and the cart stays as it was", async () => {
    const shopper = server().client();
    const { addToCart } = await shopper.ok(ADD, { productId: ids.BIG, quantity: 2 });
    const lineId = addToCart.lines[0].id;

    for (const quantity of [0, -1, 1000]) {
      const error = await shopper.fails(ADD, { productId: ids.BIG, quantity });
      expect(error).toMatchObject({ code: "BAD_USER_INPUT", extensions: { field: "quantity" } });
    }
    for (const quantity of [-1, 1000]) {
      expect((await shopper.fails(UPDATE, { lineId, quantity })).code).toBe("BAD_USER_INPUT");
    }
    // Adding to a line may not take it past 999 either.
    await shopper.ok(UPDATE, { lineId, quantity: 998 });
    expect((await shopper.fails(ADD, { productId: ids.BIG, quantity: 2 })).code).toBe("BAD_USER_INPUT");
    expect((await shopper.ok(CART)).cart.lines).toEqual([expect.objectContaining({ id: lineId, quantity: 998 })]);
  });

  test("the cart can never hold more than the stock: OUT_OF_STOCK, and the line is unchanged", async () => {
    const shopper = server().client();
    const { addToCart } = await shopper.ok(ADD, { productId: ids.POT, quantity: 2 });
    const error = await shopper.fails(ADD, { productId: ids.POT, quantity: 1 });
    expect(error).toMatchObject({ code: "OUT_OF_STOCK", extensions: { productId: ids.POT, available: 2 } });
    expect((await shopper.fails(UPDATE, { lineId: addToCart.lines[0].id, quantity: 3 })).code).toBe("OUT_OF_STOCK");
    expect((await shopper.fails(ADD, { productId: ids.GONE })).message).toMatch(/sold out/);
    expect((await shopper.ok(CART)).cart.lines).toEqual([expect.objectContaining({ quantity: 2 })]);
  });

  test("a cart can't grow past the largest total the store takes (totals must fit), and stays as it was", async () => {
    const shopper = server().client();
    await shopper.ok(ADD, { productId: ids.GOLD, quantity: 100 });
    const error = await shopper.fails(ADD, { productId: ids.GOLD, quantity: 1 });
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", extensions: { field: "quantity" } });
    const { cart } = await shopper.ok(CART);
    expect(cart.lines).toHaveLength(1);
    expect(cart.subtotal.amount).toBe(1_000_000_000);
    expect((await shopper.fails(UPDATE, { lineId: cart.lines[0].id, quantity: 101 })).code).toBe("BAD_USER_INPUT");
  });

  test("a malformed session cookie is treated as no session, and the next add starts a fresh one", async () => {
    const shopper = server().client();
    shopper.cookies.set("sw_session", "%E0%A4%A");
    expect((await shopper.ok(CART)).cart.id).toBe("empty");
    const result = await shopper.gql(ADD, { productId: ids.CUP });
    expect(result.errors).toBeUndefined();
    expect(result.headers.get("set-cookie")).toMatch(/^sw_session=[\w-]{40,};/);
    expect((await shopper.ok(CART)).cart.totalQuantity).toBe(1);
  });

  test("an unknown product is NOT_FOUND and creates no session", async () => {
    const shopper = server().client();
    for (const productId of ["999999", "not-an-id"]) {
      const result = await shopper.gql(ADD, { productId });
      expect(result.errors?.[0].extensions?.code).toBe("NOT_FOUND");
      expect(result.headers.get("set-cookie")).toBeNull();
    }
    expect((await shopper.ok(CART)).cart.lines).toEqual([]);
  });

  test("a second server process on the same database serves the same shopper", async () => {
    const twin = await server().twin();
    const shopper = server().client();
    await shopper.ok(ADD, { productId: ids.CUP, quantity: 2 });
    const sameShopper = twin.client();
    sameShopper.cookies.set("sw_session", shopper.cookies.get("sw_session")!);
    const { cart } = await sameShopper.ok(CART);
    expect(cart.lines).toEqual([expect.objectContaining({ quantity: 2, product: expect.objectContaining({ name: "Cup" }) })]);
  });

  test("a forged or unknown session token is treated as no session", async () => {
    const shopper = server().client();
    shopper.cookies.set("sw_session", "forged-token-that-matches-nothing");
    expect((await shopper.ok(CART)).cart.id).toBe("empty");
  });
});
