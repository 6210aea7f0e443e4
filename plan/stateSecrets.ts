/**
 * Secrets in a plan's state file. The file never holds a secret's value: each secret envelope of the engine
 * (`{4dabf…: 1b47…, value}`) is kept as `{4dabf…: 1b47…, hmac}`, an HMAC-SHA256 of the value under a random key
 * the file carries (new at each write). That is what the next plan's diff needs — the same value gives the same
 * hash, so an unchanged secret is `same` and a changed one `update` — and nothing more. The key sits beside the
 * hashes, so a low-entropy secret could be guessed offline from the file: keep it as private as the stack's config.
 */
import { createHmac, randomBytes } from "crypto";
import { unknownSentinel } from "./policy/engineValue";

const sigKey = "4dabf18193072939515e22adb298388d";
const secretSig = "1b47061264138c4ac30d75fd1eb44270";

/** What the state keeps in place of a secret value. */
export interface KeptSecret {
  [sigKey]: typeof secretSig;
  hmac: string;
}

export const newSecretKey = (): string => randomBytes(32).toString("hex");

const isSecret = (v: object): boolean => (v as Record<string, unknown>)[sigKey] === secretSig;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" &&
  v !== null &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** `value` with each secret's value replaced by its HMAC under `key` (both for writing and for comparing). */
export function keptValue(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value.map((v) => keptValue(v, key));
  if (!isPlainObject(value)) return value;
  if (isSecret(value))
    return {
      [sigKey]: secretSig,
      hmac: createHmac("sha256", Buffer.from(key, "hex"))
        .update(JSON.stringify(value.value) ?? "undefined")
        .digest("hex"),
    };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keptValue(v, key)]));
}

/**
 * A kept value as a run can be given it again: a kept secret becomes `secret` (a secret the state cannot give
 * back: unknown for an output at preview, a masked stand-in for what the fake Azure holds).
 */
export function restoredValue(value: unknown, secret: "unknown" | "masked"): unknown {
  if (Array.isArray(value)) return value.map((v) => restoredValue(v, secret));
  if (!isPlainObject(value)) return value;
  if (isSecret(value))
    return secret === "unknown" ? unknownSentinel : { [sigKey]: secretSig, value: "[secret]" };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoredValue(v, secret)]));
}

/** Whether two kept values are the same secret (compared whole: a secret is one value, never a path into it). */
export function isKeptSecret(value: unknown): value is KeptSecret {
  return isPlainObject(value) && isSecret(value) && typeof value.hmac === "string";
}
