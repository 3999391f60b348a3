/** Ease-out cubic: fast start, gentle landing. */
export function easeOutCubic(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return 1 - (1 - c) ** 3;
}

/** The value shown `elapsed` ms into a roll from `from` to `to` lasting `duration` ms. */
export function rollingValue(from: number, to: number, elapsed: number, duration: number): number {
  if (duration <= 0 || elapsed >= duration) return to;
  return from + (to - from) * easeOutCubic(elapsed / duration);
}

/** Options for {@link createRollingNumber}. */
export interface RollingNumberOptions {
  /** Render one frame's value into the element. */
  render(value: number, final: boolean): void;
  /** Roll duration, ms (default 1000). */
  duration?: number;
}

/** A counter that rolls to each new value with ease-out. */
export interface RollingNumber {
  set(value: number): void;
  /** The value rolled to last. */
  readonly target: number;
}

/**
 * A counter that rolls from its current value to each new one in ~1 s with ease-out; the
 * first value rolls up from 0. `render` gets `final: true` on the last frame, so it can write
 * the exact, fully formatted text.
 */
export function createRollingNumber(options: RollingNumberOptions): RollingNumber {
  const duration = options.duration ?? 1000;
  let shown = 0;
  let target = 0;
  let frame = 0;
  return {
    get target() {
      return target;
    },
    set(value) {
      cancelAnimationFrame(frame);
      const from = shown;
      target = value;
      const start = performance.now();
      const step = (now: number): void => {
        const elapsed = now - start;
        shown = rollingValue(from, value, elapsed, duration);
        const final = elapsed >= duration;
        options.render(shown, final);
        if (!final) frame = requestAnimationFrame(step);
      };
      frame = requestAnimationFrame(step);
    },
  };
}
