/** Login names: ASCII letters, digits, `.`, `_`, `-`; 1–64 characters, starting with a letter or digit. */
export const USER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Stream names a token may be scoped to (the stream schemas' naming). */
export const STREAM_NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** Password length bounds; the upper one keeps a hash from being a denial of service. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** What is wrong with a password, or undefined when it is acceptable. */
export function passwordProblem(name: string, password: string): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (password.toLowerCase().includes(name.toLowerCase())) return "must not contain the user name";
  return undefined;
}

/** What is wrong with a login name, or undefined when it is acceptable. */
export function userNameProblem(name: string): string | undefined {
  return USER_NAME_PATTERN.test(name)
    ? undefined
    : "must be 1–64 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit";
}
