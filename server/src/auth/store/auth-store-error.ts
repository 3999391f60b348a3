/** Why an AuthStore operation was refused; routes map each code to an HTTP status. */
export type AuthStoreErrorCode =
  | "user_exists"
  | "unknown_user"
  | "last_admin"
  | "invalid_name"
  | "invalid_password"
  | "invalid_stream"
  | "invalid_setup_code"
  | "already_set_up";

/** A refused AuthStore operation: `code` for programs, `message` for people, `field` naming the input. */
export class AuthStoreError extends Error {
  override readonly name = "AuthStoreError";
  constructor(
    readonly code: AuthStoreErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
