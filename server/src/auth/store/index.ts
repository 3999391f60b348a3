export { AuthStore } from "./auth-store.ts";
export type { AuthStoreOptions } from "./auth-store.ts";
export { AuthStoreError } from "./auth-store-error.ts";
export type { AuthStoreErrorCode } from "./auth-store-error.ts";
export type { IssuedToken, NewSession, SessionInfo, TokenCheck, TokenInfo, UserInfo } from "./auth-types.ts";
export {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  STREAM_NAME_PATTERN,
  USER_NAME_PATTERN,
  passwordProblem,
  userNameProblem,
} from "./credential-rules.ts";
export { DEFAULT_SCRYPT, checkPassword, hashPassword } from "./password.ts";
export type { PasswordHash, ScryptParams } from "./password.ts";
export type { SetupLink } from "./setup-link.ts";
export { safeEqual, sha256Hex } from "./secrets.ts";
