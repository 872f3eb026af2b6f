/**
 * The composition root: the one list of entities, the services wired once per process, and the one list
 * of resolvers. Only this file, app.ts, main.ts and scripts/ know every feature; features reach each other
 * through services passed in here, and db/ and graphql/ know no feature at all.
 */
import "reflect-metadata";
import type { DataSource } from "typeorm";
import { AccountResolver } from "./accounts/account.resolver";
import { AccountService } from "./accounts/account.service";
import { Customer } from "./accounts/customer.entity";
import { LoginThrottle } from "./accounts/login-throttle.entity";
import { LoginThrottleService } from "./accounts/login-throttle.service";
import { DashboardResolver } from "./admin/dashboard.resolver";
import { DashboardService } from "./admin/dashboard.service";
import { CartLineEntity } from "./cart/cart-line.entity";
import { CartEntity } from "./cart/cart.entity";
import { CartResolver } from "./cart/cart.resolver";
import { CartService } from "./cart/cart.service";
import { DiscountCode, DiscountRedemption } from "./discounts/discount-code.entity";
import { DiscountResolver } from "./discounts/discount.resolver";
import { DiscountService } from "./discounts/discount.service";
import { ShippingRate, ShippingZone, TaxRate } from "./shipping/shipping.entity";
import { ShippingResolver } from "./shipping/shipping.resolver";
import { ShippingService } from "./shipping/shipping.service";
import { formatMoney } from "../common/money";
import { AdminProductResolver } from "./catalog/admin-product.resolver";
import { CatalogIoService } from "./catalog/catalog-io.service";
import { CatalogService } from "./catalog/catalog.service";
import { DEMO_DISCOUNT_CODES, DEMO_SHIPPING } from "./catalog/demo-catalog";
import { ProductAdminService } from "./catalog/product-admin.service";
import { ProductImage } from "./catalog/product-image.entity";
import { Category, ProductCategory } from "./catalog/category.entity";
import { CategoryResolver, ProductCategoriesResolver } from "./catalog/category.resolver";
import { CategoryService } from "./catalog/category.service";
import { Product } from "./catalog/product.entity";
import { ProductResolver, VariantResolver } from "./catalog/product.resolver";
import { ProductVariant } from "./catalog/variant.entity";
import { VariantService } from "./catalog/variant.service";
import { ShopResolver } from "./catalog/shop.resolver";
import { loadConfig, type Config, type DatabaseConfig } from "./config";
import { createDataSource, type CreateDataSourceOptions } from "./db/data-source";
import { connect, openDatabase } from "./db/database";
import { Transactions } from "./db/transaction";
import { Gate } from "./lib/gate";
import { silentLogger, type Logger } from "./lib/logger";
import { buildShopSchema, schemaSdl } from "./graphql/schema";
import { InventoryResolver, StockMovementResolver } from "./inventory/inventory.resolver";
import { InventoryService } from "./inventory/inventory.service";
import { StockMovement } from "./inventory/stock-movement.entity";
import { UploadService } from "./media/upload.service";
import { EmailMessage } from "./email/email-message.entity";
import { EmailResolver } from "./email/email.resolver";
import { EmailService } from "./email/email.service";
import { OrderMailer } from "./orders/order-mailer";
import { PasswordReset } from "./accounts/password-reset.entity";
import { AdminOrderResolver } from "./orders/admin-order.resolver";
import { OrderAdminService } from "./orders/order-admin.service";
import { OrderEvent } from "./orders/order-event.entity";
import { OrderLine } from "./orders/order-line.entity";
import { RandomOrderNumber } from "./orders/order-number";
import { Order } from "./orders/order.entity";
import { OrderResolver } from "./orders/order.resolver";
import { OrderService } from "./orders/order.service";
import { CheckoutService } from "./orders/checkout.service";
import { PaymentNoticeRecord } from "./orders/payment-notice.entity";
import { ManualPaymentProvider } from "./payments/manual-provider";
import { PaymentService } from "./payments/payment.service";
import { StripePaymentProvider } from "./payments/stripe-provider";
import { TestPaymentProvider } from "./payments/test-provider";
import { Session } from "./sessions/session.entity";
import { SessionService } from "./sessions/session.service";

/** Every TypeORM entity; the migrations in db/migrations/<engine> must create exactly these tables. */
export const entities = [
  Product,
  ProductImage,
  ProductVariant,
  Session,
  CartEntity,
  CartLineEntity,
  Order,
  OrderLine,
  OrderEvent,
  Customer,
  LoginThrottle,
  StockMovement,
  PaymentNoticeRecord,
  EmailMessage,
  PasswordReset,
  Category,
  ProductCategory,
  DiscountCode,
  DiscountRedemption,
  ShippingZone,
  ShippingRate,
  TaxRate,
];

type DatabaseOptions = Omit<CreateDataSourceOptions, "entities">;

/** Connects to the store's database and applies pending migrations. */
export const openStoreDatabase = (db: DatabaseConfig, opts: DatabaseOptions = {}) => openDatabase(db, { ...opts, entities });
/** Connects without migrating (tools that inspect a database). */
export const connectStore = (db: DatabaseConfig, opts: DatabaseOptions = {}) => connect(db, { ...opts, entities });

export type Services = ReturnType<typeof createServices>;

