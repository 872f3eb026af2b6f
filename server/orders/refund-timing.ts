/**
 * A refund decided in a transaction is asked of the provider right after it commits; if that never happens
 * (a crash, the provider down), the checkout sweeper asks once this much time has passed.
 */
export const REFUND_CHECK_MS = 10 * 60_000;
