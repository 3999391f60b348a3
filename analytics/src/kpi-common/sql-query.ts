import type { SqlParam } from "../store/store.ts";

/**
 * A parameterised query: SQL with `?` placeholders and the values bound to them, in order.
 * Values never appear in `sql`; identifiers and numbers in it come from our own constants.
 */
export interface SqlQuery {
  readonly sql: string;
  readonly params: readonly SqlParam[];
}
