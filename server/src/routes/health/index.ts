import { Hono } from "hono";

/** A component's state as reported by `/health`. */
export interface ComponentState {
  readonly ok: boolean;
  readonly detail?: string;
}

/**
 * `GET /health`: liveness (the process answers) and readiness (every component ok → 200, else 503).
 * @example
 * app.route("/api", healthRoutes({ components: { store: async () => ({ ok: true }) } }));
 */
export function healthRoutes(options: {
  readonly components: Readonly<Record<string, () => Promise<ComponentState>>>;
}): Hono {
  const app = new Hono();
  app.get("/health", async (c) => {
    const entries = await Promise.all(
      Object.entries(options.components).map(async ([name, check]) => {
        try {
          return [name, await check()] as const;
        } catch (e) {
          return [name, { ok: false, detail: (e as Error).message }] as const;
        }
      }),
    );
    const components = Object.fromEntries(entries);
    const ready = entries.every(([, s]) => s.ok);
    return c.json({ live: true, ready, components }, ready ? 200 : 503);
  });
  return app;
}
