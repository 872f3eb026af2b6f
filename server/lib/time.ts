/** Waits `ms` without blocking the event loop. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `work`, or a rejection with `message` if it hasn't settled within `ms` (the work itself goes on). */
export function withTimeout<T>(work: Promise<T>, ms: number, message = "timeout"): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
