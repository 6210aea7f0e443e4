/**
 * Azure's resolution order and facts, each with the sentence it follows (sources in
 * ../shared/reference/azure-dns-resolution-facts.md, section A): linked zones before rulesets, the reserved domains
 * under a `.` rule, 168.63.129.16 as the VNet's own Azure DNS, DNS server IPs located by address space, the first
 * target of a rule against the random server of a firewall.
 */
import { expect } from "chai";
import { allClouds, privateDnsZones } from "../../policy/azure/clouds";
import { buildModel } from "../../policy/model/buildModel";
import { isUnderReservedDomain, reservedDomains } from "../../policy/azure/reservedDomains";
import {
  NetworkGraph,
  type DnsHost,
  type GraphForwardingRule,
  type NetworkGraphInput,
} from "../../policy/model/networkGraph";
import {
  describePath,
  resolveName,
  resolverOf,
  resolveTarget,
  ResolutionFaults,
} from "../../policy/model/resolution";
import { unknown } from "../../policy/model/values";
import { peering, resolverInbound } from "./plainGraph";

const api = "privatelink.api.azureml.ms";
const blob = "privatelink.blob.core.windows.net";

function rule(domain: string, targets: string[], key = "r"): GraphForwardingRule {
  return { key, label: `rule '${key}'`, ruleset: "rs", domain, targets };
}

/** A hub (10.0.0.0/16, resolver, ruleset 'rs' forwarding from the hub) and a spoke (10.1.0.0/16) peered both ways. */
function graph(overrides: Partial<NetworkGraphInput> = {}): NetworkGraph {
  return new NetworkGraph({
    vnets: [
      { key: "hub", label: "hub-vnet", addressPrefixes: ["10.0.0.0/16"], dnsServers: undefined },
      { key: "spoke", label: "spoke-vnet", addressPrefixes: ["10.1.0.0/16"], dnsServers: undefined },
    ],
    peerings: [peering("hub", "spoke"), peering("spoke", "hub")],
    zones: [
      { key: "zApiHub", label: "api zone (hub)", name: api },
      { key: "zApiSpoke", label: "api zone (spoke)", name: api },
      { key: "zBlob", label: "blob zone", name: blob },
    ],
    links: [],
    records: [],
    endpoints: [],
    dnsHosts: [resolverInbound],
    rulesets: [{ key: "rs", label: "ruleset 'rs'", vnet: "hub" }],
    rulesetLinks: [],
    forwardingRules: [],
    ...overrides,
  });
}

const link = (zone: string, vnet: string) => ({ key: `${zone}@${vnet}`, label: `link ${zone}`, zone, vnet });

