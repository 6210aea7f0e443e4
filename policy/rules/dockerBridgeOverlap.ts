/** Rule 8 (address space): no VNet or subnet may overlap the Docker bridge range 172.17.0.0/16. */
import { dockerBridgeCidr, overlapsDockerBridge, parseCidr } from "../azure/cidr";
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";
import type { Entity } from "../model/types";
import type { Maybe } from "../model/values";
import { quotes } from "./quotes";

function overlapping(entity: Entity, prefixes: Maybe<string[]>) {
  if (!Array.isArray(prefixes)) return [];
  return prefixes
    .filter((prefix) => {
      const cidr = parseCidr(prefix);
      return cidr !== undefined && overlapsDockerBridge(cidr);
    })
    .map((prefix) => ({
      urn: entity.urn,
      message: message({
        subject: entity.label,
        problem: `uses ${prefix}, which overlaps the Docker bridge range ${dockerBridgeCidr}`,
        quote: quotes.dockerBridge,
        fix: `choose an address range outside ${dockerBridgeCidr}`,
      }),
    }));
}

export const dockerBridgeOverlap: StackRule<object> = {
  name: "vnet-docker-bridge-overlap",
  description:
    "VNets and subnets must not overlap 172.17.0.0/16, the Docker bridge network used by Azure ML computes.",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "medium",
  framework: benchmark("NS-1"),
  remediationSteps: [
    "Choose address spaces outside 172.17.0.0/16, the Docker bridge range Azure ML computes use.",
    "",
    "- azure-native: change `addressSpace.addressPrefixes` of the `network.VirtualNetwork` and the subnets' `addressPrefix`.",
    "- Components: set `addressSpace` and `endpointSubnetPrefix` of each `WorkspaceNetwork` set outside that range (validated at preview).",
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link",
  tags: ["vnet", "address-space"],
  check: (model) => [
    ...[...model.vnets.values()].flatMap((v) => overlapping(v, v.addressPrefixes)),
    ...[...model.subnets.values()].flatMap((s) => overlapping(s, s.addressPrefixes)),
  ],
};
