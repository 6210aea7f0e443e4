/**
 * Managed network (3): FQDN and service tag outbound rules are valid only in AllowOnlyApprovedOutbound;
 * FQDN rules reach only ports 80 and 443, and never a storage account (that needs a private endpoint rule).
 */
import { allClouds, storageGroupIds, zonesFor } from "../azure/clouds";
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import { effectiveManagedNetworkMode, workspaceOf } from "../model/queries";
import type { OutboundRule, StackModel } from "../model/types";
import { isUnknown } from "../model/values";
import { managedNetworkDocs, managedNetworkExample, managedNetworkRuleBase } from "./managedNetworkMetadata";
import { quotes, type Quote } from "./quotes";

const approvedOnly = "allowonlyapprovedoutbound";
const fqdnPorts = new Set([80, 443]);

/** Storage endpoint suffixes in every cloud (`blob.core.windows.net`, ...): the private DNS zones' public names. */
const storageSuffixes = storageGroupIds.flatMap((g) =>
  allClouds.flatMap((cloud) => zonesFor(cloud, g).map((zone) => zone.replace(/^privatelink\./, ""))),
);

function isStorageHost(host: string): boolean {
  const h = host.toLowerCase();
  return storageSuffixes.some((suffix) => h === suffix || h.endsWith(`.${suffix}`));
}

/** What is wrong with one FQDN destination (`host` or `host:port`), if anything. */
function fqdnProblem(destination: string): { problem: string; quote: Quote; fix: string } | undefined {
  const [, host, port] = /^(.*?)(?::(\d+))?$/.exec(destination.trim()) ?? [];
  if (port !== undefined && !fqdnPorts.has(Number(port)))
    return {
      problem: `reaches port ${port} of '${host}'`,
      quote: quotes.managedNetworkFqdnPorts,
      fix: "reach the destination on port 80 or 443, or through a private endpoint rule",
    };
  if (host !== undefined && isStorageHost(host))
    return {
      problem: `names the storage endpoint '${host}'`,
      quote: quotes.managedNetworkFqdnStorage,
      fix: "replace it by a PrivateEndpoint rule to the storage account (serviceResourceId) with the sub-resource (blob, file, queue, table or dfs)",
    };
  return undefined;
}

function check(model: StackModel, rule: OutboundRule): Violation[] {
  const workspace = workspaceOf(model, rule.workspace);
  const type = rule.type;
  if (!workspace || typeof type !== "string") return [];
  const kind = type.toLowerCase();
  if (kind !== "fqdn" && kind !== "servicetag") return [];
  const mode = effectiveManagedNetworkMode(workspace);
  if (isUnknown(mode)) return [];
  const report = (problem: string, quote: Quote, fix: string): Violation[] => [
    { urn: rule.urn, message: message({ subject: rule.label, problem, quote, fix }) },
  ];
  if (mode?.toLowerCase() !== approvedOnly) {
    const declared = workspace.managedNetworkMode === undefined ? "Disabled (managedNetwork omitted)" : mode;
    return report(
      `is a ${type} rule, but ${workspace.label} has isolation mode ${declared}`,
      quotes.managedNetworkRuleTypes,
      "set the workspace's managedNetwork.isolationMode to AllowOnlyApprovedOutbound, or remove the rule (in AllowInternetOutbound all internet outbound is already allowed)",
    );
  }
  if (kind !== "fqdn" || typeof rule.fqdn !== "string") return [];
  const found = fqdnProblem(rule.fqdn);
  return found ? report(found.problem, found.quote, found.fix) : [];
}

export const managedNetworkOutboundRuleTypes: StackRule<object> = {
  name: "managed-network-outbound-rule-types",
  description:
    "FQDN and service tag outbound rules need isolation mode AllowOnlyApprovedOutbound; FQDN rules support only ports 80 and 443 and cannot reach storage accounts (use private endpoint rules).",
  enforcementLevel: "mandatory",
  ...managedNetworkRuleBase,
  severity: "high",
  remediationSteps: [
    "FQDN and service tag rules only work in `AllowOnlyApprovedOutbound`; FQDN rules take host names on ports 80/443, and storage is reached with a private endpoint rule:",
    managedNetworkExample(
      "AllowOnlyApprovedOutbound",
      '"pypi": { type: "FQDN", destination: "pypi.org" }, "st-queue": { type: "PrivateEndpoint", destination: { serviceResourceId: storage.id, subresourceTarget: "queue" } }',
      'fqdnRules: { pypi: { destination: "pypi.org" } }, privateEndpointRules: { "st-queue": { serviceResourceId: storage.id, subresourceTarget: "queue" } }',
    ),
  ].join("\n"),
  url: managedNetworkDocs.howTo,
  check: (model) => model.outboundRules.flatMap((rule) => check(model, rule)),
};
