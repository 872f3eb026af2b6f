import { Customer } from "../accounts/customer.entity";
import { LoginThrottle } from "../accounts/login-throttle.entity";
import { StockMovement } from "../inventory/stock-movement.entity";
import { OrderEvent } from "../orders/order-event.entity";
import { CartLineEntity } from "../cart/cart-line.entity";
import { CartEntity } from "../cart/cart.entity";
import { ProductImage } from "../catalog/product-image.entity";
import { Product } from "../catalog/product.entity";
import { OrderLine } from "../orders/order-line.entity";
import { Order } from "../orders/order.entity";
import { Session } from "../sessions/session.entity";

/** Every TypeORM entity; the migrations in db/migrations/<engine> must create exactly these tables. */
export const entities = [
  Product,
  ProductImage,
  Session,
  CartEntity,
  CartLineEntity,
  Order,
  OrderLine,
  OrderEvent,
  Customer,
  LoginThrottle,
  StockMovement,
];
