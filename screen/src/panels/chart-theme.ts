/** Shared ECharts styling for the navy wall: axis labels ≥ 14 px, faint split lines. */
export const AXIS_LABEL = { color: "#b9b8ce", fontSize: 14, fontFamily: '"Noto Sans SC", sans-serif' };
export const AXIS_LINE = { lineStyle: { color: "rgba(255,255,255,0.25)" } };
export const SPLIT_LINE = { lineStyle: { color: "rgba(255,255,255,0.1)", type: "dashed" as const } };
export const LEGEND_TEXT = { color: "#d3d6dd", fontSize: 14, fontFamily: '"Noto Sans SC", sans-serif' };
export const TOOLTIP = {
  backgroundColor: "rgba(6, 30, 56, 0.92)",
  borderColor: "#4fd2dd",
  textStyle: { color: "#fff", fontSize: 14, fontFamily: '"Noto Sans SC", sans-serif' },
};
/** Digits face for values drawn on charts. */
export const DIGIT_TEXT = { fontFamily: "Rajdhani, sans-serif", fontWeight: 700 as const };
