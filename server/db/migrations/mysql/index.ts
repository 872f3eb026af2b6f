// Migrations for MySQL/MariaDB, in order. `npm run migration:generate -- Name` appends here.
export {};
export { Init1795276527994 } from "./1795276527994-Init";
export { AccountsAndAdmin1795279685897 } from "./1795279685897-AccountsAndAdmin";
export { StockLedgerAndRefunds1795324519124 } from "./1795324519124-StockLedgerAndRefunds";
export { CheckoutHoldsAndPayments1795330458106 } from "./1795330458106-CheckoutHoldsAndPayments";
export { EmailOutboxAndPasswordReset1796572887539 } from "./1796572887539-EmailOutboxAndPasswordReset";
export { Categories1796573657356 } from "./1796573657356-Categories";
export { Variants1796578235521 } from "./1796578235521-Variants";
export { DiscountsShippingTax1796578823729 } from "./1796578823729-DiscountsShippingTax";
export { ProductSearch1796590800000 } from "./1796590800000-ProductSearch";
export { ShippingNote1796600000000 } from "./1796600000000-ShippingNote";
