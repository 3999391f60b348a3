import { brushFilters, buildBrushCube, buildSql, withFilters } from "@citybrain/analytics/browser";
import type {
  BrushBins,
  BrushCube,
  BuiltQuery,
  FieldTypes,
  Filter,
  QueryConnector,
  QuerySpec,
  Row,
} from "@citybrain/analytics/browser";
import type { QueryClient, SelectionClause, Selections } from "./query-client.ts";

const CACHE_LIMIT = 256;

/** A brush in progress (see {@link Coordinator.brushStart}). */
interface ActiveBrush {
  readonly name: string;
  readonly source: string;
  readonly bins: BrushBins;
  /** Cubes by client id and spec name; null where the spec is answered directly. */
  readonly cubes: Map<string, Map<string, BrushCube | null>>;
  /** Resolves once every cube is built. */
  ready: Promise<void>;
  range: readonly [number, number] | null;
}

let cubeSerial = 0;

const sameBins = (a: BrushBins, b: BrushBins) =>
  a.field === b.field && a.start === b.start && a.step === b.step;

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
  #brush: ActiveBrush | null = null;

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
    await this.#dropCubes();
    this.#fields = fields;
    this.#cache.clear();
    await Promise.all(this.#clients.map((c) => this.#run(c)));
  }

  /** Set (or with `null`, clear) selection `name`, and re-query the clients whose filters changed. */
  async select(name: string, clause: SelectionClause | null): Promise<void> {
    // Cubes hold every other selection: another one changing makes them stale.
    if (this.#brush && name !== this.#brush.name) await this.#dropCubes();
    const before = this.#clients.map((c) => this.#selectionKey(c));
    if (clause) this.#selections.set(name, clause);
    else this.#selections.delete(name);
    for (const c of this.#clients) c.selectionChanged?.(this.#selections);
    const affected = this.#clients.filter((c, i) => this.#selectionKey(c) !== before[i]);
    if (this.#fields) await Promise.all(affected.map((c) => this.#run(c)));
  }

  /**
   * Starts brushing selection `name` over `bins.field` (on pointer down): for every client the
   * brush filters, each spec is pre-aggregated by the brush's bins (`buildBrushCube`) with all
   * the other selections applied, so that each {@link brush} move is answered from groups × bins
   * instead of the rows. Specs that cannot be cubed (count_distinct) are queried directly.
   */
  async brushStart(name: string, source: string, bins: BrushBins): Promise<void> {
    const held = this.#brush;
    if (held && held.name === name && held.source === source && sameBins(held.bins, bins)) {
      await held.ready; // prepared ahead (prepareBrush), and nothing has changed since
      return;
    }
    await this.#dropCubes();
    const brush: ActiveBrush = {
      name,
      source,
      bins,
      cubes: new Map(),
      ready: Promise.resolve(),
      range: null,
    };
    this.#brush = brush;
    const builds: Promise<unknown>[] = [];
    for (const client of this.#clients) {
      if (client.id === source || !this.#listens(client, name)) continue;
      const cubes = new Map<string, BrushCube | null>();
      brush.cubes.set(client.id, cubes);
      for (const [specName, spec] of Object.entries(client.specs())) {
        const fields = this.#fields?.[spec.from];
        if (!fields || !(bins.field in fields)) {
          cubes.set(specName, null); // the brush does not filter this extract
          continue;
        }
        const others = this.#selectionFilters(client, name).filter((f) => f.field in fields);
        const cube = buildBrushCube(withFilters(spec, others), bins, `__cube_${++cubeSerial}`, { fields });
        cubes.set(specName, cube);
        if (cube) builds.push(this.#connector.query(cube.build.sql, cube.build.params));
      }
    }
    brush.ready = Promise.all(builds).then(() => undefined);
    await brush.ready;
  }

  /**
   * Builds the cubes of a brush ahead of it — when the pointer enters the brushing chart, or in
   * idle time — so that {@link brushStart} with the same arguments finds them ready and the first
   * move does not wait for a scan of every row. They last until another selection changes, the
   * data is replaced, or the brush ends.
   */
  prepareBrush(name: string, source: string, bins: BrushBins): Promise<void> {
    return this.brushStart(name, source, bins);
  }

  /**
   * Moves the brush of {@link brushStart} to `[from, to)` (bin edges): sets the selection and
   * answers the clients it filters from their cubes.
   */
  async brush(range: readonly [number, number], label: string): Promise<void> {
    const brush = this.#brush;
    if (!brush) throw new Error("coordinator: brush() without brushStart()");
    await brush.ready;
    brush.range = range;
    const type = this.#fieldType(brush.bins.field);
    await this.select(brush.name, {
      source: brush.source,
      value: `${range[0]}–${range[1]}`,
      label,
      filters: brushFilters(brush.bins, range, type),
    });
  }

  /** Ends the brush (pointer up): drops the cubes; the selection stays, queried directly from now on. */
  async brushEnd(): Promise<void> {
    await this.#dropCubes();
  }

  #fieldType(field: string) {
    for (const fields of Object.values(this.#fields ?? {})) if (fields[field]) return fields[field];
    return undefined;
  }

  async #dropCubes(): Promise<void> {
    const brush = this.#brush;
    if (!brush) return;
    this.#brush = null;
    await brush.ready.catch(() => undefined);
    const drops = [...brush.cubes.values()].flatMap((m) => [...m.values()]).filter((c) => c !== null);
    await Promise.all(drops.map((c) => this.#connector.query(c.drop, []).catch(() => undefined)));
  }

  /** The query answering `spec` (named `specName`) of `client` now: from a brush cube when one holds it. */
  #built(client: QueryClient, specName: string, spec: QuerySpec): BuiltQuery {
    const brush = this.#brush;
    const cube = brush?.range ? brush.cubes.get(client.id)?.get(specName) : undefined;
    if (brush?.range && cube && this.#selections.get(brush.name)?.source === brush.source) {
      return cube.query(brush.range);
    }
    const effective = this.effectiveSpec(client, spec);
    return buildSql(effective, { fields: this.#fields?.[spec.from] });
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

  #selectionFilters(client: QueryClient, except?: string): Filter[] {
    return [...this.#selections.entries()]
      .filter(
        ([name, clause]) => name !== except && this.#listens(client, name) && clause.source !== client.id,
      )
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
          const { sql, params } = this.#built(client, name, spec);
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
