/**
 * Exemptions, the same for every policy: its config accepts `exemptions: [{ pattern, reason }]` and the
 * resources a pattern matches get no violation from that policy. A pattern is a glob (`*` any run of
 * characters, `?` one character, all else literal, case-sensitive) matched against the whole URN when it
 * contains `::`, else against the resource's name (the URN's last segment). The reason is required, so an
 * exemption says why in the config an auditor reads. Patterns are compiled once per Configure, matched by
 * `glob.ts` (no regular expression is built from them), and bounded in the schema: a policy's patterns cost
 * at most (count) x (pattern length) steps per character of a URN.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { compileGlob, type StepCounter } from "./glob";

export interface Exemption {
  /** Glob over the URN (with `::`) or over the resource name (without). */
  pattern: string;
  /** Why the resource is exempt (shown to whoever reads the config). */
  reason: string;
}

/** The schema's bounds on a policy's exemptions, so their cost per resource is bounded too. */
export const exemptionLimits = { maxPatterns: 100, maxPatternLength: 256 };

const exemptionsSchema: PolicyConfigJSONSchema = {
  type: "array",
  maxItems: exemptionLimits.maxPatterns,
  description:
    "Resources this policy does not report: a glob ('*', '?') over the URN when it contains '::', else over the resource name, with the reason.",
  items: {
    type: "object",
    properties: {
      pattern: { type: "string", minLength: 1, maxLength: exemptionLimits.maxPatternLength },
      reason: { type: "string", minLength: 1 },
    },
    required: ["pattern", "reason"],
    additionalProperties: false,
  },
  default: [],
};

/** A rule's config schema with the `exemptions` every policy accepts. */
export function withExemptions(schema: PolicyConfigSchema): PolicyConfigSchema {
  return { ...schema, properties: { ...schema.properties, exemptions: exemptionsSchema } };
}

/** Whether a URN is exempt; "" is the stack itself. */
export type ExemptionTest = (urn: string) => boolean;

const none: ExemptionTest = () => false;

/** Whether any of the globs matches the text, or undefined for no globs. */
function anyOf(patterns: readonly string[], counter?: StepCounter): ((text: string) => boolean) | undefined {
  const matchers = patterns.map((p) => compileGlob(p));
  return matchers.length > 0 ? (text) => matchers.some((matches) => matches(text, counter)) : undefined;
}

/** The exemption test of a list; `counter` counts its comparisons (tests bound the work with it). */
export function compileExemptions(exemptions: readonly Exemption[], counter?: StepCounter): ExemptionTest {
  const patterns = exemptions.map((e) => e.pattern).filter((p) => typeof p === "string" && p !== "");
  const byUrn = anyOf(
    patterns.filter((p) => p.includes("::")),
    counter,
  );
  const byName = anyOf(
    patterns.filter((p) => !p.includes("::")),
    counter,
  );
  if (!byUrn && !byName) return none;
  return (urn) => byUrn?.(urn) === true || byName?.(urn.slice(urn.lastIndexOf("::") + 2)) === true;
}

// Keyed on the config's array: @pulumi/policy hands every evaluation the same one until the next Configure.
const compiled = new WeakMap<object, ExemptionTest>();

/** The exemption test of a policy's config (`getConfig()`'s result). */
export function exemptionsOf(config: { exemptions?: unknown }): ExemptionTest {
  const list = config.exemptions;
  if (!Array.isArray(list) || list.length === 0) return none;
  let test = compiled.get(list);
  if (!test) {
    test = compileExemptions(list as Exemption[]);
    compiled.set(list, test);
  }
  return test;
}