describe("resolution order: linked zones before forwarding rulesets", () => {
  // "3. If you configure Default (Azure-provided) DNS servers in the virtual network, and there are Private DNS
  // zones linked to the same virtual network, these zones are consulted. 4. If the query doesn't match a Private
  // DNS zone linked to the virtual network, then Virtual network links for DNS forwarding rulesets are
  // consulted." (dns/dns-private-resolver-overview, "DNS query process")
  it("answers from the zone linked to the VNet, not from the rule forwarding the same name", () => {
    const g = graph({
      links: [link("zApiSpoke", "spoke")],
      rulesetLinks: [{ ruleset: "rs", vnet: "spoke" }],
      forwardingRules: [rule(`${api}.`, ["10.0.4.4"])],
    });
    const answer = resolveName(g, "spoke", api);
    expect(answer).to.include({ verdict: "ok", zone: "zApiSpoke", direct: true, resolvingVnet: "spoke" });
    // No zone linked to the spoke: the rule is consulted and reaches the hub, which has no zone of the name.
    const ruled = resolveName(graph({ ...g.input, links: [] }), "spoke", api);
    expect(describePath(ruled)).to.contain(`forwards ${api} (rule 'r')`);
  });

  // "If we are to have a 'privatelink.blob.core.windows.net' in private DNS Zones and
  // 'privatelink.blob.core.windows.net' in Forwarding RuleSet, then Private DNS Zone will take the precedence"
  // (MicrosoftDocs/azure-docs#100273); "if a record is not found in the Private DNS Zone, private resolver does not
  // try the forwarding ruleset, just returns 'not found'." (MicrosoftDocs/azure-docs#109292)
  it("breaks on a linked zone without the record even when the rule's target holds it", () => {
    const g = graph({
      links: [link("zApiSpoke", "spoke"), link("zApiHub", "hub")],
      records: [{ zone: "zApiHub", endpoint: "pe" }],
      endpoints: [{ key: "pe", label: "endpoint 'pe'", vnet: "spoke", targets: ["ws"], ips: ["10.1.0.5"] }],
      rulesetLinks: [{ ruleset: "rs", vnet: "spoke" }],
      forwardingRules: [rule(`${api}.`, ["10.0.4.4"])],
    });
    expect(resolveTarget(g, "spoke", "ws", api)).to.include({
      verdict: "broken",
      fault: ResolutionFaults.noRecord,
      zone: "zApiSpoke",
    });
  });

  // Caveat of #100273: the client's query is the public name (acct.blob.core.windows.net), which no privatelink
  // zone covers, so a rule on that public parent name forwards it before any CNAME into the linked zone.
  it("lets a rule on the public parent name win over the linked privatelink zone", () => {
    const g = graph({
      links: [link("zBlob", "spoke")],
      rulesetLinks: [{ ruleset: "rs", vnet: "spoke" }],
      forwardingRules: [rule("blob.core.windows.net.", ["192.168.9.9"])],
    });
    const answer = resolveName(g, "spoke", blob);
    expect(answer).to.include({ verdict: "unknown", fault: ResolutionFaults.outsideStack });
    expect(describePath(answer)).to.contain("forwards blob.core.windows.net (rule 'r')");
    // A rule on the private link name itself does not: the linked zone answers the CNAME's target.
    const own = resolveName(
      graph({ ...g.input, forwardingRules: [rule(`${blob}.`, ["192.168.9.9"])] }),
      "spoke",
      blob,
    );
    expect(own).to.include({ verdict: "ok", zone: "zBlob" });
  });

  it("leaves a name unknown while a zone linked to the VNet has a name not known at preview", () => {
    const g = graph({
      zones: [{ key: "zOpen", label: "a zone", name: unknown }],
      links: [link("zOpen", "spoke")],
      rulesetLinks: [{ ruleset: "rs", vnet: "spoke" }],
      forwardingRules: [rule(`${api}.`, ["192.168.9.9"])],
    });
    const answer = resolveName(g, "spoke", api);
    expect(answer).to.include({ verdict: "unknown", fault: ResolutionFaults.zoneNotLinked });
  });

  // "If a rule is present in the ruleset that has as its destination a private resolver inbound endpoint, do not
  // link the ruleset to the VNet where the inbound endpoint is provisioned. This configuration can cause DNS
  // resolution loops." (dns/private-resolver-endpoints-rulesets): only for names no zone linked there covers.
  it("finds no loop in a hub linked to its zones and to a ruleset targeting its own inbound endpoint", () => {
    const input: Partial<NetworkGraphInput> = {
      vnets: [
        { key: "hub", label: "hub-vnet", addressPrefixes: ["10.0.0.0/16"], dnsServers: undefined },
        { key: "spoke", label: "spoke-vnet", addressPrefixes: ["10.1.0.0/16"], dnsServers: ["10.0.4.4"] },
      ],
      links: [link("zApiHub", "hub")],
      rulesetLinks: [
        { ruleset: "rs", vnet: "hub" },
        { ruleset: "rs", vnet: "spoke" },
      ],
      forwardingRules: [rule(`${api}.`, ["10.0.4.4"])],
    };
    expect(resolveName(graph(input), "spoke", api)).to.include({ verdict: "ok", zone: "zApiHub" });
    expect(resolveName(graph(input), "hub", api)).to.include({ verdict: "ok", zone: "zApiHub" });
    const loop = resolveName(graph({ ...input, links: [] }), "spoke", api);
    expect(loop).to.include({ verdict: "broken", fault: ResolutionFaults.forwardingLoop });
  });
});

