import { z } from "zod";
import { TOKEN_KINDS, USER_ROLES } from "../roles.ts";

const iso = z.iso.datetime();

const passwordHashSchema = z.object({
  algo: z.literal("scrypt"),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  keylen: z.number().int().positive(),
  salt: z.string().min(1),
  hash: z.string().min(1),
});

const userRecordSchema = z.object({
  name: z.string().min(1),
  role: z.enum(USER_ROLES),
  password: passwordHashSchema,
  createdAt: iso,
  updatedAt: iso,
});

const tokenRecordSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(TOKEN_KINDS),
  label: z.string(),
  streams: z.array(z.string()),
  /** sha256 of the secret part; the secret itself is never stored. */
  secretSha256: z.string().length(64),
  createdAt: iso,
  createdBy: z.string(),
  lastUsedAt: iso.nullable(),
  revokedAt: iso.nullable(),
});

const sessionRecordSchema = z.object({
  /** sha256 of the cookie value, so a copy of the file cannot be replayed as a cookie. */
  idSha256: z.string().length(64),
  user: z.string(),
  csrf: z.string().min(1),
  createdAt: iso,
  /** Sliding idle expiry, pushed forward on use. */
  expiresAt: iso,
  /** Hard limit however active the session is. */
  absoluteExpiresAt: iso,
});

/** The auth file on disk (version 1). */
export const authDataSchema = z.object({
  version: z.literal(1),
  users: z.array(userRecordSchema),
  tokens: z.array(tokenRecordSchema),
  sessions: z.array(sessionRecordSchema),
});

export type AuthData = z.infer<typeof authDataSchema>;
export type UserRecord = z.infer<typeof userRecordSchema>;
export type TokenRecord = z.infer<typeof tokenRecordSchema>;
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

/** A store with nobody in it. */
export function emptyAuthData(): AuthData {
  return { version: 1, users: [], tokens: [], sessions: [] };
}
