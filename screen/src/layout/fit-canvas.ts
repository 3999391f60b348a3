/** The design canvas every wall layout is drawn on, in CSS pixels. */
export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;

/** How the fixed design canvas sits in the window: uniform scale, centred, letterboxed. */
export interface CanvasFit {
  scale: number;
  offsetX: number;
  offsetY: number;
}

/**
 * Fit a `designWidth × designHeight` canvas into a window: `scale = min(sx, sy)`, centred, never
 * stretched (GoView "fit").
 *
 * @example fitCanvas(3840, 2160) // => { scale: 2, offsetX: 0, offsetY: 0 }
 */
export function fitCanvas(
  windowWidth: number,
  windowHeight: number,
  designWidth = DESIGN_WIDTH,
  designHeight = DESIGN_HEIGHT,
): CanvasFit {
  const scale = Math.max(0.01, Math.min(windowWidth / designWidth, windowHeight / designHeight));
  return {
    scale,
    offsetX: Math.round((windowWidth - designWidth * scale) / 2),
    offsetY: Math.round((windowHeight - designHeight * scale) / 2),
  };
}

/**
 * Keep `canvas` fitted to the window; calls `onChange` with each new fit (charts re-render
 * sharp at the new scale). Returns a function that stops listening.
 */
export function keepFitted(canvas: HTMLElement, onChange: (fit: CanvasFit) => void): () => void {
  const apply = (): void => {
    const fit = fitCanvas(window.innerWidth, window.innerHeight);
    canvas.style.transform = `translate(${fit.offsetX}px, ${fit.offsetY}px) scale(${fit.scale})`;
    onChange(fit);
  };
  apply();
  window.addEventListener("resize", apply);
  return () => window.removeEventListener("resize", apply);
}
