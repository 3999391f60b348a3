import type { Context } from "hono";
import { apiError } from "../errors.ts";

/** 401 in the shared error shape; `WWW-Authenticate: Bearer` so clients know a token is wanted. */
export function unauthorized(
  c: Context,
  code: string,
  message: string,
  details?: Record<string, unknown>,
): Response {
  const error = code === "unauthenticated" ? "" : `, error="invalid_token"`;
  c.header("WWW-Authenticate", `Bearer realm="citybrain"${error}`);
  return apiError(c, 401, code, message, details);
}

/** 403 in the shared error shape. */
export function forbidden(
  c: Context,
  code: string,
  message: string,
  details?: Record<string, unknown>,
): Response {
  return apiError(c, 403, code, message, details);
}
