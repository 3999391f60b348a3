const SAFE = /^[a-z_][a-z0-9_]*$/;

/**
 * Checks a table or column name that a caller configured (e.g. a denominator table) and
 * returns it double-quoted. Only lower-case snake_case names are accepted, so nothing a user
 * typed can change a query's shape.
 * @throws Error naming the option when the name is not snake_case.
 */
export function safeIdentifier(name: string, option: string): string {
  if (!SAFE.test(name)) {
    throw new Error(
      `${option}: expected a snake_case table or column name ([a-z_][a-z0-9_]*), got ${JSON.stringify(name)}`,
    );
  }
  return `"${name}"`;
}
