import { Hono, type Context } from "hono";
import { apiError } from "../../errors.ts";

/**
 * What `/cameras` answers when the server runs without the vision service (`--no-vision`):
 * 503 `vision_disabled` for every camera route, so a device pushing frames learns why.
 * @example
 * if (!options.cameras) api.route("/", visionDisabledRoutes());
 */
export function visionDisabledRoutes(): Hono {
  const app = new Hono();
  const disabled = (c: Context): Response =>
    apiError(
      c,
      503,
      "vision_disabled",
      "the vision service is off on this server (started with --no-vision); no camera takes frames",
    );
  app.all("/cameras", disabled);
  app.all("/cameras/*", disabled);
  app.all("/vision-evidence/*", disabled);
  return app;
}