describe("resolution order: the wildcard rule and the domains reserved for Azure services", () => {
  // "Certain domains are ignored when using a wildcard rule for DNS resolution, because they are reserved for
  // Azure services. […] The two-label DNS names listed in this article (ex: windows.net, azure.com, azure.net,
  // windowsazure.us) are reserved for Azure services." (dns/private-resolver-endpoints-rulesets, "Rule processing")
  it("does not forward a privatelink name under a reserved domain by a '.' rule: the linked zone answers", () => {
    const input: Partial<NetworkGraphInput> = {
      links: [link("zApiSpoke", "spoke")],
      rulesetLinks: [{ ruleset: "rs", vnet: "spoke" }],
      forwardingRules: [rule(".", ["192.168.9.9"])],
    };
    expect(resolveName(graph(input), "spoke", api)).to.include({ verdict: "ok", zone: "zApiSpoke" });
    expect(resolveName(graph({ ...input, links: [] }), "spoke", api)).to.include({
      verdict: "broken",
      fault: ResolutionFaults.zoneNotLinked,
    });
    // A name under no reserved domain goes to the wildcard's target.
    expect(resolveName(graph(input), "spoke", "corp.contoso.com")).to.include({
      verdict: "unknown",
      fault: ResolutionFaults.outsideStack,
    });
  });

  it("reserves the two-label domain of every zone the product resolves, in every cloud", () => {
    for (const cloud of allClouds)
      for (const zones of Object.values(privateDnsZones[cloud]))
        for (const zone of zones) expect(isUnderReservedDomain(zone), `${cloud} ${zone}`).to.equal(true);
    expect(reservedDomains.AzureCloud).to.include.members(["windows.net", "azure.com", "azure.net"]);
    expect(reservedDomains.AzureUSGovernment).to.include("windowsazure.us");
    expect(isUnderReservedDomain("corp.contoso.com")).to.equal(false);
    expect(isUnderReservedDomain("net")).to.equal(false);
  });
});

describe("resolution order: 168.63.129.16 as a VNet's DNS server", () => {
  // "records listed in Private DNS Zones are only returned to devices resolving domains using the default Azure
  // DNS Virtual Server IP address" (machine-learning/how-to-custom-dns); "Azure DNS IP (168.63.129.16) needs to be
  // added in the list as well" (virtual-networks-name-resolution-for-vms-and-role-instances).
  it("is the VNet's own Azure DNS: its links answer, and their absence breaks", () => {
    const vnets = [
      { key: "hub", label: "hub-vnet", addressPrefixes: ["10.0.0.0/16"], dnsServers: undefined },
      { key: "spoke", label: "spoke-vnet", addressPrefixes: ["10.1.0.0/16"], dnsServers: ["168.63.129.16"] },
    ];
    const linked = resolveName(graph({ vnets, links: [link("zApiSpoke", "spoke")] }), "spoke", api);
    expect(linked).to.include({ verdict: "ok", zone: "zApiSpoke", direct: true });
    expect(describePath(linked)).to.contain("168.63.129.16 (Azure DNS of spoke-vnet)");
    expect(resolveName(graph({ vnets }), "spoke", api)).to.include({
      verdict: "broken",
      fault: ResolutionFaults.zoneNotLinked,
    });
  });

  it("is one of several servers: the hub's resolver and the VNet's own links must both answer", () => {
    const vnets = [
      { key: "hub", label: "hub-vnet", addressPrefixes: ["10.0.0.0/16"], dnsServers: undefined },
      {
        key: "spoke",
        label: "spoke-vnet",
        addressPrefixes: ["10.1.0.0/16"],
        dnsServers: ["10.0.4.4", "168.63.129.16"],
      },
    ];
    const hubOnly = graph({ vnets, links: [link("zApiHub", "hub")] });
    expect(resolveName(hubOnly, "spoke", api)).to.include({ verdict: "broken", resolvingVnet: "spoke" });
    const both = graph({ vnets, links: [link("zApiHub", "hub"), link("zApiSpoke", "spoke")] });
    expect(resolveName(both, "spoke", api).verdict).to.equal("ok");
    expect(resolverOf(both, "spoke").resolvingVnets).to.deep.equal(["hub", "spoke"]);
  });
});

