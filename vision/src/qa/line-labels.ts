import { readFile } from "node:fs/promises";
import { z } from "zod";

const point = z.object({ x: z.number(), y: z.number() });

/** Hand-labelled crossings of one counting line in a video (`vision/qa/*.json`). */
export const lineLabelsSchema = z.object({
  video: z.string(),
  videoSha256: z.string().regex(/^[0-9a-f]{64}$/),
  fps: z.number().positive(),
  frames: z.number().int().positive(),
  size: z.object({ width: z.number().int(), height: z.number().int() }),
  line: z.object({
    id: z.string(),
    a: point,
    b: point,
    up: z.enum(["left-to-right", "right-to-left"]),
    names: z.object({ leftToRight: z.string(), rightToLeft: z.string() }).optional(),
  }),
  anchor: z.literal("bottom-centre"),
  labelledFrames: z.object({ first: z.number().int(), last: z.number().int() }),
  labeller: z.string(),
  crossings: z.array(
    z.object({
      frame: z.number().int().min(0),
      direction: z.enum(["left-to-right", "right-to-left"]),
      who: z.string(),
    }),
  ),
});

/** A labels file. */
export type LineLabels = z.output<typeof lineLabelsSchema>;

/** Reads and checks a labels file; errors name the file and the field. */
export async function loadLineLabels(path: string): Promise<LineLabels> {
  const result = lineLabelsSchema.safeParse(JSON.parse(await readFile(path, "utf8")));
  if (!result.success) {
    const issues = result.error.issues.map((i) => `field "${i.path.join(".")}": ${i.message}`);
    throw new Error(`${path}: ${issues.join("; ")}`);
  }
  return result.data;
}
