import type { Context, MiddlewareHandler } from "hono";
import { forbidden, unauthorized } from "../auth-error.ts";
import { roleIncludes, type ReadRole, type UserRole } from "../roles.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether the request changes nothing (what a display token may do). */
export function isSafeMethod(c: Context): boolean {
  return SAFE_METHODS.has(c.req.method);
}

/**
 * Lets through principals whose role includes any of `roles` in the read hierarchy
 * (admin ⊇ analyst ⊇ viewer ⊇ display). Anonymous → 401; ingest tokens, display tokens on
 * unsafe methods, and roles too weak → 403. Needs `authenticate` to have run.
 * @example
 * api.get("/manifest", requireRole("display"), handler);    // wall PCs and every user
 * api.post("/reports", requireRole("analyst"), handler);    // analysts and admins
 * api.get("/auth/users", requireRole("admin"), handler);
 */
export function requireRole(...roles: ReadRole[]): MiddlewareHandler {
  if (roles.length === 0) throw new Error("requireRole needs at least one role");
  return async (c, next) => {
    if (!c.get("authResolved")) throw new Error("requireRole needs authenticate() to run before it");
    const p = c.get("principal");
    if (!p) return unauthorized(c, "unauthenticated", "log in, or send a token in Authorization: Bearer");
    if (p.role === "ingest") {
      return forbidden(
        c,
        "forbidden",
        "ingest tokens may only post data (/api/ingest/<stream>, camera frames)",
        {
          role: p.role,
        },
      );
    }
    if (p.role === "display" && !isSafeMethod(c)) {
      return forbidden(c, "read_only_token", "display tokens are read-only", { method: c.req.method });
    }
    if (!roles.some((r) => roleIncludes(p.role, r))) {
      return forbidden(c, "forbidden", `needs role ${roles.join(" or ")}; you are ${p.role}`, {
        required: roles,
        role: p.role,
      });
    }
    await next();
  };
}

/** Options of {@link requireIngest}. */
export interface RequireIngestOptions {
  /**
   * Route parameter naming the stream.
   * @example
   * api.post("/ingest/:name", requireIngest({ param: "name" }), handler);
   */
  readonly param?: string;
  /**
   * A fixed stream the route writes into, instead of a route parameter: pushed camera frames
   * become `traffic` rows, so a token scoped to `traffic` may push them.
   * @example
   * api.post("/cameras/:id/frames", requireIngest({ stream: "traffic", roles: ["admin"] }), handler);
   */
  readonly stream?: string;
  /** Users with one of these roles may ingest too (e.g. an admin uploading a file). Default none. */
  readonly roles?: readonly UserRole[];
}

/**
 * Lets through ingest tokens scoped to the route's `:stream` (and users of `roles`, if given).
 * Use it on the route itself, where the parameter is known.
 * @example
 * api.post("/ingest/:stream", rateLimit({ windowMs: 1000, max: 20, key: byPrincipal }), requireIngest(), handler);
 */
export function requireIngest(options: RequireIngestOptions = {}): MiddlewareHandler {
  const param = options.param ?? "stream";
  const roles = options.roles ?? [];
  return async (c, next) => {
    if (!c.get("authResolved")) throw new Error("requireIngest needs authenticate() to run before it");
    const p = c.get("principal");
    if (!p) return unauthorized(c, "unauthenticated", "send an ingest token in Authorization: Bearer");
    const stream = options.stream ?? c.req.param(param);
    if (stream === undefined) throw new Error(`requireIngest: route ${c.req.routePath} has no :${param}`);
    if (p.kind === "user" && roles.some((r) => roleIncludes(p.role, r))) return next();
    if (p.role !== "ingest") {
      const who = roles.length ? ` (or ${roles.join(" or ")} users)` : "";
      return forbidden(c, "forbidden", `only ingest tokens${who} may ingest into "${stream}"`, {
        role: p.role,
      });
    }
    if (!p.streams.includes(stream)) {
      return forbidden(c, "stream_not_allowed", `this token may not ingest into "${stream}"`, {
        stream,
        allowed: p.streams,
      });
    }
    await next();
  };
}