describe("resolution order: DNS server IPs located by the asking VNet's address spaces", () => {
  // Azure interprets a DNS server IP in the asking VNet's routing context; "The virtual networks that are peered
  // should have non-overlapping IP address spaces." (virtual-network-peering-overview), so only one VNet the asker
  // reaches can hold it.
  it("gives two stamped VNets reusing a range each its own DNS server VM", () => {
    const vm = (key: string, vnet: string): DnsHost => ({
      key,
      label: `'${key}'`,
      kind: "vm",
      ip: "10.5.0.4",
      vnet,
    });
    const g = new NetworkGraph({
      vnets: ["a", "b"].map((s) => ({
        key: s,
        label: `stamp-${s}`,
        addressPrefixes: ["10.5.0.0/16"],
        dnsServers: ["10.5.0.4"],
      })),
      peerings: [],
      zones: [{ key: "z", label: "api zone", name: api }],
      links: [link("z", "a"), link("z", "b")],
      records: [],
      endpoints: [],
      dnsHosts: [vm("vmA", "a"), vm("vmB", "b")],
      rulesets: [],
      rulesetLinks: [],
      forwardingRules: [],
    });
    expect(resolveName(g, "b", api)).to.include({ verdict: "ok", resolvingVnet: "b" });
    expect(resolveName(g, "a", api)).to.include({ verdict: "ok", resolvingVnet: "a" });
  });

  // Found on Cloud-Scale Analytics' data landing zone, which writes the DNS server as a literal IP: at preview the
  // resolver's IP is not known, but the IP lies in the hub's range, which the spoke does not reach.
  it("breaks an IP inside an in-stack VNet's range the asker does not reach, even before the holder's IP is known", () => {
    const vnets = [
      { key: "hub", label: "hub-vnet", addressPrefixes: ["10.0.0.0/16"], dnsServers: undefined },
      { key: "spoke", label: "spoke-vnet", addressPrefixes: ["10.1.0.0/16"], dnsServers: ["10.0.4.4"] },
    ];
    const preview: Partial<NetworkGraphInput> = {
      vnets,
      dnsHosts: [{ ...resolverInbound, ip: unknown }],
      links: [link("zApiHub", "hub")],
    };
    const notPeered = resolveName(graph({ ...preview, peerings: [] }), "spoke", api);
    expect(notPeered).to.include({
      verdict: "broken",
      fault: ResolutionFaults.dnsHostUnreachable,
      faultAt: "spoke",
    });
    expect(describePath(notPeered)).to.contain("in hub-vnet's address space (10.0.0.0/16)");
    // Peered: the IP is reachable, its holder not known yet.
    expect(resolveName(graph(preview), "spoke", api).verdict).to.equal("unknown");
    // In no known range: outside the stack.
    const outside = resolveName(
      graph({ ...preview, vnets: [vnets[0], { ...vnets[1], dnsServers: ["192.168.0.53"] }] }),
      "spoke",
      api,
    );
    expect(outside).to.include({ verdict: "unknown", fault: ResolutionFaults.outsideStack });
  });

  it("breaks an IP in the range of a VNet whose DNS servers are all listed (a described hub) that none of them holds", () => {
    const vnets = [
      {
        key: "hub",
        label: "hub-vnet",
        addressPrefixes: ["10.0.0.0/16"],
        dnsServers: undefined,
        platform: "contoso-hub",
      },
      { key: "spoke", label: "spoke-vnet", addressPrefixes: ["10.1.0.0/16"], dnsServers: ["10.0.9.9"] },
    ];
    const answer = resolveName(graph({ vnets, links: [link("zApiHub", "hub")] }), "spoke", api);
    expect(answer).to.include({
      verdict: "broken",
      fault: ResolutionFaults.notRunByPlatform,
      faultAt: "spoke",
    });
    const unlisted = graph({ vnets: [{ ...vnets[0], platform: undefined }, vnets[1]] });
    expect(resolveName(unlisted, "spoke", api)).to.include({
      verdict: "unknown",
      fault: ResolutionFaults.outsideStack,
    });
  });
});

describe("resolution order: several targets", () => {
  // "If multiple DNS servers are entered as the destination for a rule, the first IP address that is entered is
  // used unless it doesn't respond." (dns/private-resolver-endpoints-rulesets, "Rule processing")
  it("judges a forwarding rule by its first target and names the others as failover", () => {
    const input: Partial<NetworkGraphInput> = {
      links: [link("zApiHub", "hub")],
      rulesetLinks: [{ ruleset: "rs", vnet: "spoke" }],
      forwardingRules: [rule(`${api}.`, ["10.0.4.4", "192.168.9.9"])],
    };
    const first = resolveName(graph(input), "spoke", api);
    expect(first).to.include({ verdict: "ok", zone: "zApiHub" });
    expect(describePath(first)).to.contain("192.168.9.9 only on failover");
    const swapped = resolveName(
      graph({ ...input, forwardingRules: [rule(`${api}.`, ["192.168.9.9", "10.0.4.4"])] }),
      "spoke",
      api,
    );
    expect(swapped).to.include({ verdict: "unknown", fault: ResolutionFaults.outsideStack });
  });

  // "If you configure multiple DNS servers, the server used is chosen randomly." (firewall/dns-settings)
  it("judges a firewall's DNS servers by the worst, since any may be picked", () => {
    const firewall: DnsHost = {
      key: "fw",
      label: "'fw'",
      kind: "firewall",
      ip: "10.0.1.4",
      vnet: "hub",
      dnsProxy: true,
      forwardsTo: ["10.0.4.4", "192.168.9.9"],
    };
    const g = graph({
      vnets: [
        { key: "hub", label: "hub-vnet", addressPrefixes: ["10.0.0.0/16"], dnsServers: undefined },
        { key: "spoke", label: "spoke-vnet", addressPrefixes: ["10.1.0.0/16"], dnsServers: ["10.0.1.4"] },
      ],
      dnsHosts: [resolverInbound, firewall],
      links: [link("zApiHub", "hub")],
    });
    expect(resolveName(g, "spoke", api)).to.include({
      verdict: "unknown",
      fault: ResolutionFaults.outsideStack,
    });
  });
});

