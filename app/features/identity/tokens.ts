// API token format and hashing. A token is "rk_" + 8-char public prefix + "_" +
// 32 bytes of randomness; only its SHA-256 is stored (fast lookup, and a
// database leak does not reveal usable tokens).
import { createHash, randomBytes } from "node:crypto";

export function generateApiToken(): { token: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString("base64url").slice(0, 8);
  const token = `rk_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { token, prefix, hash: hashToken(token) };
}

export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export const looksLikeApiToken = (value: string) => /^rk_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/.test(value);

/** Invitation links carry a random secret too; only its hash is stored. */
export function generateInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}
