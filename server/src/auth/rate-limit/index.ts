export { byIp, byPrincipal, rateLimit, tooManyRequests } from "./rate-limit.ts";
export type { RateLimitOptions } from "./rate-limit.ts";
export { RateLimiter } from "./rate-limiter.ts";
export type { RateLimitAlgorithm, RateLimiterOptions, RateLimitResult } from "./rate-limiter.ts";