describe("resolution order: fallback to public resolution", () => {
  // "When set to 'NxDomainRedirect', Azure DNS resolver falls back to public resolution if private dns query
  // resolution results in non-existent domain response. Only applicable for virtual network links to privatelink
  // zones, and for A, AAAA, CNAME queries." (PrivateDnsResolutionPolicy, Azure SDK reference)
  it("says a zone lacking the record answers with the public endpoint under NxDomainRedirect", () => {
    const input: Partial<NetworkGraphInput> = {
      links: [{ ...link("zApiSpoke", "spoke"), resolutionPolicy: "NxDomainRedirect" }],
      endpoints: [{ key: "pe", label: "endpoint 'pe'", vnet: "spoke", targets: ["ws"], ips: ["10.1.0.5"] }],
    };
    const redirected = resolveTarget(graph(input), "spoke", "ws", api);
    expect(redirected).to.include({ verdict: "broken", fault: ResolutionFaults.noRecord });
    expect(describePath(redirected)).to.contain(
      "sets resolutionPolicy NxDomainRedirect, so Azure DNS falls back to public resolution",
    );
    const plain = resolveTarget(graph({ ...input, links: [link("zApiSpoke", "spoke")] }), "spoke", "ws", api);
    expect(describePath(plain)).not.to.contain("NxDomainRedirect");
  });

  it("reads the link's resolutionPolicy from azure-native and classic links", () => {
    const rg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg";
    const vnetId = `${rg}/providers/Microsoft.Network/virtualNetworks/spoke`;
    const model = buildModel([
      {
        type: "azure-native:privatedns:VirtualNetworkLink",
        name: "native",
        urn: "urn:pulumi:s::p::azure-native:privatedns:VirtualNetworkLink::native",
        props: {
          privateZoneName: api,
          resourceGroupName: "rg",
          virtualNetwork: { id: vnetId },
          resolutionPolicy: "NxDomainRedirect",
        },
      },
      {
        type: "azure:privatedns/zoneVirtualNetworkLink:ZoneVirtualNetworkLink",
        name: "classic",
        urn: "urn:pulumi:s::p::azure:privatedns/zoneVirtualNetworkLink:ZoneVirtualNetworkLink::classic",
        props: {
          privateDnsZoneName: api,
          resourceGroupName: "rg",
          virtualNetworkId: vnetId,
          resolutionPolicy: "NxDomainRedirect",
        },
      },
    ]);
    expect(model.network.input.links.map((l) => l.resolutionPolicy)).to.deep.equal([
      "NxDomainRedirect",
      "NxDomainRedirect",
    ]);
  });
});

describe("resolution: a zone covers the names under it, label by label", () => {
  // A zone answers its own name and the names under it ("privatelink.api.azureml.ms" holds
  // "mlw.privatelink.api.azureml.ms"); "link.api.azureml.ms" ends the same text but is not a parent label.
  it("does not answer a name that only ends with the zone's text", () => {
    const g = graph({
      zones: [{ key: "zLink", label: "link.api.azureml.ms zone", name: "link.api.azureml.ms" }],
      links: [link("zLink", "spoke")],
    });
    expect(resolveName(g, "spoke", api).verdict).to.equal("broken");
    expect(resolveName(g, "spoke", "mlw.link.api.azureml.ms")).to.include({ verdict: "ok", zone: "zLink" });
  });
});
