import type { TokenKind } from "../roles.ts";
import type { TokenRecord } from "./auth-data.ts";
import { iso, type AuthState } from "./auth-state.ts";
import { AuthStoreError } from "./auth-store-error.ts";
import type { IssuedToken, TokenCheck, TokenInfo } from "./auth-types.ts";
import { STREAM_NAME_PATTERN } from "./credential-rules.ts";
import { safeEqual, sha256Hex } from "./secrets.ts";
import { mintToken, parseToken } from "./token-format.ts";

function tokenInfo(t: TokenRecord): TokenInfo {
  const { secretSha256: _hash, ...info } = t;
  return { ...info, streams: [...t.streams] };
}

/** Display and ingest tokens: issued with a secret shown once, checked by hash, revoked, never deleted. */
export class TokenTable {
  constructor(private readonly state: AuthState) {}

  async issue(input: {
    kind: TokenKind;
    label: string;
    streams?: readonly string[];
    createdBy?: string;
  }): Promise<IssuedToken> {
    const streams = [...new Set(input.streams ?? [])].sort();
    if (input.kind === "ingest" && streams.length === 0) {
      throw new AuthStoreError("invalid_stream", "an ingest token needs at least one stream", "streams");
    }
    if (input.kind === "display" && streams.length > 0) {
      throw new AuthStoreError(
        "invalid_stream",
        "a display token reads everything; give no streams",
        "streams",
      );
    }
    const bad = streams.find((s) => !STREAM_NAME_PATTERN.test(s));
    if (bad !== undefined)
      throw new AuthStoreError("invalid_stream", `"${bad}" is not a stream name`, "streams");
    const minted = mintToken(input.kind);
    const record: TokenRecord = {
      id: minted.id,
      kind: input.kind,
      label: input.label.trim(),
      streams,
      secretSha256: sha256Hex(minted.secret),
      createdAt: iso(this.state.now()),
      createdBy: input.createdBy ?? "system",
      lastUsedAt: null,
      revokedAt: null,
    };
    this.state.data.tokens.push(record);
    await this.state.persist();
    return { token: minted.token, info: tokenInfo(record) };
  }

  async revoke(id: string): Promise<TokenInfo | undefined> {
    const t = this.state.data.tokens.find((x) => x.id === id);
    if (!t) return undefined;
    t.revokedAt ??= iso(this.state.now());
    await this.state.persist();
    return tokenInfo(t);
  }

  list(): TokenInfo[] {
    return this.state.data.tokens.map(tokenInfo);
  }

  async check(raw: string): Promise<TokenCheck> {
    const parsed = parseToken(raw);
    if (!parsed) return { ok: false, reason: "malformed" };
    const t = this.state.data.tokens.find((x) => x.id === parsed.id);
    if (!t || t.kind !== parsed.kind || !safeEqual(sha256Hex(parsed.secret), t.secretSha256)) {
      return { ok: false, reason: "unknown" };
    }
    // Only a holder of the real secret learns that it was revoked.
    if (t.revokedAt) return { ok: false, reason: "revoked" };
    const now = this.state.now();
    t.lastUsedAt = iso(now);
    await this.state.touch(`t:${t.id}`, now);
    return { ok: true, token: tokenInfo(t) };
  }
}
