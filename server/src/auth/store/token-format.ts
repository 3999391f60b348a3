import { randomBytes } from "node:crypto";
import type { TokenKind } from "../roles.ts";
import { randomSecret } from "./secrets.ts";

const PREFIX: Record<TokenKind, string> = { display: "cbd", ingest: "cbi" };
const TOKEN_RE = /^(cbd|cbi)\.([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/;

/** A freshly minted token: the public id and the whole secret string the holder presents. */
export interface MintedToken {
  readonly id: string;
  readonly secret: string;
  readonly token: string;
}

/**
 * Mints `cbd.<16 hex id>.<43 base64url secret>` (display) or `cbi.…` (ingest).
 * The prefix makes leaked tokens easy to grep for; the id lets the store find the record
 * without comparing against every hash.
 */
export function mintToken(kind: TokenKind): MintedToken {
  const id = randomBytes(8).toString("hex");
  const secret = randomSecret(32);
  return { id, secret, token: `${PREFIX[kind]}.${id}.${secret}` };
}

/** Splits a presented token into its parts; undefined when it is not shaped like one of ours. */
export function parseToken(raw: string): { kind: TokenKind; id: string; secret: string } | undefined {
  const m = TOKEN_RE.exec(raw);
  if (!m) return undefined;
  const [, prefix, id, secret] = m;
  if (!id || !secret) return undefined;
  return { kind: prefix === "cbd" ? "display" : "ingest", id, secret };
}
