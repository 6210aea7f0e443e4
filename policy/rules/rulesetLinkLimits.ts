/**
 * DNS forwarding ruleset links Azure refuses: a second ruleset linked to one VNet ("DNS forwarding ruleset
 * linked to a virtual network | 1", dns-limits) and a link to a VNet of another region ("A ruleset can't be
 * linked to a virtual network in another region.", private-resolver-endpoints-rulesets). Either fails the
 * deployment, so each is reported on the link at fault (links after the first, in stack order).
 */
import { normalizeLocation } from "../azure/locations";
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import type { RulesetVnetLink, StackModel } from "../model/types";
import { quotes } from "./quotes";

/** Links to a VNet already linked to another ruleset. */
function secondRulesets(model: StackModel): Violation[] {
  const first = new Map<string, RulesetVnetLink>();
  return model.rulesetVnetLinks.flatMap((link) => {
    if (typeof link.vnet !== "string" || typeof link.ruleset !== "string") return [];
    const earlier = first.get(link.vnet);
    if (!earlier) {
      first.set(link.vnet, link);
      return [];
    }
    if (earlier.ruleset === link.ruleset) return [];
    return [
      {
        urn: link.urn,
        message: message({
          subject: link.label,
          problem: `links ${model.label(link.vnet)} to ${model.label(link.ruleset)}, but ${model.label(earlier.ruleset as string)} is linked to it already (${earlier.label}); Azure allows one ruleset per VNet`,
          quote: quotes.rulesetLinkLimits,
          fix: `move this ruleset's rules into ${model.label(earlier.ruleset as string)}, or remove this link`,
        }),
      },
    ];
  });
}

/** Links to a VNet of another region than the ruleset's. */
function otherRegions(model: StackModel): Violation[] {
  return model.rulesetVnetLinks.flatMap((link) => {
    const ruleset = typeof link.ruleset === "string" ? model.forwardingRulesets.get(link.ruleset) : undefined;
    const vnet = typeof link.vnet === "string" ? model.vnets.get(link.vnet) : undefined;
    const [from, to] = [ruleset?.location, vnet?.location];
    if (!ruleset || !vnet || typeof from !== "string" || typeof to !== "string") return [];
    if (normalizeLocation(from) === normalizeLocation(to)) return [];
    return [
      {
        urn: link.urn,
        message: message({
          subject: link.label,
          problem: `links ${ruleset.label} (${from}) to ${vnet.label} in another region (${to}), which Azure refuses`,
          quote: quotes.rulesetLinkLimits,
          fix: `link a ruleset of ${to} (with an outbound endpoint of a resolver there) to ${vnet.label}`,
        }),
      },
    ];
  });
}

export const rulesetLinkLimits: StackRule<object> = {
  name: "dns-forwarding-ruleset-link-limits",
  description:
    "A VNet may be linked to one DNS forwarding ruleset only, and a ruleset only to VNets of its own region; Azure refuses other links.",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "medium",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Link each VNet to one forwarding ruleset of its region: merge the rules of two rulesets into one, and give each region its own resolver, outbound endpoint and ruleset.",
    "",
    "- azure-native: one `dnsresolver.PrivateResolverVirtualNetworkLink` per VNet, from a `dnsresolver.DnsForwardingRuleset` whose `location` is the VNet's.",
    "- Components: a `WorkspaceNetwork` spoke given the hub resolver's inbound IP in `dnsServers` needs no ruleset link of its own.",
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/dns/private-resolver-endpoints-rulesets",
  tags: ["dns"],
  check: (model) => [...secondRulesets(model), ...otherRegions(model)],
};
