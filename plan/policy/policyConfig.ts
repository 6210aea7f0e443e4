/**
 * Resolves a `--policy-pack-config` file against the pack's policies the way the CLI does before it
 * calls `Configure`: one entry per policy, the level from the policy's own entry, else from `"all"`,
 * else the pack's initial config, else the policy's default; properties from schema defaults, the
 * initial config and the policy's entry. A policy's entry may be just a level string.
 */
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";

export type EnforcementLevel = "advisory" | "mandatory" | "disabled" | "remediate";

export const enforcementLevels: Record<analyzerPb.EnforcementLevel, EnforcementLevel> = {
  [analyzerPb.EnforcementLevel.ADVISORY]: "advisory",
  [analyzerPb.EnforcementLevel.MANDATORY]: "mandatory",
  [analyzerPb.EnforcementLevel.DISABLED]: "disabled",
  [analyzerPb.EnforcementLevel.REMEDIATE]: "remediate",
};

const levelCodes = Object.fromEntries(
  Object.entries(enforcementLevels).map(([code, name]) => [
    name,
    Number(code) as analyzerPb.EnforcementLevel,
  ]),
) as Record<EnforcementLevel, analyzerPb.EnforcementLevel>;

/** The JSON of a `--policy-pack-config` file. */
export type PolicyPackConfig = Record<
  string,
  EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)
>;

/** A policy as `GetAnalyzerInfo` describes it. */
export interface PolicyInfo {
  name: string;
  displayName: string;
  description: string;
  enforcementLevel: EnforcementLevel;
  kind: "resource" | "stack" | "unknown";
  configSchema?: { properties: Record<string, Record<string, unknown>>; required: string[] };
}

export interface ResolvedPolicyConfig {
  enforcementLevel: EnforcementLevel;
  properties: Record<string, unknown>;
}

function entryOf(
  config: PolicyPackConfig,
  key: string,
): { enforcementLevel?: EnforcementLevel; props: Record<string, unknown> } {
  const entry = config[key];
  if (entry === undefined) return { props: {} };
  if (typeof entry === "string") return { enforcementLevel: checkLevel(entry, key), props: {} };
  const { enforcementLevel, ...props } = entry;
  return { enforcementLevel: enforcementLevel && checkLevel(enforcementLevel, key), props };
}

function checkLevel(level: string, key: string): EnforcementLevel {
  if (!(level in levelCodes)) throw new Error(`policy config "${key}": invalid enforcement level "${level}"`);
  return level as EnforcementLevel;
}

/** Per-policy config; throws on an unknown policy name or a missing required property, like the CLI. */
export function resolvePolicyConfig(
  policies: readonly PolicyInfo[],
  config: PolicyPackConfig,
  initial: Record<string, ResolvedPolicyConfig> = {},
): Record<string, ResolvedPolicyConfig> {
  const names = new Set(policies.map((p) => p.name));
  for (const key of Object.keys(config)) {
    if (key !== "all" && !names.has(key)) throw new Error(`policy config names unknown policy "${key}"`);
  }
  const all = entryOf(config, "all");
  const resolved: Record<string, ResolvedPolicyConfig> = {};
  for (const p of policies) {
    const own = entryOf(config, p.name);
    const defaults = Object.fromEntries(
      Object.entries(p.configSchema?.properties ?? {})
        .filter(([, schema]) => "default" in schema)
        .map(([key, schema]) => [key, schema.default]),
    );
    const properties = { ...defaults, ...initial[p.name]?.properties, ...own.props };
    const missing = (p.configSchema?.required ?? []).filter((key) => !(key in properties));
    if (missing.length > 0) throw new Error(`policy "${p.name}" needs config ${missing.join(", ")}`);
    resolved[p.name] = {
      enforcementLevel:
        own.enforcementLevel ??
        all.enforcementLevel ??
        initial[p.name]?.enforcementLevel ??
        p.enforcementLevel,
      properties,
    };
  }
  return resolved;
}

/** The `Configure` request for resolved config. */
export function configureRequest(
  resolved: Record<string, ResolvedPolicyConfig>,
): analyzerPb.ConfigureAnalyzerRequest {
  const req = new analyzerPb.ConfigureAnalyzerRequest();
  const map = req.getPolicyconfigMap();
  for (const [name, c] of Object.entries(resolved)) {
    const pc = new analyzerPb.PolicyConfig();
    pc.setEnforcementlevel(levelCodes[c.enforcementLevel]);
    pc.setProperties(Struct.fromJavaScript(c.properties as Parameters<typeof Struct.fromJavaScript>[0]));
    map.set(name, pc);
  }
  return req;
}
