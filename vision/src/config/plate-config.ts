import { z } from "zod";
import { parsePlate } from "../ocr/plate-text.ts";

const VEHICLES = ["car", "bus", "truck", "motorcycle"] as const;
const severity = z.enum(["critical", "major", "minor", "info"]);

/** A watchlist entry, normalised to the `渝A·D1234` form so matching ignores dots, spaces and case. */
const watchedPlate = z.string().transform((text, ctx) => {
  const plate = parsePlate(text);
  if (plate === undefined) {
    ctx.addIssue({
      code: "custom",
      message: `"${text}" is not a mainland plate (expected e.g. "渝A·D1234": province, letter, 5–6 letters or digits)`,
    });
    return z.NEVER;
  }
  return plate;
});

/**
 * A camera's licence-plate reading: which confirmed vehicles get OCR'd, how often, and how the
 * resulting `vision.plate_read` alert is graded.
 */
export const plateConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Id of one of the camera's zones: only vehicles whose ground point is inside are read. Whole frame when omitted. */
    zone: z.string().min(1).optional(),
    /** Vehicle boxes narrower than this (frame pixels) are not read: their plates are too small to be legible. */
    minCropWidth: z.number().int().min(32).default(160),
    /** Recogniser confidence (mean character probability, 0–1) a read needs to count. */
    minConfidence: z.number().min(0).max(1).default(0.8),
    classes: z
      .array(z.enum(VEHICLES))
      .min(1)
      .default([...VEHICLES]),
    /** Plates that raise `watchlistSeverity` instead of `severity` (e.g. wanted vehicles). */
    watchlist: z.array(watchedPlate).default([]),
    /** OCR runs per vehicle; the best read is kept. */
    maxAttempts: z.number().int().min(1).max(10).default(3),
    /** Seconds between two OCR runs on the same vehicle. */
    retrySeconds: z.number().min(0).default(1),
    /** OCR runs of this camera in flight at once; a vehicle due while all are busy waits for a later frame. */
    maxInFlight: z.number().int().min(1).max(8).default(1),
    severity: severity.default("info"),
    watchlistSeverity: severity.default("major"),
  })
  .strict();

/** A validated `plates` setting, defaults filled in. */
export type PlateConfig = z.output<typeof plateConfigSchema>;

/** Reports a `plates.zone` that names none of the camera's zones. */
export function checkPlateZone(
  camera: { zones: readonly { id: string }[]; plates?: { zone?: string } },
  ctx: z.RefinementCtx,
): void {
  const zone = camera.plates?.zone;
  if (zone === undefined || camera.zones.some((z) => z.id === zone)) return;
  const known = camera.zones.map((z) => `"${z.id}"`).join(", ");
  ctx.addIssue({
    code: "custom",
    path: ["plates", "zone"],
    message: `no zone "${zone}" on this camera (${known ? `zones: ${known}` : "it has no zones"}); omit it to read the whole frame`,
  });
}
