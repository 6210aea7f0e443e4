/**
 * Never mandatory on what the pack cannot see: a VNet holding private endpoints or computes whose DNS path
 * leaves the stack (a DNS server IP no resolver, firewall or VM of the stack holds, a forwarding target outside
 * it) or is unknown at preview gets one advisory saying what was not verified and why; the rules on name
 * resolution (zone links, dependency endpoints, compute VNets) stay silent on it.
 */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import { describePath, resolverOf, resolveName } from "../model/resolution";
import type { Key, StackModel } from "../model/types";
import { quotes } from "./quotes";

/** VNets of the stack whose resolution matters: they hold private endpoints or computes. */
function vnetsInUse(model: StackModel): Key[] {
  const used = new Set<Key>();
  for (const e of model.endpoints) if (typeof e.vnet === "string") used.add(e.vnet);
  for (const c of model.computes) if (typeof c.vnet === "string") used.add(c.vnet);
  return [...used].filter((v) => model.vnets.has(v));
}

/** The first name whose forwarding rule leads outside the stack or to something unknown, if any. */
function unverifiedForwarding(model: StackModel, vnet: Key): string | undefined {
  for (const zone of model.network.zones.values()) {
    if (typeof zone.name !== "string") continue;
    const answer = resolveName(model.network, vnet, zone.name);
    if (answer.verdict === "unknown" && answer.path.some((step) => step.includes("forwards")))
      return describePath(answer);
  }
  return undefined;
}

function check(model: StackModel, vnet: Key): Violation[] {
  const resolver = resolverOf(model.network, vnet);
  const reason =
    resolver.verdict === "unknown"
      ? describePath(resolver)
      : resolver.rulesets.length > 0
        ? unverifiedForwarding(model, vnet)
        : undefined;
  if (reason === undefined) return [];
  return [
    {
      urn: model.vnets.get(vnet)!.urn,
      message: message({
        subject: model.label(vnet),
        problem: `holds private endpoints or computes whose private link names the pack could not follow: ${reason}; whether they resolve to endpoints it reaches was not verified`,
        quote: quotes.customDns,
        fix: "when the DNS server is a hub the platform team runs, describe that hub in the pack config (platform-network.hubs: its VNet id, addressSpace, dnsServers and privateDnsZoneIds) so the pack follows the path; otherwise check that this DNS path answers the privatelink zones from a VNet linked to them, or declare the DNS servers in the stack",
      }),
    },
  ];
}

export const resolutionUnverified: StackRule<object> = {
  name: "dns-resolution-unverified",
  description:
    "Says, once per VNet, when private link name resolution could not be verified: its DNS servers are outside the stack or unknown at preview.",
  enforcementLevel: "advisory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "low",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "The VNet's DNS servers (or a forwarding rule) name an IP no resolver inbound endpoint, firewall or NIC of the stack holds, or are unknown at preview: check by hand that they resolve the privatelink zones (conditional forwarders to 168.63.129.16 from a VNet linked to the zones, see how-to-custom-dns).",
    "",
    "- A hub another team runs: describe it once in the `platform-network` policy's config (`hubs[]`: `virtualNetworkId`, `addressSpace`, `dnsServers`, `privateDnsZoneIds`); the spoke is then judged through it.",
    "- azure-native: declare the DNS server in the stack (a `dnsresolver.InboundEndpoint`, a `network.AzureFirewall` whose `network.FirewallPolicy` sets `dnsSettings.enableProxy`, or the DNS VM's `network.NetworkInterface`) so the pack can follow it.",
    '- Components: `WorkspaceNetwork` with `dnsMode: "None"` publishes `dnsRecords` for a custom DNS server to hold.',
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-custom-dns",
  tags: ["dns", "coverage"],
  check: (model) => vnetsInUse(model).flatMap((v) => check(model, v)),
};
