/**
 * SQL identifiers in a query spec (extract names, field names, output aliases) are never
 * interpolated raw: they must match {@link IDENTIFIER_PATTERN} and are always double-quoted.
 */
export const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** True when `name` is a plain identifier that {@link quoteIdentifier} accepts. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER_PATTERN.test(name);
}

/**
 * Double-quote a validated identifier.
 *
 * @example quoteIdentifier("town_code") // => '"town_code"'
 * @throws Error naming the identifier and what it is (`what`) when it is not a plain identifier.
 */
export function quoteIdentifier(name: string, what = "identifier"): string {
  if (!isIdentifier(name)) {
    throw new Error(
      `${what} ${JSON.stringify(name)} is not a valid identifier: use letters, digits and _ ` +
        `(not starting with a digit, at most 63 characters)`,
    );
  }
  // The pattern admits no quote character, so wrapping is enough.
  return `"${name}"`;
}
