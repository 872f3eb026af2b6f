import type { ApolloServerPlugin } from "@apollo/server";
import type { NextFunction, Request, Response } from "express";
import { Kind, type DocumentNode, type SelectionSetNode } from "graphql";
import type Redis from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { waitWords } from "../../common/plural";
import type { RateLimit, RateLimits } from "../config";
import type { Context } from "../graphql/context";
import { AppError, ErrorCode } from "../graphql/errors";
import type { Logger } from "../lib/logger";
import { clientKey } from "./client-address";

export type LimitName = keyof RateLimits;

/** Mutations with a tighter limit of their own, on top of the mutation limit; each occurrence counts. */
const FIELD_LIMITS: Partial<Record<string, LimitName>> = {
  login: "login",
  requestPasswordReset: "login",
  resetPassword: "login",
  changePassword: "login",
  register: "signup",
  placeOrder: "checkout",
};

const WHAT: Record<LimitName, string> = {
  api: "Too many requests",
  mutation: "Too many changes",
  login: "Too many sign-in attempts",
  signup: "Too many new accounts",
  checkout: "Too many checkouts",
};

/** How long a count in Redis may take before this process counts in memory instead. */
const REDIS_COMMAND_MS = 300;

/** A refusal by one of the limits: RATE_LIMITED, HTTP 429 with Retry-After. */
export function rateLimited(name: LimitName, retryAfterSeconds: number): AppError {
  return new AppError(ErrorCode.RATE_LIMITED, `${WHAT[name]} from your address. Try again in ${waitWords(retryAfterSeconds)}.`, {
    retryAfterSeconds,
    limit: name,
    http: { status: 429, headers: new Map([["retry-after", String(retryAfterSeconds)]]) },
  });
}

/**
 * Requests per client address (rate-limiter-flexible): the whole API, mutations, and sign-in, sign-up and
 * checkout. Counted in memory, or in Redis (REDIS_URL) so that several server processes share the counts;
 * while Redis is unreachable each process counts in memory instead, so the shop keeps working.
 */
export class RequestLimits {
  private constructor(
    private readonly limiters: Record<LimitName, RateLimiterAbstract>,
    private readonly redis: Redis | null,
  ) {}

  static create(limits: RateLimits, redisUrl: string | null, logger: Logger): RequestLimits {
    let redis: Redis | null = null;
    if (redisUrl) {
      // A Redis that stops answering must not hold requests: each command gives up after REDIS_COMMAND_MS and the
      // memory limiter answers instead (insuranceLimiter), as it does while Redis is unreachable.
      // Loaded only with REDIS_URL: a single-process shop never carries the client (about 18 MB of memory).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const RedisClient = require("ioredis") as typeof Redis;
      redis = new RedisClient(redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 2000,
        commandTimeout: REDIS_COMMAND_MS,
      });
      let lastWarning = 0;
      redis.on("error", (error: Error) => {
        // Once a minute at most: a Redis that is down says so without flooding the log.
        if (Date.now() - lastWarning < 60_000) return;
        lastWarning = Date.now();
        logger.warn({ err: error.message }, "Redis for the rate limits is unreachable; counting in memory meanwhile");
      });
    }
    const make = (name: LimitName, limit: RateLimit): RateLimiterAbstract => {
      const options = { keyPrefix: `shopwright:rl:${name}`, points: limit.points, duration: limit.seconds };
      if (!redis) return new RateLimiterMemory(options);
      return new RateLimiterRedis({
        ...options,
        storeClient: redis,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(options),
      });
    };
    const names = Object.keys(limits) as LimitName[];
    return new RequestLimits(
      Object.fromEntries(names.map((n) => [n, make(n, limits[n])])) as Record<LimitName, RateLimiterAbstract>,
      redis,
    );
  }

  /**
   * Waits (up to `ms`) for Redis to connect, so the first requests are counted where every process counts
   * them; an unreachable Redis doesn't hold the start up (the processes count in memory meanwhile).
   */
  async ready(ms = 2000): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === "ready") return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        redis.off("ready", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      redis.once("ready", done);
    });
  }

  /** Takes `points` of the limit for the address; throws RATE_LIMITED when it is used up. */
  async take(name: LimitName, address: string | undefined, points = 1): Promise<void> {
    try {
      await this.limiters[name].consume(clientKey(address), points);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      throw rateLimited(name, Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
    }
  }

  /** Express middleware: the whole-API limit for every request it guards (before the body is even read). */
  middleware(name: LimitName = "api") {
    return (req: Request, _res: Response, next: NextFunction) => {
      this.take(name, req.ip).then(() => next(), next);
    };
  }

  /** Apollo plugin: mutations, and the costly ones by name (aliases and fragments included), once the operation is known. */
  plugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ operation, document, contextValue }) => {
          if (!operation || operation.operation !== "mutation") return;
          const address = contextValue.session.address;
          await this.take("mutation", address);
          const counts = new Map<LimitName, number>();
          for (const field of rootFields(operation.selectionSet, document)) {
            const limit = FIELD_LIMITS[field];
            if (limit) counts.set(limit, (counts.get(limit) ?? 0) + 1);
          }
          for (const [limit, points] of counts) await this.take(limit, address, points);
        },
      }),
    };
  }

  /** Closes the Redis connection: politely if Redis answers within a second, else at once. */
  async close(): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === "end") return;
    const timeout = new Promise((resolve) => setTimeout(resolve, 1000).unref());
    await Promise.race([redis.quit().catch(() => undefined), timeout]);
    redis.disconnect();
  }
}

/** The root field names an operation selects, through inline fragments and fragment spreads. */
function rootFields(selectionSet: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) names.push(...rootFields(selection.selectionSet, document, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) names.push(...rootFields(fragment.selectionSet, document, seen));
    }
  }
  return names;
}
