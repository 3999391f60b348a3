import type { MiddlewareHandler } from "hono";
import { forbidden } from "../auth-error.ts";
import { isSafeMethod } from "../require-role/index.ts";
import { safeEqual } from "../store/index.ts";

/** Header carrying the session's CSRF token. */
export const CSRF_HEADER = "X-CSRF-Token";

/** Options of {@link csrfProtection}. */
export interface CsrfProtectionOptions {
  /**
   * Header to read the token from.
   * @example
   * api.use("*", csrfProtection({ header: "X-CSRF-Token" }));
   */
  readonly header?: string;
}

/**
 * Refuses cookie-authenticated unsafe requests (POST, PUT, PATCH, DELETE…) unless they echo the
 * session's CSRF token in `X-CSRF-Token` (403 `csrf_failed`). Token-authenticated and anonymous
 * requests pass: a browser never attaches a bearer token by itself. Runs after `authenticate`.
 * @example
 * api.use("*", authenticate({ store }), csrfProtection());
 */
export function csrfProtection(options: CsrfProtectionOptions = {}): MiddlewareHandler {
  const header = options.header ?? CSRF_HEADER;
  return async (c, next) => {
    if (!c.get("authResolved")) throw new Error("csrfProtection needs authenticate() to run before it");
    const p = c.get("principal");
    if (isSafeMethod(c) || p?.via !== "session") return next();
    const sent = c.req.header(header);
    if (sent === undefined || !safeEqual(sent, p.csrfToken)) {
      return forbidden(
        c,
        "csrf_failed",
        `send the session's CSRF token in ${header} (it comes with POST /api/auth/login and GET /api/auth/me)`,
        { header },
      );
    }
    await next();
  };
}
