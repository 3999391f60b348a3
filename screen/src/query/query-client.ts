import type { Filter, QuerySpec, Row } from "@citybrain/analytics/browser";

/** A live selection (a clicked town, a brushed time range) and the filters it implies. */
export interface SelectionClause {
  /** Id of the client that made the selection: it is never filtered by it (crossfilter). */
  source: string;
  /** The selected value, e.g. a town code. */
  value: string;
  /** What to show for it, e.g. the town's name. */
  label: string;
  filters: Filter[];
}

/** Current selections by name (`town`, …); a missing name means nothing is selected. */
export type Selections = ReadonlyMap<string, SelectionClause>;

/**
 * A panel as the coordinator sees it. Panels never fetch: they declare named specs and render
 * the rows the coordinator answers.
 */
export interface QueryClient {
  /** Unique id; also the `source` of selections this client makes. */
  readonly id: string;
  /** Specs by result name. Called again whenever the client is re-queried. */
  specs(): Record<string, QuerySpec>;
  /**
   * Selection names that filter this client. Default: every selection (except its own). A map
   * that shows all towns and highlights the selected one lists none.
   */
  readonly filterBy?: readonly string[];
  /** Queries for this client have started. */
  loading?(): void;
  /** Every named spec answered, for the current selections. */
  update(results: Record<string, Row[]>, selections: Selections): void | Promise<void>;
  /** A spec failed (a bad spec, an engine error). */
  error(error: Error): void;
  /** Selections changed (for highlights), before any re-query. */
  selectionChanged?(selections: Selections): void;
}
