import { Hono } from "hono";
import type { AuditLog } from "../../auth/audit/index.ts";
import { authenticate } from "../../auth/authenticate/index.ts";
import { socketIp, type ClientIp } from "../../auth/client-ip.ts";
import { csrfProtection } from "../../auth/csrf/index.ts";
import { RateLimiter, byIp, rateLimit } from "../../auth/rate-limit/index.ts";
import type { AuthStore } from "../../auth/store/index.ts";
import type { AuthRouteDeps } from "./auth-route-deps.ts";
import { sessionRoutes } from "./session-routes.ts";
import { setupRoutes } from "./setup-routes.ts";
import { tokenRoutes } from "./token-routes.ts";
import { userRoutes } from "./user-routes.ts";

/** A request budget: `max` per `windowMs`. */
export interface Budget {
  readonly windowMs: number;
  readonly max: number;
}

/** Options of {@link authRoutes}. */
export interface AuthRoutesOptions {
  /**
   * Users, tokens and sessions.
   * @example
   * authRoutes({ store: await AuthStore.open({ path: "data/auth.json" }), audit });
   */
  readonly store: AuthStore;
  /** Where logins, user and token changes are recorded. */
  readonly audit: AuditLog;
  /** Client address for rate limits and the audit log. Default: the socket's. */
  readonly ip?: ClientIp;
  /** Login and setup attempts per client address. Default 10 per minute. */
  readonly loginLimit?: Budget;
  /** Failed logins per account name before it is refused for the window. Default 5 per 15 minutes. */
  readonly failedLoginLimit?: Budget;
  /** Stream names an ingest token may be scoped to (e.g. the dataset schemas'). Default: any valid name. */
  readonly streams?: readonly string[];
  /** Clock for the rate limits, for tests. */
  readonly now?: () => number;
}

/**
 * `/auth/*`: login, logout, me, first-admin setup, admin-only users and tokens. Applies
 * `authenticate` and `csrfProtection` itself (both are harmless if the app applies them too).
 * Mount under `/api`.
 * @example
 * api.route("/", authRoutes({ store, audit }));
 */
export function authRoutes(options: AuthRoutesOptions): Hono {
  const ip = options.ip ?? socketIp;
  const deps: AuthRouteDeps = { store: options.store, audit: options.audit, ip, streams: options.streams };
  const now = options.now ? { now: options.now } : {};
  const login = options.loginLimit ?? { windowMs: 60_000, max: 10 };
  const attempts = new RateLimiter({ ...login, ...now });
  const failed = new RateLimiter({
    ...(options.failedLoginLimit ?? { windowMs: 15 * 60_000, max: 5 }),
    ...now,
  });
  const perIp = rateLimit({ ...login, key: byIp(ip), limiter: attempts });

  const app = new Hono();
  app.use("/auth/*", authenticate({ store: options.store }), csrfProtection(), async (c, next) => {
    await next();
    // Answers here carry csrf tokens, token secrets and user lists: never cache them.
    c.header("Cache-Control", "no-store");
  });
  app.post("/auth/login", perIp);
  app.post("/auth/setup", perIp);
  app.route("/", sessionRoutes(deps, failed));
  app.route("/", setupRoutes(deps));
  app.route("/", userRoutes(deps));
  app.route("/", tokenRoutes(deps));
  return app;
}
