/** What signing in does to orders a guest placed in the same browser (implemented by the orders feature). */
export interface GuestOrders {
  /** The session's guest orders become the customer's, so they stay visible after the session id changes. */
  adoptGuestOrders(sessionId: string, customerId: string): Promise<void>;
}
