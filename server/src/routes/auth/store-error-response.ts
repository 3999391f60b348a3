import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { apiError } from "../../errors.ts";
import { AuthStoreError, type AuthStoreErrorCode } from "../../auth/store/index.ts";

const STATUS: Record<AuthStoreErrorCode, ContentfulStatusCode> = {
  user_exists: 409,
  unknown_user: 404,
  last_admin: 409,
  invalid_name: 400,
  invalid_password: 400,
  invalid_stream: 400,
  invalid_setup_code: 403,
  already_set_up: 409,
};

/** Answers a refused store operation in the shared error shape; rethrows anything else. */
export function storeErrorResponse(c: Context, e: unknown): Response {
  if (!(e instanceof AuthStoreError)) throw e;
  return apiError(c, STATUS[e.code], e.code, e.message, e.field ? { field: e.field } : undefined);
}
