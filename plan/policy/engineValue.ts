/**
 * Encodes a recorded property value the way the engine marshals properties for an analyzer
 * (`MarshalProperties` with `KeepUnknowns` and `KeepSecrets`, `SkipInternalKeys`): unknowns become the
 * unknown sentinel string, secrets keep their signature envelope, `undefined` properties are dropped
 * and internal `__` keys are skipped.
 */
import * as pulumi from "@pulumi/pulumi";

/** What the engine sends for a value not known until the resource exists. */
export const unknownSentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const sigKey = "4dabf18193072939515e22adb298388d";
const secretSig = "1b47061264138c4ac30d75fd1eb44270";

/** A JSON value as carried by a protobuf `Struct`. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The engine's wire form of one value; `undefined` for a property the engine would omit. */
export function engineValue(value: unknown, path = ""): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (pulumi.isUnknown(value)) return unknownSentinel;
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") {
    // A protobuf Value has no encoding for these; the engine rejects them too.
    if (!Number.isFinite(value)) throw new Error(`cannot send non-finite number at ${path || "<root>"}`);
    return value;
  }
  // Array holes and undefined elements travel as null, as the SDK sends them.
  if (Array.isArray(value)) return value.map((v, i) => engineValue(v, `${path}[${i}]`) ?? null);
  if (isPlainObject(value)) {
    if (value[sigKey] === secretSig)
      return { [sigKey]: secretSig, value: engineValue(value.value, path) ?? null };
    if (sigKey in value)
      throw new Error(`unsupported special value (signature ${String(value[sigKey])}) at ${path}`);
    return engineProperties(value, path);
  }
  // Assets, archives and resource references never appear in the inputs we record; refuse rather than guess.
  throw new Error(`unsupported value of type ${describe(value)} at ${path || "<root>"}`);
}

/** The engine's wire form of a property map. */
export function engineProperties(props: Record<string, unknown>, path = ""): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const [key, v] of Object.entries(props)) {
    if (key.startsWith("__")) continue;
    const encoded = engineValue(v, path ? `${path}.${key}` : key);
    if (encoded !== undefined) out[key] = encoded;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (typeof value === "object" && value !== null) return value.constructor?.name ?? "object";
  return typeof value;
}
