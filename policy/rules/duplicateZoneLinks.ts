/**
 * Two private DNS zones of one name linked to one VNet: Azure refuses the second link, so the program fails
 * to deploy, and while both zones exist only one can answer the VNet. Reported on each link after the first.
 */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";
import { duplicateZoneLinks } from "../model/resolution";
import { quotes } from "./quotes";

export const duplicateZoneLinksRule: StackRule<object> = {
  name: "private-dns-zone-name-linked-once",
  description:
    "A VNet may be linked to only one private DNS zone of a given name; Azure refuses a second link.",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "high",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Link each VNet to one zone of each privatelink name: share one zone set between the VNets that resolve through each other, or give isolated VNets zones of their own linked only to them.",
    "",
    "- azure-native: remove the second `privatedns.VirtualNetworkLink` from the VNet, or link it to the other zone set's VNet instead.",
    '- Components: one `WorkspaceNetwork` set per VNet with `dnsMode: "OwnZones"`, or `"ExistingZones"` naming the hub\'s zones.',
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/private-link/private-link-faq",
  tags: ["dns"],
  check: (model) =>
    duplicateZoneLinks(model.network).flatMap(({ vnet, name, zones }) => {
      const links = model.network.linksByVnet.get(vnet) ?? [];
      const first = zones[0];
      return links
        .filter((link) => link.zone !== first && zones.includes(link.zone as string))
        .map((link) => ({
          urn: model.links.find((l) => l.key === link.key)?.urn ?? link.key,
          message: message({
            subject: link.label,
            problem: `links ${model.label(vnet)} to ${model.label(link.zone as string)}, a second zone named ${name} (${model.label(first)} is linked to it already)`,
            quote: quotes.duplicateZoneLinks,
            fix: `keep one ${name} zone linked to ${model.label(vnet)}: remove this link, or move the records into the zone already linked`,
          }),
        }));
    }),
};
