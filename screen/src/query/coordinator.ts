import { buildSql, withFilters } from "@citybrain/analytics/browser";
import type { FieldTypes, Filter, QueryConnector, QuerySpec, Row } from "@citybrain/analytics/browser";
import type { QueryClient, SelectionClause, Selections } from "./query-client.ts";

const CACHE_LIMIT = 256;

/**
 * Between panels and a database: turns each panel's specs into SQL with `buildSql`, runs them
 * through one {@link QueryConnector}, caches and de-duplicates identical queries, drops stale
 * answers, and owns the live selections. A client's effective spec is its own spec plus the
 * filters of every selection it listens to, except selections it made itself (crossfilter).
 *
 * @example
 * const coordinator = new Coordinator(connector);
 * coordinator.connect(kpiPanel);
 * coordinator.setFields({ energy_daily_town: await db.describe("energy_daily_town") });
 * coordinator.select("town", { source: "map", value: "500152001", label: "桂林街道", filters: [...] });
 */
export class Coordinator {
  readonly #connector: QueryConnector;
  readonly #clients: QueryClient[] = [];
  readonly #selections = new Map<string, SelectionClause>();
  readonly #cache = new Map<string, Promise<Row[]>>();
  readonly #generation = new Map<string, number>();
  #fields: Record<string, FieldTypes> | null = null;

  constructor(connector: QueryConnector) {
    this.#connector = connector;
  }

  /** Current selections. */
  get selections(): Selections {
    return this.#selections;
  }

  /** Register a client; it is queried as soon as the data is ready. */
  connect(client: QueryClient): void {
    if (this.#clients.some((c) => c.id === client.id))
      throw new Error(`coordinator: client id "${client.id}" is already connected`);
    this.#clients.push(client);
    if (this.#fields) void this.#run(client);
  }

  /**
   * Declare the loaded extracts and their field types (new data version): clears the cache
   * and re-queries every client. Resolves when every client has been answered.
   */
  async setFields(fields: Record<string, FieldTypes>): Promise<void> {
    this.#fields = fields;
    this.#cache.clear();
    await Promise.all(this.#clients.map((c) => this.#run(c)));
  }

  /** Set (or with `null`, clear) selection `name`, and re-query the clients whose filters changed. */
  async select(name: string, clause: SelectionClause | null): Promise<void> {
    const before = this.#clients.map((c) => this.#selectionKey(c));
    if (clause) this.#selections.set(name, clause);
    else this.#selections.delete(name);
    for (const c of this.#clients) c.selectionChanged?.(this.#selections);
    const affected = this.#clients.filter((c, i) => this.#selectionKey(c) !== before[i]);
    if (this.#fields) await Promise.all(affected.map((c) => this.#run(c)));
  }

  /** The spec a client's `spec` becomes under the current selections. */
  effectiveSpec(client: QueryClient, spec: QuerySpec): QuerySpec {
    const fields = this.#fields?.[spec.from];
    // A selection on a field this extract lacks does not apply to it.
    return withFilters(
      spec,
      this.#selectionFilters(client).filter((f) => !fields || f.field in fields),
    );
  }

  #selectionFilters(client: QueryClient): Filter[] {
    return [...this.#selections.entries()]
      .filter(([name, clause]) => this.#listens(client, name) && clause.source !== client.id)
      .flatMap(([, clause]) => clause.filters);
  }

  #selectionKey(client: QueryClient): string {
    return JSON.stringify(this.#selectionFilters(client));
  }

  #listens(client: QueryClient, name: string): boolean {
    return client.filterBy === undefined || client.filterBy.includes(name);
  }

  async #run(client: QueryClient): Promise<void> {
    const generation = (this.#generation.get(client.id) ?? 0) + 1;
    this.#generation.set(client.id, generation);
    client.loading?.();
    try {
      const entries = await Promise.all(
        Object.entries(client.specs()).map(async ([name, spec]) => {
          const effective = this.effectiveSpec(client, spec);
          const { sql, params } = buildSql(effective, { fields: this.#fields?.[spec.from] });
          return [name, await this.#query(sql, params)] as const;
        }),
      );
      if (this.#generation.get(client.id) !== generation) return; // a newer query superseded this one
      await client.update(Object.fromEntries(entries), this.#selections);
    } catch (e) {
      if (this.#generation.get(client.id) === generation)
        client.error(e instanceof Error ? e : new Error(String(e)));
    }
  }

  #query(sql: string, params: unknown[]): Promise<Row[]> {
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    let hit = this.#cache.get(key);
    if (!hit) {
      hit = this.#connector.query(sql, params);
      hit.catch(() => this.#cache.delete(key));
      if (this.#cache.size >= CACHE_LIMIT) this.#cache.delete(this.#cache.keys().next().value as string);
      this.#cache.set(key, hit);
    }
    return hit;
  }
}
