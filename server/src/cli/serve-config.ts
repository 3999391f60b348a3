import { readFile } from "node:fs/promises";
import { z } from "zod";

const PRESETS = ["tiny", "demo", "full"] as const;

/** The settings of `citybrain serve` that a config file may hold (all optional). */
export const serveConfigSchema = z
  .object({
    preset: z.enum(PRESETS),
    seed: z.number().int().min(0),
    data: z.string().min(1),
    port: z.number().int().min(0).max(65535),
    host: z.string().min(1),
    wallToken: z.boolean(),
    simulate: z.boolean(),
    speed: z.number().gt(0).max(86_400),
    vision: z.boolean(),
    visionConfig: z.string().min(1),
    maxFrameBytes: z
      .number()
      .int()
      .min(1024)
      .max(256 * 1024 * 1024),
  })
  .partial()
  .strict();

/** A validated serve config. */
export type ServeConfig = z.infer<typeof serveConfigSchema>;

/**
 * Reads and validates a JSON config file. Errors name the file and the key, e.g.
 * `citybrain.json: "port": expected a number ≤ 65535, got 70000`.
 */
export async function readServeConfig(file: string): Promise<ServeConfig> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (e) {
    throw new Error(
      `${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `not JSON (${(e as Error).message})`}`,
    );
  }
  const parsed = serveConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const key = i.path.length
        ? `"${i.path.join(".")}"`
        : i.code === "unrecognized_keys"
          ? ""
          : "(top level)";
      const keys =
        i.code === "unrecognized_keys"
          ? `unknown key(s) ${i.keys.map((k) => `"${k}"`).join(", ")}`
          : i.message;
      return `${key ? `${key}: ` : ""}${keys}`;
    });
    throw new Error(
      `${file}: ${issues.join("; ")} (allowed keys: ${Object.keys(serveConfigSchema.shape).join(", ")})`,
    );
  }
  return parsed.data;
}

/**
 * Settles each setting: a command-line flag wins, then its environment variable, then the config
 * file, then the default. `sourceOf` says where commander took a value from.
 */
export function mergeServeConfig<T extends Record<string, unknown>>(
  opts: T,
  sourceOf: (key: string) => string | undefined,
  config: ServeConfig,
): T {
  const out: Record<string, unknown> = { ...opts };
  for (const [key, value] of Object.entries(config)) {
    const source = sourceOf(key);
    if (source === undefined || source === "default") out[key] = value;
  }
  return out as T;
}
