/** What the email templates are given: plain data, written into the outbox as JSON when the change commits. */

export interface MailAddress {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
}

/** An order as its emails show it, taken when the message is written (later changes don't alter it). */
export interface OrderMail {
  id: string;
  number: string;
  email: string;
  /** ISO 8601. */
  placedAt: string;
  currency: string;
  lines: { name: string; variantTitle?: string | null; sku: string; quantity: number; unitAmount: number; lineAmount: number }[];
  subtotal: number;
  /** Messages queued before discounts existed have none of these four. */
  discountCode?: string | null;
  discount?: number;
  shipping: number;
  shippingMethod?: string | null;
  tax: number;
  taxLabel?: string | null;
  taxIncluded?: boolean;
  total: number;
  shippingAddress: MailAddress;
  billingAddress: MailAddress;
  payment: {
    /** How the shopper pays, as the checkout named it ("Card", "Bank transfer"). */
    method: string;
    /** A manual method's instructions while the order waits for the money; null otherwise. */
    instructions: string | null;
    paid: boolean;
  };
  /** The order's page in the shop; null when the shop's address isn't known (PUBLIC_URL). */
  link: string | null;
  /** The owner's view of it in the admin (alerts); null as above. */
  adminLink: string | null;
}

export interface ShippedMail {
  order: OrderMail;
  trackingNumber: string | null;
  note: string | null;
}

export interface CancelledMail {
  order: OrderMail;
  /** What happened to the money: being refunded, or nothing was taken. */
  payment: "REFUND_PENDING" | "NOT_CHARGED";
}

export interface RefundedMail {
  order: OrderMail;
  amount: number;
}

/** A reset email as the outbox holds it: no token, only which request it is for. */
export interface PasswordResetRequest {
  name: string;
  /** The PasswordReset row; its link's token is made when the email is sent (see EmailService.prepareResetLinks). */
  resetId: string;
  /** The shop's address the link starts with. */
  base: string;
  /** ISO 8601: when the link stops working. */
  expiresAt: string;
}

/** A reset email as it is sent: with the single-use link, which never goes into the outbox. */
export interface PasswordResetMail extends PasswordResetRequest {
  link: string;
}

export interface PasswordChangedMail {
  name: string;
  /** ISO 8601. */
  changedAt: string;
  /** Where to ask for a new password if it wasn't them; null as above. */
  resetLink: string | null;
}

/** Each kind of message with what its template takes (keys: EmailKind's values). */
export interface EmailData {
  ORDER_CONFIRMATION: OrderMail;
  NEW_ORDER_ALERT: OrderMail;
  ORDER_SHIPPED: ShippedMail;
  ORDER_CANCELLED: CancelledMail;
  ORDER_REFUNDED: RefundedMail;
  PASSWORD_RESET: PasswordResetMail;
  PASSWORD_CHANGED: PasswordChangedMail;
}

/** What the outbox stores for each kind: what the template takes, but a reset email's request instead of its link. */
export type StoredEmailData = Omit<EmailData, "PASSWORD_RESET"> & { PASSWORD_RESET: PasswordResetRequest };

/** The store, as every email signs off. */
export interface StoreIdentity {
  name: string;
  address: string | null;
}
