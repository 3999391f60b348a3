import type { MiddlewareHandler } from "hono";
import type {} from "hono/request-id"; // brings `requestId` into ContextVariableMap
import { routePath } from "hono/route";
import type { Logger } from "pino";

declare module "hono" {
  interface ContextVariableMap {
    /** Set by `requestLogger`: the logger bound to this request's id. */
    logger: Logger | undefined;
  }
}

/** Options of {@link requestLogger}. */
export interface RequestLoggerOptions {
  /**
   * Where request lines go.
   * @example
   * app.use("*", requestId(), requestLogger({ logger: createLogger({ level: "info" }) }));
   */
  readonly logger: Logger;
  /** Requests not to log (e.g. health probes and metric scrapes every few seconds). */
  readonly skip?: (path: string) => boolean;
}

/**
 * Logs one line per request after it is answered: request id (from `hono/request-id`, which must
 * run first), method, matched route pattern, path, status and duration. 5xx log at `error`, 4xx at
 * `warn`, the rest at `info`. The query string is never logged: display tokens travel in it.
 * Handlers get `c.get("logger")`, a child logger carrying the request id.
 * @example
 * app.use("*", requestId(), requestLogger({ logger, skip: (p) => p === "/api/health" }));
 */
export function requestLogger(options: RequestLoggerOptions): MiddlewareHandler {
  return async (c, next) => {
    const reqId = c.get("requestId") ?? null;
    const child = options.logger.child({ reqId });
    c.set("logger", child);
    const started = performance.now();
    let error: unknown;
    try {
      await next();
    } catch (e) {
      error = e;
      throw e;
    } finally {
      if (!options.skip?.(c.req.path)) {
        // Hono's error handler answers a thrown error itself and keeps it in `c.error`.
        const err = error ?? c.error;
        const status = error === undefined ? c.res.status : 500;
        const durationMs = Math.round((performance.now() - started) * 10) / 10;
        const line = { method: c.req.method, route: routePath(c), path: c.req.path, status, durationMs };
        const msg = `${c.req.method} ${c.req.path} ${status} ${durationMs}ms`;
        if (status >= 500) child.error(err === undefined ? line : { ...line, err }, msg);
        else if (status >= 400) child.warn(line, msg);
        else child.info(line, msg);
      }
    }
  };
}
