import type { RowOf, TrafficClass, traffic } from "@citybrain/datasets";

/** One row of the `traffic` stream. */
export type TrafficRow = RowOf<(typeof traffic)["fields"]>;

/** One counted crossing, already mapped to the stream's terms. */
export interface CountedCrossing {
  lineId: string;
  direction: "up" | "down";
  trafficClass: TrafficClass;
  timestamp: number;
  /** Speed estimate, when the camera is calibrated. */
  speedKmh?: number;
}

interface Cell {
  count: number;
  speedSum: number;
  speeds: number;
}

const MINUTE_MS = 60_000;

/** Where a camera's rows say they were counted. */
export interface CountSite {
  cameraId: string;
  townCode: string;
  /** Road of each line; `null` when not known. */
  roadOf: (lineId: string) => string | null;
}

/**
 * Per-minute crossing counts of one camera, per line × direction × class, turned into `traffic`
 * rows when the minute closes. Minutes are UTC epoch minutes of the frame timestamps, so they
 * line up with every other stream. Only cells with crossings become rows (like the generator: a
 * quiet minute has no row; camera health tells quiet from offline).
 */
export class MinuteCounts {
  private readonly minutes = new Map<number, Map<string, Cell>>();

  constructor(private readonly site: CountSite) {}

  /** Adds a crossing to its minute. */
  add(c: CountedCrossing): void {
    const minute = Math.floor(c.timestamp / MINUTE_MS) * MINUTE_MS;
    let cells = this.minutes.get(minute);
    if (!cells) this.minutes.set(minute, (cells = new Map()));
    const key = `${c.lineId}\u0000${c.direction}\u0000${c.trafficClass}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { count: 0, speedSum: 0, speeds: 0 }));
    cell.count += 1;
    if (c.speedKmh !== undefined && Number.isFinite(c.speedKmh)) {
      cell.speedSum += c.speedKmh;
      cell.speeds += 1;
    }
  }

  /** Rows of every minute that ended at or before `timestamp` (frames arrive in time order). */
  closeBefore(timestamp: number): TrafficRow[] {
    const current = Math.floor(timestamp / MINUTE_MS) * MINUTE_MS;
    return this.take((minute) => minute < current);
  }

  /** Rows of every minute held, including the one still open (on stop). */
  closeAll(): TrafficRow[] {
    return this.take(() => true);
  }

  private take(due: (minute: number) => boolean): TrafficRow[] {
    const rows: TrafficRow[] = [];
    for (const minute of [...this.minutes.keys()].sort((a, b) => a - b)) {
      if (!due(minute)) continue;
      for (const [key, cell] of this.minutes.get(minute) ?? []) {
        const [lineId = "", direction = "up", cls = "person"] = key.split("\u0000");
        rows.push({
          ts: minute,
          camera_id: this.site.cameraId,
          line_id: lineId,
          road_id: this.site.roadOf(lineId),
          town_code: this.site.townCode,
          direction: direction as "up" | "down",
          class: cls as TrafficClass,
          count: cell.count,
          // Rounded to 0.1 km/h and kept inside the stream's range; a calibration error must not
          // make a whole batch fail validation.
          mean_speed_kmh:
            cell.speeds > 0 ? Math.min(250, Math.round((cell.speedSum / cell.speeds) * 10) / 10) : null,
        });
      }
      this.minutes.delete(minute);
    }
    return rows;
  }
}