/** Every service, wired once per process. `reader` serves reads outside transactions (see openReader). */
export function createServices(config: Config, dataSource: DataSource, reader: DataSource = dataSource, log: Logger = silentLogger()) {
  const tx = new Transactions(dataSource, reader);
  const catalog = new CatalogService(tx, config.catalogCacheMs);
  const categories = new CategoryService(tx);
  const inventory = new InventoryService(tx, catalog, config.lowStockThreshold);
  const shipping = new ShippingService(tx, {
    currency: config.currency,
    taxIncluded: config.pricesIncludeTax,
    shippingFlat: config.shippingFlat,
    freeShippingThreshold: config.freeShippingThreshold,
    taxRateBps: config.taxRateBps,
  });
  const discounts = new DiscountService(tx, config.currency, (amount) => formatMoney(amount, config.currency));
  const variants = new VariantService(tx, catalog, inventory, config.currency);
  const catalogIo = new CatalogIoService(tx, catalog, variants, config.currency, categories, [
    () => discounts.loadDemo(DEMO_DISCOUNT_CODES),
    () => shipping.loadDemo(DEMO_SHIPPING),
  ]);
  const cart = new CartService(tx, catalog, shipping, discounts, config.currency);
  const testProvider = new TestPaymentProvider(config.testPaymentDelayMs);
  const payments = new PaymentService(
    [
      ...(config.stripe ? [new StripePaymentProvider(config.stripe)] : []),
      ...(config.manualPayment ? [new ManualPaymentProvider(config.manualPayment.name, config.manualPayment.instructions)] : []),
      ...(config.testPayments ? [testProvider] : []),
    ],
    log,
  );
  const orders = new OrderService(tx);
  const email = new EmailService(
    tx,
    {
      store: config.store,
      from: config.mail.from,
      ownerEmails: config.mail.ownerEmails,
      pollMs: config.mail.pollMs,
      retryBaseMs: config.mail.retryBaseMs,
      maxAttempts: config.mail.maxAttempts,
      claimMs: config.mail.claimMs,
    },
    log,
  );
  const links = shopAddress(config);
  const mailer = new OrderMailer(tx, email, payments, links);
  const productAdmin = new ProductAdminService(tx, catalog, inventory, orders, config.currency, categories, variants);
  const orderAdmin = new OrderAdminService(tx, orders, inventory, payments, mailer, discounts);
  // Declined payments share the sign-in throttle's table, under their own keys and limits.
  const declines = new LoginThrottleService(
    tx,
    {
      maxFailuresPerEmail: config.paymentDeclineLimit,
      maxFailuresPerAddress: config.paymentDeclineLimit,
      windowMinutes: config.paymentDeclineWindowMinutes,
      blockMinutes: config.paymentDeclineWindowMinutes,
    },
    "Too many declined payments.",
  );
  const checkout = new CheckoutService(
    tx,
    catalog,
    inventory,
    cart,
    payments,
    orders,
    orderAdmin,
    declines,
    new RandomOrderNumber(),
    {
      currency: config.currency,
      holdMinutes: config.checkoutHoldMinutes,
    },
    log,
    mailer,
    discounts,
  );
  const sessions = new SessionService(tx, config.sessionDays);
  const throttle = new LoginThrottleService(tx, {
    maxFailuresPerEmail: config.loginMaxFailures,
    maxFailuresPerAddress: config.loginMaxFailures * 4,
    windowMinutes: config.loginBlockMinutes,
    blockMinutes: config.loginBlockMinutes,
  });
  const accounts = new AccountService(
    tx,
    sessions,
    cart,
    throttle,
    orders,
    {
      scryptLogN: config.scryptLogN,
      demo: config.demo,
    },
    new Gate(config.maxConcurrentHashes),
    email,
    config.publicUrl,
    log,
  );
  // A reset email's link is made as it is sent, so the outbox never holds a usable token.
  email.prepareResetLinks((request) => accounts.resetLinkFor(request));
  const dashboard = new DashboardService(orders, inventory, config.currency);
  const uploads = new UploadService(config.uploadDir);
  return {
    tx,
    catalog,
    categories,
    variants,
    shipping,
    discounts,
    catalogIo,
    cart,
    payments,
    testProvider,
    orders,
    checkout,
    sessions,
    accounts,
    inventory,
    productAdmin,
    orderAdmin,
    dashboard,
    uploads,
    email,
  };
}

/**
 * The shop's address for links in emails: PUBLIC_URL; in demo mode without it, this machine's. Outside demo
 * mode without PUBLIC_URL, a reset link is made from the address the request came to, and order emails go
 * without links.
 */
function shopAddress(config: Config): string | null {
  return config.publicUrl ?? (config.demo ? `http://localhost:${config.port}` : null);
}

/** The one list of resolvers, each with its services. */
export function createResolvers(config: Config, s: Services): object[] {
  return [
    new ProductResolver(s.catalog, s.categories),
    new VariantResolver(s.catalog),
    new CategoryResolver(s.categories, s.catalog),
    new ProductCategoriesResolver(s.categories),
    new CartResolver(s.cart),
    new OrderResolver(s.orders, s.checkout, s.payments, config.publicUrl),
    new AccountResolver(s.accounts, s.orders),
    new AdminProductResolver(s.catalog, s.productAdmin, s.catalogIo),
    new InventoryResolver(s.inventory),
    new StockMovementResolver(s.catalog),
    new AdminOrderResolver(s.orders, s.orderAdmin, s.checkout, s.accounts),
    new DashboardResolver(s.dashboard),
    new ShopResolver(config.currency),
    new EmailResolver(s.email),
    new DiscountResolver(s.discounts),
    new ShippingResolver(s.shipping),
  ];
}

/** The SDL committed as schema.graphql: built from the same resolver list, on services that never connect. */
export async function currentSchemaSdl(): Promise<string> {
  const config = loadConfig({});
  const offline = createDataSource({ engine: "sqlite", file: ":memory:" }, { entities });
  return schemaSdl(await buildShopSchema(createResolvers(config, createServices(config, offline))));
}
