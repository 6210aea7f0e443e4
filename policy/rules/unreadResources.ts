/**
 * Never a silent pass: resources of the families the pack governs (ML, private endpoints, private DNS,
 * VNets, storage, key vault, registry) that the model cannot read — an unknown token, another provider, a
 * generic resource of an unknown type — went unchecked. Said once per stack, listing them, so an owner sees
 * what no rule looked at.
 */
import { benchmark } from "../pack/benchmark";
import type { StackRule } from "../pack/rule";

/** Names listed in the message before it summarises the rest. */
const listed = 20;

export const unreadResources: StackRule<object> = {
  name: "governed-resources-not-understood",
  description:
    "Lists resources of the governed families (ML, private endpoints, private DNS, VNets, network interfaces, storage, key vault, registry) that the pack cannot read, so none passes unchecked.",
  enforcementLevel: "advisory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "medium",
  framework: benchmark("AM-1"),
  remediationSteps: [
    "The pack reads azure-native (typed, versioned and generic `resources:Resource`) and the classic `@pulumi/azure` provider's workspace, compute, datastore, outbound-rule, private endpoint, private DNS, VNet, storage, key vault and registry resources. For each resource listed:",
    "",
    "1. Prefer the azure-native or classic resource the pack reads (see the pack's README, *What the pack reads*).",
    "2. For a generic `azure-native:resources:Resource`, set `resourceProviderNamespace`, `parentResourcePath` and `resourceType` to a type the pack knows.",
    "3. Otherwise review the resource's network settings by hand: the pack's rules did not see it.",
    "",
    "This package's components (`SecuredWorkspace`, `WorkspaceNetwork`, `PrivateEndpointSet`, `PrivateCompute`) declare only resources the pack reads.",
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link",
  tags: ["inventory", "coverage"],
  check: (model) => {
    if (model.unread.length === 0) return [];
    const names = model.unread
      .slice(0, listed)
      .map((r) => `${r.family} resource '${r.name}' (${r.type})`)
      .join("; ");
    const more = model.unread.length > listed ? `; and ${model.unread.length - listed} more` : "";
    return [
      {
        urn: "",
        message: `${model.unread.length} resource(s) of the families this pack governs could not be read, so no rule checked them: ${names}${more}. Fix: use a resource type the pack reads, or review these by hand.`,
      },
    ];
  },
};
