import { z } from "zod";
import { USER_ROLES } from "../../auth/roles.ts";
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  STREAM_NAME_PATTERN,
  USER_NAME_PATTERN,
} from "../../auth/store/index.ts";

const userName = z
  .string({ error: "expected a string" })
  .regex(
    USER_NAME_PATTERN,
    "must be 1–64 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit",
  );

const newPassword = z
  .string({ error: "expected a string" })
  .refine((s) => [...s].length >= PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .refine((s) => [...s].length <= PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

const label = z
  .string({ error: "expected a string" })
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters");

const stream = z.string({ error: "expected a string" }).regex(STREAM_NAME_PATTERN, "is not a stream name");

/** `POST /auth/login`. */
export const loginBody = z.strictObject({
  name: z.string({ error: "expected a string" }).min(1, "must not be empty").max(64, "is too long"),
  password: z
    .string({ error: "expected a string" })
    .min(1, "must not be empty")
    .max(PASSWORD_MAX_LENGTH, "is too long"),
});

/** `POST /auth/setup`. */
export const setupBody = z.strictObject({
  code: z.string({ error: "expected a string" }).min(1, "must not be empty").max(200, "is too long"),
  name: userName,
  password: newPassword,
});

/** `POST /auth/users`. */
export const newUserBody = z.strictObject({
  name: userName,
  role: z.enum(USER_ROLES, { error: `must be one of ${USER_ROLES.join(", ")}` }),
  password: newPassword,
});

/** `POST /auth/users/:name/password`. */
export const passwordBody = z.strictObject({ password: newPassword });

/** `POST /auth/tokens`: a display token has no streams; an ingest token at least one. */
export const newTokenBody = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("display"), label }),
    z.strictObject({
      kind: z.literal("ingest"),
      label,
      streams: z
        .array(stream, { error: "expected a list of stream names" })
        .min(1, "must name at least one stream"),
    }),
  ],
  { error: "must be display or ingest" },
);
