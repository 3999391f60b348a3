import type { PanelFrame } from "../components/panel-frame.ts";
import type { I18n } from "../i18n/i18n.ts";
import type { QueryClient } from "../query/query-client.ts";

/** A panel on the wall: a query client with a frame. */
export interface Panel extends QueryClient {
  frame: PanelFrame;
  /** Resolves once the first data has been drawn. */
  rendered: Promise<void>;
  /** The wall's CSS scale changed (charts re-render sharp). */
  setScale?(scale: number): void;
}

/** What every panel gets: labels, and the extract its specs read. */
export interface PanelContext {
  i18n: I18n;
  /** Name of the extract (DuckDB table) to read, e.g. `energy_daily_town`. */
  extract: string;
}

/** A promise with its resolve function, for {@link Panel.rendered}. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
