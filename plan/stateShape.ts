/**
 * The whole shape of a plan's state file, checked on read before any of it is used: a file from a careless or
 * hostile source is refused with the first field that is wrong, never half-read into a crash. Nesting is bounded
 * first (checked without recursion), so a deep value is the file's fault, not the program's.
 */

/** Deeper than anything a program of this product sends, far below what overflows Pulumi's SDK (thousands). */
export const maxStateDepth = 256;

type Check = (value: unknown, at: string) => void;

export class StateShapeError extends Error {}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`.slice(0, 60);
}

const fail = (at: string, expected: string, value: unknown): never => {
  throw new StateShapeError(`${at || "the file"}: ${expected} expected, found ${describe(value)}`);
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const str: Check = (v, at) => void (typeof v === "string" || fail(at, "a string", v));
const bool: Check = (v, at) => void (typeof v === "boolean" || fail(at, "true or false", v));
const object: Check = (v, at) => void (isRecord(v) || fail(at, "an object", v));
const optional =
  (check: Check): Check =>
  (v, at) =>
    v === undefined || check(v, at);
const literal =
  (want: number): Check =>
  (v, at) =>
    void (v === want || fail(at, `${want}`, v));
const hex64: Check = (v, at) =>
  void ((typeof v === "string" && /^[0-9a-f]{64}$/.test(v)) || fail(at, "64 hex digits", v));

const listOf =
  (item: Check): Check =>
  (v, at) => {
    if (!Array.isArray(v)) fail(at, "a list", v);
    (v as unknown[]).forEach((x, i) => item(x, `${at}[${i}]`));
  };

const recordOf =
  (item: Check): Check =>
  (v, at) => {
    object(v, at);
    for (const [k, x] of Object.entries(v as object)) item(x, `${at}[${JSON.stringify(k)}]`);
  };

const shape =
  (fields: Record<string, Check>): Check =>
  (v, at) => {
    object(v, at);
    const record = v as Record<string, unknown>;
    for (const [k, check] of Object.entries(fields))
      check(Object.hasOwn(record, k) ? record[k] : undefined, at ? `${at}.${k}` : k);
  };

const resource = shape({
  urn: str,
  type: str,
  name: str,
  custom: bool,
  parent: optional(str),
  inputs: object,
  outputs: object,
  id: optional(str),
  protect: bool,
});

const connection = shape({
  id: str,
  name: str,
  privateEndpoint: shape({ id: str }),
  privateLinkServiceConnectionState: shape({ status: str, description: str }),
});

const planStateShape = shape({
  version: literal(2),
  project: str,
  stack: str,
  secretKey: hex64,
  resources: listOf(resource),
  outputs: object,
  azure: shape({ live: recordOf(object), connections: recordOf(listOf(connection)) }),
});

/** The first place `value` nests deeper than `maxStateDepth`, found without recursion; undefined if none. */
function tooDeep(value: unknown): string | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (depth >= maxStateDepth) return `a value nests deeper than ${maxStateDepth} levels`;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return undefined;
}

/** Throws a StateShapeError naming the first field that is not as a plan writes it. */
export function checkStateShape(value: unknown): void {
  const deep = tooDeep(value);
  if (deep) throw new StateShapeError(deep);
  if (
    isRecord(value) &&
    value.version !== 2 &&
    (typeof value.version === "number" || value.version === undefined)
  )
    throw new StateShapeError(
      `written by another version of the plan (version ${String(value.version)}, this one reads 2)`,
    );
  planStateShape(value, "");
}
