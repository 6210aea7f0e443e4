/**
 * Managed network (5): batch endpoints need private endpoint outbound rules to the default storage's
 * `queue` and `table` sub-resources, which Azure does not add itself.
 */
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import { managedNetworkWorkspaceOf, outboundRulesOf } from "../model/queries";
import type { BatchEndpoint, StackModel } from "../model/types";
import { isUnknown } from "../model/values";
import { managedNetworkDocs, managedNetworkExample, managedNetworkRuleBase } from "./managedNetworkMetadata";
import { quotes } from "./quotes";

const requiredSubresources = ["queue", "table"] as const;

function check(model: StackModel, endpoint: BatchEndpoint): Violation[] {
  const workspace = managedNetworkWorkspaceOf(model, endpoint.workspace);
  const storage = workspace?.storageAccount;
  if (!workspace || typeof storage !== "string") return [];
  const rules = outboundRulesOf(model, workspace);
  if (!Array.isArray(rules)) return [];
  const reached = new Set<string>();
  for (const rule of rules) {
    const destination = rule.privateEndpoint;
    if (!destination) continue;
    const { target, subresourceTarget } = destination;
    // A rule whose target or sub-resource is unknown at preview may be the one: nothing is reported.
    if (isUnknown(target) || isUnknown(subresourceTarget) || isUnknown(rule.type)) return [];
    if (target === storage && typeof subresourceTarget === "string")
      reached.add(subresourceTarget.toLowerCase());
  }
  const missing = requiredSubresources.filter((s) => !reached.has(s));
  if (missing.length === 0) return [];
  return [
    {
      urn: endpoint.urn,
      message: message({
        subject: endpoint.label,
        problem: `is in ${workspace.label}, whose managed network has no private endpoint outbound rule for ${missing.join(" and ")} of its default storage ${model.label(storage)}`,
        quote: quotes.managedNetworkBatchEndpoints,
        fix: `add PrivateEndpoint outbound rules to the default storage account with subresourceTarget ${missing.map((s) => `'${s}'`).join(" and ")}`,
      }),
    },
  ];
}

export const managedNetworkBatchEndpointRules: StackRule<object> = {
  name: "managed-network-batch-endpoint-storage-rules",
  description:
    "A batch endpoint in a workspace with a managed network needs private endpoint outbound rules to the default storage account's queue and table sub-resources.",
  enforcementLevel: "advisory",
  ...managedNetworkRuleBase,
  severity: "medium",
  remediationSteps: [
    "Add private endpoint outbound rules for the default storage account's `queue` and `table` sub-resources:",
    managedNetworkExample(
      "AllowOnlyApprovedOutbound",
      '"st-queue": { type: "PrivateEndpoint", destination: { serviceResourceId: storage.id, subresourceTarget: "queue" } }, "st-table": { type: "PrivateEndpoint", destination: { serviceResourceId: storage.id, subresourceTarget: "table" } }',
      'privateEndpointRules: { "st-queue": { serviceResourceId: storage.id, subresourceTarget: "queue" }, "st-table": { serviceResourceId: storage.id, subresourceTarget: "table" } }',
    ),
  ].join("\n"),
  url: managedNetworkDocs.batchEndpoints,
  check: (model) => model.batchEndpoints.flatMap((endpoint) => check(model, endpoint)),
};
