/**
 * Exemptions, the same for every policy: its config accepts `exemptions: [{ pattern, reason }]` and the
 * resources a pattern matches get no violation from that policy. A pattern is a glob (`*` any run of
 * characters, `?` one character, all else literal, case-sensitive) matched against the whole URN when it
 * contains `::`, else against the resource's name (the URN's last segment). The reason is required, so an
 * exemption says why in the config an auditor reads. Patterns are compiled once per Configure.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";

export interface Exemption {
  /** Glob over the URN (with `::`) or over the resource name (without). */
  pattern: string;
  /** Why the resource is exempt (shown to whoever reads the config). */
  reason: string;
}

const exemptionsSchema: PolicyConfigJSONSchema = {
  type: "array",
  description:
    "Resources this policy does not report: a glob ('*', '?') over the URN when it contains '::', else over the resource name, with the reason.",
  items: {
    type: "object",
    properties: {
      pattern: { type: "string", minLength: 1 },
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

function globSource(pattern: string): string {
  return pattern
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
}

/** One anchored regular expression for a set of globs, or undefined for none. */
function anyOf(patterns: readonly string[]): RegExp | undefined {
  return patterns.length > 0 ? new RegExp(`^(?:${patterns.map(globSource).join("|")})$`, "s") : undefined;
}

export function compileExemptions(exemptions: readonly Exemption[]): ExemptionTest {
  const patterns = exemptions.map((e) => e.pattern).filter((p) => typeof p === "string" && p !== "");
  const byUrn = anyOf(patterns.filter((p) => p.includes("::")));
  const byName = anyOf(patterns.filter((p) => !p.includes("::")));
  if (!byUrn && !byName) return none;
  return (urn) => byUrn?.test(urn) === true || byName?.test(urn.slice(urn.lastIndexOf("::") + 2)) === true;
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
