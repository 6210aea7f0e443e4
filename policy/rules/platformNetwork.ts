/**
 * The platform network, described once (`platform-network`): the hubs a platform team runs in other stacks.
 * The description itself is read before the model is built (pack/stackPolicy.ts) and enters the network graph,
 * so the resolution rules judge a spoke through the described hub; this rule reports what is wrong with the
 * description: a config mistake (one message naming the key, the value and the fix), or a description the stack
 * contradicts (the stack's own VNet of that id, or a peering to it, with another address space; a VNet peered
 * with a hub whose range it overlaps).
 */
import { parseCidr } from "../azure/cidr";
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import {
  overlappingHub,
  platformProblems,
  type PlatformHub,
  type PlatformNetwork,
} from "../model/platformNetwork";
import type { StackModel } from "../model/types";
import { quotes } from "./quotes";

/** Address prefixes compared as sets of normalised ranges. */
function sameRanges(a: readonly string[], b: readonly string[]): boolean {
  const norm = (list: readonly string[]) =>
    [...new Set(list.map((t) => parseCidr(t)?.text ?? t.trim()))].sort().join(",");
  return norm(a) === norm(b);
}

function hubIndex(config: Partial<PlatformNetwork>, hub: PlatformHub): number {
  return (config.hubs ?? []).findIndex((h) => h.virtualNetworkId === hub.virtualNetworkId);
}

function contradictions(model: StackModel, config: Partial<PlatformNetwork>): Violation[] {
  const found: Violation[] = [];
  for (const { hub, key } of model.platformHubs) {
    const path = `platform-network.hubs[${hubIndex(config, hub)}]`;
    const own = model.vnets.get(key);
    const prefixes = own?.addressPrefixes;
    if (own && Array.isArray(prefixes) && !sameRanges(prefixes, hub.addressSpace))
      found.push({
        urn: own.urn,
        message: `${own.label} is the VNet ${path} describes (${hub.virtualNetworkId}), but its address space is ${prefixes.join(", ")}, not ${hub.addressSpace.join(", ")}. Fix: correct ${path}.addressSpace, or the VNet's addressSpace`,
      });
    for (const peering of model.peerings) {
      if (peering.remoteVnet !== key || typeof peering.vnet !== "string") continue;
      const stated = peering.remoteAddressPrefixes;
      if (Array.isArray(stated) && stated.length > 0 && !sameRanges(stated, hub.addressSpace))
        found.push({
          urn: peering.urn,
          message: `${peering.label} peers with the hub ${path} describes, stating its address space as ${stated.join(", ")}, while the platform describes ${hub.addressSpace.join(", ")}. Fix: correct ${path}.addressSpace, or the peering's remoteAddressSpace`,
        });
      const vnet = model.vnets.get(peering.vnet);
      const ranges = vnet?.addressPrefixes;
      const clash = Array.isArray(ranges) ? overlappingHub([hub], ranges) : undefined;
      if (vnet && clash)
        found.push({
          urn: peering.urn,
          message: message({
            subject: vnet.label,
            problem: `is peered with ${model.label(key)}, but its range ${clash.range} overlaps the hub's ${clash.hubRange}`,
            quote: quotes.peeringAddressSpace,
            fix: `give this VNet an address space outside the hub's (${path}.addressSpace)`,
          }),
        });
    }
  }
  return found;
}

function check(model: StackModel, config: Partial<PlatformNetwork>): Violation[] {
  const mistakes = platformProblems(config).map((p) => ({
    urn: "",
    message: `The platform-network config is wrong: ${p.property} is ${JSON.stringify(p.value) ?? "missing"}, which ${p.reason}. Fix: correct ${p.property} (the hub is left out of every check until then)`,
  }));
  return [...mistakes, ...contradictions(model, config)];
}

export const platformNetwork: StackRule<Partial<PlatformNetwork>> = {
  name: "platform-network",
  description:
    "Describes the platform's hubs (VNet, address space, DNS servers, firewalls, the private DNS zones linked to the hub) so a spoke stack is judged through them; reports a description that is wrong or that the stack contradicts.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      hubs: {
        type: "array",
        description:
          "The hubs the platform team runs in other stacks. A spoke whose peering names one is judged through it: its DNS servers must be ones the hub runs, and its names must have a zone among the hub's.",
        items: {
          type: "object",
          required: ["name", "virtualNetworkId", "addressSpace"],
          properties: {
            name: { type: "string", description: "A name for messages, e.g. contoso-hub-weu." },
            virtualNetworkId: { type: "string", description: "The hub VNet's ARM id." },
            addressSpace: {
              type: "array",
              items: { type: "string" },
              description: "The hub VNet's prefixes.",
            },
            dnsServers: {
              type: "array",
              items: {
                type: "object",
                required: ["ip", "kind"],
                properties: {
                  ip: { type: "string" },
                  kind: { type: "string", enum: ["resolverInbound", "firewallProxy", "forwarder"] },
                  forwardsTo: { type: "array", items: { type: "string" } },
                },
              },
              description: "The DNS servers the hub runs (the IPs spokes name as DNS servers).",
            },
            firewalls: {
              type: "array",
              items: { type: "object", required: ["ip"], properties: { ip: { type: "string" } } },
            },
            privateDnsZoneIds: {
              type: "array",
              items: { type: "string" },
              description: "The private DNS zones linked to the hub VNet.",
            },
          },
        },
      },
    },
  },
  defaults: { hubs: [] },
  severity: "high",
  framework: benchmark("NS-2"),
  remediationSteps: [
    'Describe each hub once in the pack config (set it for the policy group in Pulumi Cloud, or pass `--policy-pack-config` to the plan): `{ "platform-network": { "hubs": [{ "name", "virtualNetworkId", "addressSpace", "dnsServers": [{ "ip", "kind" }], "firewalls": [{ "ip" }], "privateDnsZoneIds" }] } }`.',
    "",
    "- A finding on the config names the key to correct; a finding on a VNet or peering says where the stack and the description disagree.",
    "- azure-native: peer the spoke with the hub's `virtualNetworkId` (`network.VirtualNetworkPeering`), set its `dhcpOptions.dnsServers` to a DNS server the hub lists, and write each endpoint's zone group into the zones of `privateDnsZoneIds`.",
    "- Components: give the spoke the same entry as `platformHub` (WorkspaceNetwork / PrivateEndpointSet) and it is checked at preview.",
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/architecture/networking/architecture/hub-spoke",
  tags: ["dns", "network", "platform"],
  describesPlatform: true,
  check: (model, config) => check(model, config),
};
