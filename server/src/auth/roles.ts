/** People who log in with a name and password. */
export const USER_ROLES = ["viewer", "analyst", "admin"] as const;
/** A person's role: what they may read and change. */
export type UserRole = (typeof USER_ROLES)[number];

/** Machine tokens: wall PCs (`display`, read-only) and data sources (`ingest`, per stream). */
export const TOKEN_KINDS = ["display", "ingest"] as const;
/** The kind of a machine token. */
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** Roles in the read hierarchy, weakest first: admin ⊇ analyst ⊇ viewer ⊇ display. */
export const READ_ROLES = ["display", "viewer", "analyst", "admin"] as const;
/** A role that `requireRole` accepts. */
export type ReadRole = (typeof READ_ROLES)[number];

/** Every role a principal can hold. `ingest` stands outside the read hierarchy. */
export type Role = UserRole | TokenKind;

/**
 * Whether `held` includes everything `required` may do on reads.
 * `ingest` includes nothing; nothing includes `ingest`.
 * @example
 * roleIncludes("admin", "viewer"); // true
 * roleIncludes("display", "viewer"); // false
 */
export function roleIncludes(held: Role, required: ReadRole): boolean {
  if (held === "ingest") return false;
  return READ_ROLES.indexOf(held) >= READ_ROLES.indexOf(required);
}
