import type { Context, MiddlewareHandler } from "hono";
import { apiError } from "../../errors.ts";
import { socketIp, type ClientIp } from "../client-ip.ts";
import { RateLimiter, type RateLimiterOptions, type RateLimitResult } from "./rate-limiter.ts";

/** Options of {@link rateLimit}. */
export interface RateLimitOptions extends RateLimiterOptions {
  /**
   * What to count per: an ip, a token id, a user name.
   * @example
   * rateLimit({ windowMs: 60_000, max: 10, key: byIp() });                     // login
   * rateLimit({ windowMs: 1_000, max: 20, key: byPrincipal(), algorithm: "token-bucket" }); // ingest
   */
  readonly key: (c: Context) => string | Promise<string>;
  /** Share a limiter between several routes; by default each middleware has its own. */
  readonly limiter?: RateLimiter;
}

/** Sends the 429 in the shared error shape, with `Retry-After` in whole seconds. */
export function tooManyRequests(c: Context, result: RateLimitResult): Response {
  const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
  c.header("Retry-After", String(seconds));
  return apiError(c, 429, "rate_limited", `too many requests; retry in ${seconds} s`, {
    retryAfterSeconds: seconds,
  });
}

/**
 * Limits requests per key in memory (fixed window or token bucket); refusals are 429 with
 * `Retry-After`. Every answer carries `RateLimit-Limit` and `RateLimit-Remaining`.
 * @example
 * auth.post("/auth/login", rateLimit({ windowMs: 60_000, max: 10, key: byIp() }), login);
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const limiter = options.limiter ?? new RateLimiter(options);
  return async (c, next) => {
    const result = limiter.hit(await options.key(c));
    c.header("RateLimit-Limit", String(options.max));
    c.header("RateLimit-Remaining", String(result.remaining));
    if (!result.allowed) return tooManyRequests(c, result);
    await next();
  };
}

/** Keys by client address. */
export function byIp(ip: ClientIp = socketIp): (c: Context) => string {
  return (c) => `ip:${ip(c)}`;
}

/** Keys by the authenticated principal (token id or user name), else by client address. */
export function byPrincipal(ip: ClientIp = socketIp): (c: Context) => string {
  return (c) => {
    const p = c.get("principal");
    if (!p) return `ip:${ip(c)}`;
    return p.kind === "token" ? `token:${p.tokenId}` : `user:${p.name.toLowerCase()}`;
  };
}
