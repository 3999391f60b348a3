/**
 * Write `format(now)` into `el` every second, aligned to the second boundary so the
 * displayed seconds tick together with the wall clock. Returns a stop function.
 */
export function startClock(el: HTMLElement, format: (now: number) => string): () => void {
  let timer = 0;
  const tick = (): void => {
    const now = Date.now();
    el.textContent = format(now);
    timer = window.setTimeout(tick, 1000 - (now % 1000) + 5);
  };
  tick();
  return () => window.clearTimeout(timer);
}
