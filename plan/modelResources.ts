/**
 * Adapts a recorded graph to the resources the policy pack's model reads (`policy/model`), so the plan
 * shows the stack through the same model the rules judge it by. Properties are what `AnalyzeStack` sees:
 * the outputs of a created resource, the inputs (unknowns marked) of one not created yet, at preview.
 */
import { Secret } from "@pulumi/policy";
import * as pulumi from "@pulumi/pulumi";
import type { PlatformNetwork } from "../policy/model/platformNetwork";
import { buildModel } from "../policy/model/buildModel";
import type { StackResource } from "../policy/model/stackResource";
import type { StackModel } from "../policy/model/types";
import { unknown } from "../policy/model/values";
import type { RecordedGraph, RecordedResource } from "./mockRun";
import { unknownSentinel } from "./policy/engineValue";

const sigKey = "4dabf18193072939515e22adb298388d";
const secretSig = "1b47061264138c4ac30d75fd1eb44270";

/** `value` as a recorded secret (the SDK's envelope): the pack and every output of the plan mask it. */
export function recordedSecret(value: unknown): Record<string, unknown> {
  return { [sigKey]: secretSig, value };
}

/**
 * A recorded value as the pack's policies get it: unknowns as the model's marker, secrets as `Secret` (the
 * model unwraps them and masks them in outputs).
 */
export function plainValue(value: unknown): unknown {
  // An output unknown at preview, recorded as the sentinel or, nested in an input, as the SDK's own marker.
  if (value === unknownSentinel || pulumi.isUnknown(value)) return unknown;
  if (Array.isArray(value)) return value.map(plainValue);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (record[sigKey] === secretSig) return new Secret(plainValue(record.value));
  if (sigKey in record) return plainValue(record.value);
  // Live objects (resource references, assets) carry nothing the model reads.
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return undefined;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, plainValue(v)]));
}

/** A recorded value with its secrets' envelopes removed (for what the plan shows; the document is masked). */
export function secretsOpened(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(secretsOpened);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (record[sigKey] === secretSig) return secretsOpened(record.value);
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, secretsOpened(v)]));
}

export function modelResource(r: RecordedResource): StackResource {
  return {
    type: r.type,
    urn: r.urn,
    name: r.name,
    props: plainValue(r.id === undefined ? r.inputs : r.outputs) as Record<string, unknown>,
    propertyDependencies: Object.fromEntries(
      Object.entries(r.propertyDependencies).map(([k, urns]) => [k, urns.map((urn) => ({ urn }))]),
    ),
  };
}

/** The model of a recorded program, with the hubs the platform describes (`platform-network`) when given. */
export function stackModel(graph: RecordedGraph, platform?: Partial<PlatformNetwork>): StackModel {
  // Components too, as the pack receives them: their types name what made a resource (componentOrigin.ts).
  return buildModel(
    graph.resources.filter((r) => r.custom || !r.type.startsWith("pulumi:")).map(modelResource),
    platform,
  );
}
