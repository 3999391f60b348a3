export { AuditLog, auditAlert, auditRequest } from "./audit/index.ts";
export type { AuditAction, AuditEntry, AuditLogOptions, AuditRequestOptions } from "./audit/index.ts";
export { authenticate } from "./authenticate/index.ts";
export type { AuthenticateOptions } from "./authenticate/index.ts";
export { socketIp } from "./client-ip.ts";
export type { ClientIp } from "./client-ip.ts";
export { CSRF_HEADER, csrfProtection } from "./csrf/index.ts";
export type { CsrfProtectionOptions } from "./csrf/index.ts";
export { actorName, principalOf, roleOf } from "./principal.ts";
export type { Principal, TokenPrincipal, UserPrincipal } from "./principal.ts";
export { RateLimiter, byIp, byPrincipal, rateLimit, tooManyRequests } from "./rate-limit/index.ts";
export type {
  RateLimitAlgorithm,
  RateLimiterOptions,
  RateLimitOptions,
  RateLimitResult,
} from "./rate-limit/index.ts";
export { isSafeMethod, requireIngest, requireRole } from "./require-role/index.ts";
export type { RequireIngestOptions } from "./require-role/index.ts";
export { READ_ROLES, TOKEN_KINDS, USER_ROLES, roleIncludes } from "./roles.ts";
export type { ReadRole, Role, TokenKind, UserRole } from "./roles.ts";
export {
  SESSION_COOKIE,
  clearSessionCookie,
  isHttps,
  readSessionCookie,
  setSessionCookie,
} from "./session-cookie.ts";
export { AuthStore, AuthStoreError } from "./store/index.ts";
export type {
  AuthStoreErrorCode,
  AuthStoreOptions,
  IssuedToken,
  NewSession,
  SessionInfo,
  SetupLink,
  TokenCheck,
  TokenInfo,
  UserInfo,
} from "./store/index.ts";
