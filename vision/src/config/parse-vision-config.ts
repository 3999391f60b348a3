import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { cameraConfigSchema, visionConfigSchema } from "./camera-config.ts";
import type { CameraConfig, VisionConfig } from "./camera-config.ts";

/** A config that failed validation; `problems` holds one line per problem. */
export class VisionConfigError extends Error {
  override readonly name = "VisionConfigError";

  constructor(
    readonly origin: string,
    readonly problems: readonly string[],
  ) {
    super(
      `${origin}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n  ${problems.join("\n  ")}`,
    );
  }
}

/** `lines[1].a.x` from a zod path. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
    .join("");
}

function cameraLabel(camera: unknown, index: number): string {
  const id = (camera as { id?: unknown } | null)?.id;
  return `${typeof id === "string" ? `camera "${id}"` : "camera without an id"} (cameras[${index}])`;
}

/**
 * One readable line per zod issue, naming the camera (by id when it has one) and the field.
 * `single` is set when `raw` is one camera rather than a whole file.
 */
function describe(issues: readonly z.core.$ZodIssue[], raw: unknown, single?: number): string[] {
  const cameras = (raw as { cameras?: unknown } | null)?.cameras;
  return issues.map((issue) => {
    let path = issue.path;
    let where = "";
    if (single !== undefined) where = `${cameraLabel(raw, single)}, `;
    else if (path[0] === "cameras" && typeof path[1] === "number") {
      where = `${cameraLabel(Array.isArray(cameras) ? cameras[path[1]] : undefined, path[1])}, `;
      path = path.slice(2);
    }
    const field = path.length > 0 ? `field "${fieldPath(path)}"` : "the value itself";
    const message = issue.message.replace(
      /^Invalid input: expected (\w+), received undefined$/,
      "missing (expected $1)",
    );
    return `${where}${field}: ${message}`;
  });
}

/**
 * Validates a parsed config file and fills in defaults.
 * @param origin where it came from (a file name), for messages.
 * @throws {VisionConfigError} naming the camera and field of every problem, e.g.
 *   `cameras.json: 1 problem\n  camera "CAM-00822" (cameras[0]), field "lines[0].up": Invalid option: expected one of "left-to-right"|"right-to-left"`
 * @example
 * const config = parseVisionConfig(JSON.parse(text), "cameras.json");
 */
export function parseVisionConfig(raw: unknown, origin = "vision config"): VisionConfig {
  const result = visionConfigSchema.safeParse(raw);
  if (!result.success) throw new VisionConfigError(origin, describe(result.error.issues, raw));
  return result.data;
}

/** Validates one camera (e.g. one added through an API); errors name it like {@link parseVisionConfig}. */
export function parseCameraConfig(raw: unknown, origin = "camera config", index = 0): CameraConfig {
  const result = cameraConfigSchema.safeParse(raw);
  if (!result.success) throw new VisionConfigError(origin, describe(result.error.issues, raw, index));
  return result.data;
}

/**
 * Reads and validates a JSON config file.
 * @throws {VisionConfigError} when the file is missing, not JSON, or invalid.
 */
export async function loadVisionConfig(path: string): Promise<VisionConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new VisionConfigError(path, [`cannot read the file: ${(error as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new VisionConfigError(path, [`not valid JSON: ${(error as Error).message}`]);
  }
  return parseVisionConfig(raw, path);
}
