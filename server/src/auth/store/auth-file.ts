import { open, readFile, rename, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { authDataSchema, emptyAuthData, type AuthData } from "./auth-data.ts";

/** Reads the auth file; a missing file is an empty store, a malformed one an error naming the field. */
export async function loadAuthFile(path: string): Promise<AuthData> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return emptyAuthData();
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`auth file ${path} is not JSON (${(e as Error).message}); restore it from a backup`);
  }
  const parsed = authDataSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "(root)";
    throw new Error(
      `auth file ${path}, field "${where}": ${issue?.message ?? "invalid"}; restore it from a backup`,
    );
  }
  return parsed.data;
}

/**
 * Replaces the auth file atomically and privately: a 0600 temp file in the same directory,
 * fsync, rename over the target, then fsync the directory so the rename survives a power cut.
 */
export async function saveAuthFile(path: string, data: AuthData): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const fh = await open(tmp, "wx", 0o600);
  try {
    await fh.writeFile(`${JSON.stringify(data, null, 2)}\n`);
    await fh.sync();
  } catch (e) {
    await fh.close();
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  await rename(tmp, path);
  const dir = await open(dirname(path), "r");
  try {
    await dir.sync();
  } catch {
    // Some filesystems (and Windows) refuse fsync on a directory; the rename is still atomic.
  } finally {
    await dir.close();
  }
}
