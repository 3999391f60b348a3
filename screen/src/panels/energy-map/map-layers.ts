import type { Layer } from "@deck.gl/core";
import { GeoJsonLayer, PathLayer, TextLayer } from "@deck.gl/layers";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import type { TownFeature } from "../../data/reference-geo.ts";
import { rampColor, rampPosition } from "./color-ramp.ts";
import type { Rgba } from "./color-ramp.ts";
import { outerRings } from "./geo-helpers.ts";

/** A town label on the map. */
export interface TownLabel {
  code: string;
  text: string;
  position: [number, number];
}

/** Everything the map draws, for {@link mapLayers}. */
export interface MapLayerInput {
  outline: Feature<Polygon | MultiPolygon>;
  towns: readonly TownFeature[];
  labels: readonly TownLabel[];
  tceByCode: ReadonlyMap<string, number>;
  /** The ramp's range. */
  min: number;
  max: number;
  selected: string | null;
  /** Every character the labels use (deck.gl bakes only these into its glyph atlas). */
  characterSet: readonly string[];
  fontFamily: string;
  /** Bumps when values change, so deck.gl recomputes colours. */
  version: number;
}

const CYAN: [number, number, number] = [9, 237, 254];
const GOLD: Rgba = [255, 217, 1, 255];

/**
 * The map's layers, bottom to top: town cells filled by tce on the cyan-blue ramp, the
 * district outline as a three-pass glow, the selected town's gold outline, and town names.
 */
export function mapLayers(input: MapLayerInput): Layer[] {
  const { selected } = input;
  const rings: Position[][] = outerRings(input.outline.geometry);
  const glow = [
    { width: 18, alpha: 20 },
    { width: 8, alpha: 60 },
    { width: 2.5, alpha: 255 },
  ].map(
    (pass, i) =>
      new PathLayer<Position[]>({
        id: `outline-glow-${i}`,
        data: rings,
        getPath: (ring) => ring as [number, number][],
        getColor: [...CYAN, pass.alpha],
        getWidth: pass.width,
        widthUnits: "pixels",
        jointRounded: true,
        capRounded: true,
      }),
  );
  const selectedTown = input.towns.filter((t) => t.properties.code === selected);
  return [
    new GeoJsonLayer<TownFeature["properties"]>({
      id: "town-cells",
      data: input.towns as TownFeature[],
      pickable: true,
      filled: true,
      stroked: true,
      getFillColor: (f) => {
        const code = f.properties.code;
        const t = rampPosition(input.tceByCode.get(code) ?? 0, input.min, input.max);
        return rampColor(t, selected && selected !== code ? 120 : 215);
      },
      getLineColor: [79, 210, 221, 120],
      getLineWidth: 1,
      lineWidthUnits: "pixels",
      updateTriggers: { getFillColor: [input.version, selected] },
    }),
    ...glow,
    new GeoJsonLayer<TownFeature["properties"]>({
      id: "town-selected",
      data: selectedTown,
      filled: false,
      stroked: true,
      getLineColor: GOLD,
      getLineWidth: 3,
      lineWidthUnits: "pixels",
    }),
    new TextLayer<TownLabel>({
      id: "town-labels",
      data: input.labels as TownLabel[],
      getPosition: (d) => d.position,
      getText: (d) => d.text,
      getSize: 16,
      getColor: (d) => (d.code === selected ? GOLD : [255, 255, 255, 235]),
      fontFamily: input.fontFamily,
      fontWeight: 700,
      characterSet: input.characterSet as string[],
      fontSettings: { sdf: true, fontSize: 48, buffer: 8 },
      outlineWidth: 0.3,
      outlineColor: [2, 12, 28, 230],
      getTextAnchor: "middle",
      getAlignmentBaseline: "center",
      updateTriggers: { getColor: [selected] },
    }),
  ];
}
