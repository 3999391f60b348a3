import { Deck, MapView, WebMercatorViewport } from "@deck.gl/core";
import type { Layer } from "@deck.gl/core";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { h } from "../../components/dom.ts";
import { geoBounds } from "./geo-helpers.ts";

/** A static deck.gl map (no pan/zoom: a wall) fitted to an outline. */
export interface MapDeck {
  /** Draw `layers`; resolves after deck.gl has rendered them. */
  render(layers: Layer[]): Promise<void>;
  /** The wall's CSS scale changed: render at a matching pixel ratio. */
  setScale(scale: number): void;
  /** Where a lon/lat point is on the page now (client pixels, after the wall's CSS scaling). */
  clientPoint(lonLat: readonly [number, number]): { x: number; y: number };
}

/** Options for {@link createMapDeck}. */
export interface MapDeckOptions {
  parent: HTMLElement;
  outline: Feature<Polygon | MultiPolygon>;
  scale: number;
  /** Layer ids a click picks from. */
  pickLayers: string[];
  /** Called with the object under a click (or `null`). */
  onPick(object: unknown): void;
}

/**
 * Mount a deck.gl canvas in `parent`, fitted to `outline` with 36 px padding.
 *
 * Clicks are picked here rather than by deck.gl's own pointer handling: under the wall's CSS
 * `transform: scale()`, deck.gl would read client offsets as canvas pixels and miss by the
 * scale factor; dividing by the measured scale makes picking exact.
 */
export function createMapDeck(options: MapDeckOptions): MapDeck {
  const host = h("div", { class: "map-canvas" });
  options.parent.prepend(host);
  const width = options.parent.clientWidth;
  const height = options.parent.clientHeight;
  const fitted = new WebMercatorViewport({ width, height }).fitBounds(geoBounds([options.outline.geometry]), {
    padding: 36,
  });
  const pixelRatio = (scale: number): number => Math.max(1, window.devicePixelRatio * scale);
  const waiting: (() => void)[] = [];
  const deck = new Deck<MapView>({
    parent: host,
    views: new MapView({ repeat: false }),
    initialViewState: { longitude: fitted.longitude, latitude: fitted.latitude, zoom: fitted.zoom },
    controller: false,
    useDevicePixels: pixelRatio(options.scale),
    layers: [],
    getCursor: ({ isHovering }) => (isHovering ? "pointer" : "default"),
    onAfterRender: () => waiting.splice(0).forEach((resolve) => resolve()),
  });
  host.addEventListener("click", (event) => {
    const rect = host.getBoundingClientRect();
    const s = rect.width / host.clientWidth || 1;
    const at = { x: (event.clientX - rect.left) / s, y: (event.clientY - rect.top) / s };
    void deck
      .pickObjectAsync({ ...at, radius: 2, layerIds: options.pickLayers })
      .then((info) => options.onPick(info?.object ?? null));
  });
  return {
    render(layers) {
      return new Promise((resolve) => {
        waiting.push(resolve);
        deck.setProps({ layers });
      });
    },
    setScale(scale) {
      deck.setProps({ useDevicePixels: pixelRatio(scale) });
    },
    clientPoint(lonLat) {
      const [px, py] = fitted.project([lonLat[0], lonLat[1]]) as [number, number];
      const rect = host.getBoundingClientRect();
      const s = rect.width / host.clientWidth || 1;
      return { x: rect.left + px * s, y: rect.top + py * s };
    },
  };
}
