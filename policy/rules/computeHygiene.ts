/**
 * Rule 12 (computes): single-resource hygiene that Azure Policy and PSRule also check: local authentication
 * off, no public IP on clusters and instances, idle shutdown on instances within a limit.
 */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { ResourceRule } from "../pack/rule";
import type { ResourceView } from "../model/resourceView";
import { at, bool, isUnknown, str } from "../model/values";
import { quotes } from "./quotes";

const computeTypesWithNodes = new Set(["amlcompute", "computeinstance"]);

function computeType(view: ResourceView): string | undefined {
  const type = str(view.inputs, "properties", "computeType");
  return typeof type === "string" ? type.toLowerCase() : undefined;
}

export const computeLocalAuth: ResourceRule<object> = {
  name: "compute-local-auth-disabled",
  description: "An Azure ML compute should have local authentication disabled (disableLocalAuth: true).",
  enforcementLevel: "advisory",
  kinds: ["compute"],
  configSchema: { properties: {} },
  defaults: {},
  severity: "medium",
  framework: benchmark("IM-1"),
  remediationSteps: [
    "Disable local (key) authentication on computes and use Microsoft Entra ID identities.",
    "",
    "- azure-native: `machinelearningservices.Compute` with `properties: { computeType, disableLocalAuth: true, ... }`.",
    "- Components: `PrivateCompute` always sets `disableLocalAuth: true`.",
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-integrate-azure-policy",
  tags: ["compute", "authentication", "azure-policy-builtin"],
  check: (view) => {
    if (view.kind !== "compute" || computeType(view) === undefined) return [];
    const disabled = bool(view.inputs, "properties", "disableLocalAuth");
    if (disabled === true || isUnknown(disabled)) return [];
    return [
      message({
        subject: `compute '${view.name}'`,
        problem: "does not set disableLocalAuth to true",
        quote: quotes.computeLocalAuth,
        fix: "set properties.disableLocalAuth to true and use Microsoft Entra ID (managed identities) instead of keys",
      }),
    ];
  },
  // As Azure's Modify (a6f9a2d0), except on a compute that declares SSH access (an instance's
  // sshSettings.sshPublicAccess Enabled, a cluster's userAccountCredentials): local auth is its SSH login,
  // which turning it off would cut; identity-based access keeps working everywhere else.
  remediate: (_view, props) => {
    const body = props.properties;
    if (!body || typeof body !== "object") return undefined;
    const nodes = at(body, "properties");
    const ssh = str(nodes, "sshSettings", "sshPublicAccess");
    if (ssh !== undefined && !(typeof ssh === "string" && ssh.toLowerCase() === "disabled")) return undefined;
    if (at(nodes, "userAccountCredentials") !== undefined) return undefined;
    (body as Record<string, unknown>).disableLocalAuth = true;
    return props;
  },
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
    "- Components: `PrivateCompute` sets `enableNodePublicIp: false` in the subnet you give it.",
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-secure-training-vnet",
  tags: ["compute", "public-ip"],
  check: (view) => {
    const type = computeType(view);
    if (view.kind !== "compute" || !type || !computeTypesWithNodes.has(type)) return [];
    const publicIp = bool(view.inputs, "properties", "properties", "enableNodePublicIp");
    if (publicIp === false || isUnknown(publicIp)) return [];
    return [
      message({
        subject: `compute '${view.name}'`,
        problem: "gets public IPs (enableNodePublicIp is true or omitted, which defaults to true)",
        quote: quotes.computePublicIp,
        fix: "set properties.properties.enableNodePublicIp to false and place the compute in a subnet (with a workspace managed network, leave the subnet out: it runs in the managed VNet)",
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
    if (view.kind !== "compute" || computeType(view) !== "computeinstance") return [];
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
