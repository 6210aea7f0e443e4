/**
 * Plain values read from policy resources. `@pulumi/policy` hands policies proxies that throw an
 * `UnknownValueError` on any read of a value unknown at preview, and that one throw downgrades the whole
 * policy to "can't run during preview". Copying the proxy once into plain data, with each unknown replaced
 * by the `unknown` marker, lets every rule treat unknowns item by item. A secret is unwrapped here too, its
 * text recorded for the outputs to mask (secrets.ts).
 */
import { Secret, UnknownValueError } from "@pulumi/policy";
import { addSecretTexts } from "./secrets";

// The marker lives apart from @pulumi/policy, so the SDK can ask the network graph without the policy runtime.
export { unknown, isUnknown, type Unknown, type Maybe } from "./unknownValue";
import { isUnknown, unknown, type Maybe } from "./unknownValue";

/**
 * Deep copy of a (possibly proxied) value with unknowns replaced by the `unknown` marker and secrets by their
 * values, whose texts are added to `secrets`. @pulumi/policy's proxy throws an UnknownValueError for each
 * unknown read; capturing a stack for each of those was most of the pack's cost at preview, so stacks are
 * not captured while copying.
 */
export function toPlain(value: unknown, secrets?: Set<string>): unknown {
  return withoutStacks(() => copy(value, secrets));
}

/** One property of a (possibly proxied) object as plain data, without copying the rest of it. */
export function plainProperty(value: unknown, key: string, secrets?: Set<string>): unknown {
  if (value === null || typeof value !== "object") return undefined;
  return withoutStacks(() => readSafely(() => (value as Record<string, unknown>)[key], secrets));
}

function withoutStacks<T>(run: () => T): T {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * @pulumi/policy's proxy internals, when they have the shape this was written for: the key that hands back a
 * proxy's target, and the texts that stand for values unknown at preview (what the proxy throws on). Copying the
 * target, with those texts replaced, reads each value once instead of through a new proxy per property.
 */
const proxyInternals = ((): { targetKey: string; unknownTexts: ReadonlySet<unknown> } | undefined => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const proxy = require("@pulumi/policy/proxy") as Partial<Record<string, unknown>>;
  const kinds = ["Boolean", "Number", "String", "Array", "Asset", "Archive", "Object"];
  const texts = kinds.map((kind) => proxy[`unknown${kind}Value`]);
  if (typeof proxy.getSpecialProxyTarget !== "string" || !texts.every((t) => typeof t === "string"))
    return undefined;
  return { targetKey: proxy.getSpecialProxyTarget, unknownTexts: new Set(texts) };
})();

function copy(value: unknown, secrets: Set<string> | undefined): unknown {
  if (typeof value === "string") return proxyInternals?.unknownTexts.has(value) ? unknown : value;
  if (value === null || typeof value !== "object") return value;
  if (proxyInternals) {
    const target = (value as Record<string, unknown>)[proxyInternals.targetKey];
    if (target !== null && typeof target === "object" && target !== value) return copy(target, secrets);
  }
  if (value instanceof Secret) {
    const plain = readSafely(() => (value as Secret).value as unknown, secrets);
    if (secrets) addSecretTexts(plain, secrets);
    return plain;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(readSafely(() => (value as unknown[])[i], secrets));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    out[key] = readSafely(() => (value as Record<string, unknown>)[key], secrets);
  }
  return out;
}

function readSafely(read: () => unknown, secrets: Set<string> | undefined): unknown {
  try {
    return copy(read(), secrets);
  } catch (e) {
    if (e instanceof UnknownValueError) return unknown;
    throw e;
  }
}

/** The property at `path` of a plain object; unknown when any step is unknown. */
export function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (isUnknown(current)) return unknown;
    if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function str(value: unknown, ...path: string[]): Maybe<string> {
  const v = at(value, ...path);
  return isUnknown(v) || typeof v === "string" ? v : undefined;
}

export function bool(value: unknown, ...path: string[]): Maybe<boolean> {
  const v = at(value, ...path);
  return isUnknown(v) || typeof v === "boolean" ? v : undefined;
}

export function list(value: unknown, ...path: string[]): Maybe<unknown[]> {
  const v = at(value, ...path);
  return isUnknown(v) || Array.isArray(v) ? v : undefined;
}

/** A list of strings; an unknown element makes the list unknown. */
export function strings(value: unknown, ...path: string[]): Maybe<string[]> {
  const v = list(value, ...path);
  if (v === undefined || isUnknown(v)) return v;
  if (v.some(isUnknown)) return unknown;
  return v.filter((s): s is string => typeof s === "string");
}

/** Case-insensitive equality of a maybe-known string with a known one; unknown stays unknown. */
export function equalsIgnoreCase(value: Maybe<string>, expected: string): Maybe<boolean> {
  if (value === undefined || isUnknown(value)) return value;
  return value.toLowerCase() === expected.toLowerCase();
}
