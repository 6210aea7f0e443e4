/**
 * Rule 12 (computes): single-resource hygiene that Azure Policy and PSRule also check: local authentication
 * off, no public IP on clusters and instances, idle shutdown on instances within a limit.
 */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { ResourceRule } from "../pack/rule";
import type { ResourceView } from "../model/resourceView";
import { describeSetting, settingInput, writeSetting } from "../model/settingInputs";
import { bool, isUnknown, str } from "../model/values";
import { quotes } from "./quotes";

/**
 * The compute types Azure's built-ins judge (e96a9a5f, a6f9a2d0: `computeType in [ComputeInstance,
 * AmlCompute]`): the computes Azure ML runs nodes for. Attached computes (AKS, Kubernetes, VirtualMachine,
 * Databricks, SynapseSpark...) keep their own authentication and addresses, outside these settings.
 */
const computeTypesWithNodes = new Set(["amlcompute", "computeinstance"]);

/** The compute type (lower case) when it is one the built-ins judge. */
function nodeComputeType(view: ResourceView): string | undefined {
  if (view.kind !== "compute") return undefined;
  const type = str(view.inputs, "properties", "computeType");
  return typeof type === "string" && computeTypesWithNodes.has(type.toLowerCase())
    ? type.toLowerCase()
    : undefined;
}

const localAuthPath = "properties.disableLocalAuth";
const publicIpPath = "properties.properties.enableNodePublicIp";

export const computeLocalAuth: ResourceRule<object> = {
  name: "compute-local-auth-disabled",
  description:
    "An Azure ML compute cluster or instance should have local authentication disabled (disableLocalAuth: true).",
  enforcementLevel: "advisory",
  kinds: ["compute"],
  configSchema: { properties: {} },
  defaults: {},
  severity: "medium",
  framework: benchmark("IM-1"),
  remediationSteps: [
    "Disable local (key) authentication on compute clusters and instances and use Microsoft Entra ID identities.",
    "",
    "- azure-native: `machinelearningservices.Compute` with `properties: { computeType, disableLocalAuth: true, ... }`.",
    "- Classic `@pulumi/azure`: `localAuthEnabled: false` on `machinelearning.ComputeCluster` or `ComputeInstance`.",
    "- Components: `PrivateCompute` always sets `disableLocalAuth: true`.",
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-integrate-azure-policy",
  tags: ["compute", "authentication", "azure-policy-builtin"],
  check: (view) => {
    if (nodeComputeType(view) === undefined) return [];
    const disabled = bool(view.inputs, "properties", "disableLocalAuth");
    if (disabled === true || isUnknown(disabled)) return [];
    return [
      message({
        subject: `compute '${view.name}'`,
        problem: `does not set ${describeSetting(view.type, localAuthPath, true)}`,
        quote: quotes.computeLocalAuth,
        fix: `set it and use Microsoft Entra ID (managed identities) instead of keys`,
      }),
    ];
  },
  // As Azure's Modify (a6f9a2d0): on every compute cluster and instance the check flags.
  remediate: (view, props) => writeSetting(view, props, localAuthPath, true),
};

export const computePublicIp: ResourceRule<object> = {
  name: "compute-no-public-ip",
  description:
    "Azure ML compute clusters and instances should not get public IPs (enableNodePublicIp: false).",
  enforcementLevel: "advisory",
  kinds: ["compute"],
  configSchema: { properties: {} },
  defaults: {},
  severity: "high",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Give clusters and instances no public IP and place them in a subnet.",
    "",
    "- azure-native: `properties.properties.enableNodePublicIp: false` and `subnet: { id }` on the `machinelearningservices.Compute`.",
    "- Classic `@pulumi/azure`: `nodePublicIpEnabled: false` and `subnetResourceId` on `machinelearning.ComputeCluster` or `ComputeInstance`.",
    "- Components: `PrivateCompute` sets `enableNodePublicIp: false` in the subnet you give it.",
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-secure-training-vnet",
  tags: ["compute", "public-ip"],
  check: (view) => {
    if (nodeComputeType(view) === undefined) return [];
    const publicIp = bool(view.inputs, "properties", "properties", "enableNodePublicIp");
    if (publicIp === false || isUnknown(publicIp)) return [];
    const input = settingInput(view.type, publicIpPath, false).name;
    return [
      message({
        subject: `compute '${view.name}'`,
        problem: `gets public IPs (${input} is true or omitted, which defaults to true)`,
        quote: quotes.computePublicIp,
        fix: `set ${describeSetting(view.type, publicIpPath, false)} and place the compute in a subnet (with a workspace managed network, leave the subnet out: it runs in the managed VNet)`,
      }),
    ];
  },
};

export interface IdleShutdownConfig {
  /** Longest accepted idle time before shutdown, in minutes (Azure allows 15 to 4320). */
  maxIdleMinutes: number;
}

/** Minutes in an ISO 8601 duration such as PT30M, PT1H30M or P1D; undefined when not one. */
export function isoDurationMinutes(text: string): number | undefined {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(text.trim());
  if (!match || text.trim().toUpperCase() === "P" || /T$/i.test(text.trim())) return undefined;
  const [days, hours, minutes, seconds] = match.slice(1).map((n) => Number(n ?? 0));
  return days * 1440 + hours * 60 + minutes + seconds / 60;
}

export const computeIdleShutdown: ResourceRule<IdleShutdownConfig> = {
  name: "compute-instance-idle-shutdown",
  description:
    "An Azure ML compute instance should shut down when idle (idleTimeBeforeShutdown within a limit).",
  enforcementLevel: "advisory",
  kinds: ["compute"],
  configSchema: {
    properties: { maxIdleMinutes: { type: "integer", minimum: 15, maximum: 4320, default: 60 } },
  },
  defaults: { maxIdleMinutes: 60 },
  severity: "low",
  framework: benchmark("PV-4"),
  remediationSteps: [
    "Shut compute instances down when idle, within the configured limit.",
    "",
    '- azure-native: `properties.properties.idleTimeBeforeShutdown: "PT60M"` on a `ComputeInstance`.',
    '- Components: `PrivateCompute` (`kind: "Instance"`) sets it from `idleShutdownMinutes` (default 60).',
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-integrate-azure-policy",
  tags: ["compute", "cost", "azure-policy-builtin"],
  check: (view, config) => {
    if (nodeComputeType(view) !== "computeinstance") return [];
    const idle = str(view.inputs, "properties", "properties", "idleTimeBeforeShutdown");
    if (typeof idle !== "string" && idle !== undefined) return [];
    const minutes = idle === undefined ? undefined : isoDurationMinutes(idle);
    if (minutes !== undefined && minutes <= config.maxIdleMinutes) return [];
    const problem =
      idle === undefined
        ? "has no idleTimeBeforeShutdown"
        : minutes === undefined
          ? `has idleTimeBeforeShutdown '${idle}', which is not an ISO 8601 duration`
          : `shuts down only after ${minutes} idle minutes, more than ${config.maxIdleMinutes}`;
    return [
      message({
        subject: `compute instance '${view.name}'`,
        problem,
        quote: quotes.computeIdleShutdown,
        fix: `set properties.properties.idleTimeBeforeShutdown to at most PT${config.maxIdleMinutes}M`,
      }),
    ];
  },
};
