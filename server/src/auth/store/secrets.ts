import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random URL-safe string carrying `bytes` bytes of entropy. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Hex sha256 of a UTF-8 string: what the store keeps instead of a secret. */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/** Compares two strings in time independent of where they differ (hashes first, so lengths may differ). */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(
    createHash("sha256").update(a, "utf8").digest(),
    createHash("sha256").update(b, "utf8").digest(),
  );
}
