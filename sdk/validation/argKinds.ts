/**
 * The kinds of argument the components take, each one check: the value's JavaScript type first (callers in
 * YAML, Python, Go or .NET can send any JSON shape), then its form. A component declares one kind per
 * argument in its schema ({@link ArgSchema}); the kinds are the only place these checks live.
 */
import { parseCidr } from "../../policy/azure/cidr";
import { invisibleCharacterIn } from "../../policy/azure/invisibleCharacters";
import { memberPath, shown, withArticle, type ArgProblem } from "./argProblem";
import { armIdProblems } from "./armIds";
import { cloudProblems, regionProblems } from "./locations";
import { nameProblems, type NameRule } from "./names";
import { isDeferred } from "./plainValues";

/** What one argument (or one element of it) must be. */
export interface ArgKind {
  /** What to give, as the fix says it: e.g. `the id of a Microsoft.KeyVault/vaults`. */
  readonly expected: string;
  /** Whether a blank string counts as missing (texts, names, regions) rather than as a malformed value. */
  readonly blankIsMissing?: boolean;
  /** Problems of a present value; Outputs and Promises inside lists and maps are skipped. */
  problems(propertyPath: string, value: unknown): ArgProblem[];
  /** The kind of an element (lists) or entry (maps, objects), to check deferred parts when they resolve. */
  inner?(key: string): ArgKind | undefined;
}

/** `value`'s JSON shape, as a message says it. */
function shapeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return withArticle(typeof value);
}

