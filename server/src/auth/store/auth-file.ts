import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "@citybrain/analytics";
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

/** Replaces the auth file atomically and privately (a 0600 file; see `writeFileAtomic`). */
export async function saveAuthFile(path: string, data: AuthData): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
}
