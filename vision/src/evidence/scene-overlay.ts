import type { LineConfig } from "../config/camera-config.ts";
import type { Point } from "../geometry/point.ts";
import type { Scene } from "../pipeline/scene.ts";
import { trafficClassOf } from "../pipeline/traffic-class.ts";

/** Colours per stream class (boxes and labels). */
const CLASS_COLOURS: Record<string, string> = {
  person: "#22d3ee",
  bicycle: "#a3e635",
  motorcycle: "#facc15",
  car: "#60a5fa",
  bus: "#c084fc",
  truck: "#fb923c",
};
const ALERT = "#ef4444";
const FONT = "WenQuanYi Micro Hei, Noto Sans CJK SC, Microsoft YaHei, sans-serif";

/** Escapes text for SVG content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const pts = (points: readonly Point[]): string =>
  points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");

/** Estimated text width: CJK characters are square, Latin ones about 0.6 em. */
function textWidth(text: string, size: number): number {
  return Math.ceil([...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 1 : 0.6), 0) * size);
}

/** Splits text into lines no wider than `width` (by estimate). */
function wrap(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const c of text) {
    if (line && textWidth(line + c, size) > width) {
      lines.push(line);
      line = "";
    }
    line += c;
  }
  return line ? [...lines, line] : lines;
}

/** A label with a dark backing box so it reads on any background. */
function label(x: number, y: number, text: string, colour: string, size: number, backing = "#000"): string {
  const width = textWidth(text, size) + 6;
  const top = Math.max(0, y - size - 4);
  const opacity = backing === "#000" ? 0.6 : 0.9;
  return (
    `<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${width}" height="${size + 4}" fill="${backing}" fill-opacity="${opacity}"/>` +
    `<text x="${(x + 3).toFixed(1)}" y="${(top + size).toFixed(1)}" font-size="${size}" fill="${colour}">${escapeXml(text)}</text>`
  );
}

/** `上行 3 · 下行 1`, with the line's own direction names when it has them: `上行(进城) 3 · …`. */
function lineTotalsText(line: LineConfig, total: { up: number; down: number }): string {
  const [upName, downName] =
    line.up === "left-to-right"
      ? [line.names?.leftToRight, line.names?.rightToLeft]
      : [line.names?.rightToLeft, line.names?.leftToRight];
  const name = (n: string | undefined): string => (n ? `(${n})` : "");
  return `${line.id} 上行${name(upName)} ${total.up} · 下行${name(downName)} ${total.down}`;
}

/** Time in Asia/Shanghai (what duty officers read), `2026-11-26 14:00:30`. */
function shanghaiTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

/**
 * The overlay of a scene as an SVG the size of the frame: zone polygons (the alert's zone in
 * red), counting lines with an arrow towards `up` and their totals, each track's box with id,
 * class and score (the alert's object in red, thicker, with the highlight's note — a plate — under
 * it), and a caption bar with camera, time and the alert message.
 */
export function sceneOverlaySvg(scene: Scene): string {
  const { width, height, camera, highlight } = scene;
  const size = Math.max(12, Math.round(height / 40));
  const parts: string[] = [];
  for (const zone of camera.zones) {
    const hot = zone.id === highlight?.zoneId;
    const colour = hot ? ALERT : "#fbbf24";
    parts.push(
      `<polygon points="${pts(zone.polygon)}" fill="${colour}" fill-opacity="${hot ? 0.18 : 0.06}" stroke="${colour}" stroke-width="${hot ? 3 : 1.5}" stroke-dasharray="${hot ? "" : "8 6"}"/>`,
    );
    const first = zone.polygon[0] ?? { x: 0, y: 0 };
    parts.push(label(first.x + 4, first.y + size + 6, zone.name ?? zone.id, colour, size));
  }
  for (const line of camera.lines) {
    const total = scene.lineTotals?.get(line.id) ?? { up: 0, down: 0 };
    const mid = { x: (line.a.x + line.b.x) / 2, y: (line.a.y + line.b.y) / 2 };
    // The arrow points to the side `up` crossings move to: the right of a → b for left-to-right.
    const len = Math.hypot(line.b.x - line.a.x, line.b.y - line.a.y) || 1;
    const sign = line.up === "left-to-right" ? 1 : -1;
    const nx = (-(line.b.y - line.a.y) / len) * sign * 30;
    const ny = ((line.b.x - line.a.x) / len) * sign * 30;
    parts.push(
      `<line x1="${line.a.x}" y1="${line.a.y}" x2="${line.b.x}" y2="${line.b.y}" stroke="#f472b6" stroke-width="3"/>`,
      `<line x1="${mid.x}" y1="${mid.y}" x2="${(mid.x + nx).toFixed(1)}" y2="${(mid.y + ny).toFixed(1)}" stroke="#f472b6" stroke-width="3" marker-end="url(#arrow)"/>`,
      label(line.b.x + 4, line.b.y + size + 4, lineTotalsText(line, total), "#f472b6", size),
    );
  }
  for (const track of scene.tracks) {
    const hot = track.id === highlight?.trackId;
    const cls = trafficClassOf(track.label) ?? track.label;
    const colour = hot ? ALERT : (CLASS_COLOURS[cls] ?? "#e5e7eb");
    const { x1, y1, x2, y2 } = track.box;
    parts.push(
      `<rect x="${x1.toFixed(1)}" y="${y1.toFixed(1)}" width="${(x2 - x1).toFixed(1)}" height="${(y2 - y1).toFixed(1)}" fill="none" stroke="${colour}" stroke-width="${hot ? 4 : 2}"/>`,
      label(x1, y1, `#${track.id} ${cls} ${track.score.toFixed(2)}`, colour, Math.round(size * 0.8)),
    );
    // The note (a plate read) sits under the box, white on plate blue, so it reads like the plate.
    if (hot && highlight?.note)
      parts.push(label(x1, Math.min(height, y2 + size + 8), highlight.note, "#ffffff", size, "#0b3f9e"));
  }
  const captions = [
    `${camera.name ?? camera.id}  ${camera.id}  ${shanghaiTime(scene.timestamp)}`,
    ...wrap(highlight?.caption ?? "", size, width - 12),
  ];
  captions.forEach((text, i) =>
    parts.push(label(0, (size + 4) * (i + 1), text, i === 0 ? "#ffffff" : "#fecaca", size)),
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${FONT}">` +
    `<defs><marker id="arrow" markerWidth="8" markerHeight="8" refX="6" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#f472b6"/></marker></defs>` +
    parts.join("") +
    `</svg>`
  );
}