/** A value as a type problem shows it: short, whatever its size. */
function brief(value: unknown): string {
  const text = shown(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function wrongType(propertyPath: string, value: unknown, want: string, expected: string): ArgProblem[] {
  return [
    {
      propertyPath,
      reason: `${brief(value)} is ${shapeOf(value)}, not ${want}; give ${expected}`,
    },
  ];
}

/** A plain object of key → value (not a list, an Output, a Promise or null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isDeferred(value);
}

/**
 * A string kind: the type, then (unless `free` text) not blank and free of invisible characters, then
 * `form`.
 */
function stringKind(
  expected: string,
  form: (propertyPath: string, value: string) => ArgProblem[],
  free = false,
): ArgKind {
  return {
    expected,
    blankIsMissing: !free,
    problems(propertyPath, value) {
      if (typeof value !== "string") return wrongType(propertyPath, value, "a string", expected);
      if (free) return form(propertyPath, value);
      if (value.trim() === "")
        return [{ propertyPath, reason: `${shown(value)} is missing or empty; give ${expected}` }];
      const invisible = invisibleCharacterIn(value);
      if (invisible !== undefined)
        return [
          {
            propertyPath,
            reason: `${shown(value)} contains the invisible character ${invisible}; type the value again without it`,
          },
        ];
      return form(propertyPath, value);
    },
  };
}

/** Free text, possibly empty (descriptions, display names, tag values), of at most `maxLength` characters. */
export function freeText(expected: string, maxLength = Infinity): ArgKind {
  return stringKind(
    expected,
    (propertyPath, value) =>
      value.length <= maxLength
        ? []
        : [{ propertyPath, reason: `${value.length} characters are too many; give ${expected}` }],
    true,
  );
}

/** A name by one of Azure's name rules. */
export function name(rule: NameRule): ArgKind {
  return stringKind(rule.expected ?? withArticle(rule.noun), (path, value) =>
    nameProblems(path, value, rule),
  );
}

/** The ARM id of a resource of `type`. */
export function armId(type: string): ArgKind {
  return stringKind(`the id of a ${type}`, (path, value) => armIdProblems(path, value, type));
}

/** The ARM id of a resource of one of `types`, as `accepts` (which may ask more of it) decides. */
export function armIdOf(types: readonly string[], accepts: (id: string) => boolean): ArgKind {
  const expected = `the ARM id of a ${types.join(", ")}`;
  return stringKind(expected, (propertyPath, value) =>
    accepts(value)
      ? []
      : [
          {
            propertyPath,
            reason: `${shown(value)} is not the id of a ${types.join(", ")}; give ${expected}`,
          },
        ],
  );
}

/** An Azure region of any cloud, by programmatic or display name (a region's cloud is checked with `cloud`). */
export const region: ArgKind = stringKind('a region such as "westeurope"', regionProblems);

/** One of the supported Azure clouds. */
export const cloud: ArgKind = stringKind("AzureCloud, AzureChinaCloud or AzureUSGovernment", cloudProblems);

/** One of `values` (an enum); `noun` says what they are, e.g. "a public access mode". */
export function oneOf(values: readonly string[], noun: string): ArgKind {
  return stringKind(`one of ${values.join(", ")}`, (propertyPath, value) =>
    values.includes(value)
      ? []
      : [{ propertyPath, reason: `${shown(value)} is not ${noun}; use one of ${values.join(", ")}` }],
  );
}

/** An IPv4 CIDR with its host bits clear. */
export const cidr: ArgKind = stringKind("an IPv4 CIDR such as 10.1.0.0/24", (propertyPath, value) =>
  parseCidr(value)
    ? []
    : [
        {
          propertyPath,
          reason: `${shown(value)} is not an IPv4 CIDR with its host bits clear; give a range such as 10.1.0.0/24`,
        },
      ],
);

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GUID, e.g. a principal's object id. */
export function guid(expected: string): ArgKind {
  return stringKind(expected, (propertyPath, value) =>
    guidPattern.test(value)
      ? []
      : [{ propertyPath, reason: `${shown(value)} is not a GUID; give ${expected}` }],
  );
}

/** true or false. */
export const bool: ArgKind = {
  expected: "true or false",
  problems: (path, value) =>
    typeof value === "boolean" ? [] : wrongType(path, value, "true or false", "true or false"),
};

/** A whole number from `min` to `max`; `unit` ends the fix, e.g. "minutes". */
export function int(min: number, max: number, unit: string): ArgKind {
  const expected = `a whole number of ${unit} from ${min} to ${max}`;
  return {
    expected,
    problems(propertyPath, value) {
      if (typeof value !== "number") return wrongType(propertyPath, value, "a number", expected);
      if (Number.isInteger(value) && value >= min && value <= max) return [];
      return [{ propertyPath, reason: `${value} is out of range; give ${expected}` }];
    },
  };
}

/** A list of `element`s, with at least `minItems`. */
export function listOf(element: ArgKind, minItems = 0): ArgKind {
  const expected = `a list of ${element.expected}`;
  return {
    expected,
    problems(propertyPath, value) {
      if (!Array.isArray(value)) return wrongType(propertyPath, value, "a list", expected);
      if (value.length < minItems)
        return [{ propertyPath, reason: `[] is empty; give at least ${minItems} of ${element.expected}` }];
      return value.flatMap((item, i) =>
        isDeferred(item) ? [] : element.problems(`${propertyPath}[${i}]`, item === undefined ? null : item),
      );
    },
    inner: () => element,
  };
}

/** An object of key → `entry`; keys follow `key` (when given) and there are `minEntries` to `maxEntries`. */
export function mapOf(
  entry: ArgKind,
  options: { key?: NameRule; minEntries?: number; maxEntries?: number } = {},
): ArgKind {
  const expected = `an object mapping each ${options.key?.noun ?? "name"} to ${entry.expected}`;
  return {
    expected,
    problems(propertyPath, value) {
      if (!isRecord(value)) return wrongType(propertyPath, value, "an object", expected);
      const entries = Object.entries(value);
      if (entries.length < (options.minEntries ?? 0))
        return [{ propertyPath, reason: `{} is empty; give ${expected}, at least ${options.minEntries}` }];
      if (entries.length > (options.maxEntries ?? Infinity))
        return [
          {
            propertyPath,
            reason: `${entries.length} entries are too many; give ${expected}, at most ${options.maxEntries}`,
          },
        ];
      return entries.flatMap(([key, item]) => {
        const path = memberPath(propertyPath, key);
        // A key is checked as a name: blank and invisible characters first, then the rule.
        const keyProblems = options.key ? name(options.key).problems(path, key) : [];
        return keyProblems.length > 0 || isDeferred(item)
          ? keyProblems
          : entry.problems(path, item === undefined ? null : item);
      });
    },
    inner: () => entry,
  };
}

/** An IPv4 address, e.g. a DNS server's. */
export const ipv4Address: ArgKind = stringKind("an IPv4 address such as 10.0.4.4", (propertyPath, value) =>
  parseCidr(`${value}/32`)
    ? []
    : [
        {
          propertyPath,
          reason: `${shown(value)} is not an IPv4 address; give an address such as 10.0.4.4 (a DNS Private Resolver inbound endpoint or a firewall's private IP)`,
        },
      ],
);
