/**
 * The platform network, described once (issue 25 §1), through the model: a spoke stack whose hub another stack
 * runs is judged through the described hub (no unknown name), a DNS server the platform does not run or a zone
 * the platform lacks is blocked with the path in words, and without the description the advisory's fix names
 * the config.
 */
import { expect } from "chai";
import * as network from "@pulumi/azure-native/network";
import { runOnMocks } from "../../plan/mockRun";
import { stackModel } from "../../plan/modelResources";
import { resolutionRows } from "../../plan/resolutionTable";
import { topology } from "../../plan/topology";
import type { PlatformHub, PlatformNetwork } from "../../policy/model/platformNetwork";
import type { StackModel } from "../../policy/model/types";
import type { StackRule } from "../../policy/pack/rule";
import { stackRules } from "../../policy/policies";
import { platformNetwork } from "../../policy/rules/platformNetwork";
import { resolutionUnverified } from "../../policy/rules/resolutionUnverified";
import { zoneLinkedToVnet } from "../../policy/rules/zoneLinkedToVnet";
import { contosoHub, platformSpoke, type PlatformSpokeOptions } from "../hubSpoke/programs/platformSpoke";

/** The recorded run of the program, once per (DNS server, platformHub, preview). */
async function runOf(options: PlatformSpokeOptions = {}, preview = false) {
  const key = `${options.dnsServer ?? ""}|${options.platformHub?.name ?? ""}|${preview}`;
  if (!runs.has(key)) runs.set(key, runOnMocks(platformSpoke(options), { preview }));
  return runs.get(key)!;
}

/** Runs of the program, once per (DNS server, preview): the description changes the model, not the program. */
const runs = new Map<string, ReturnType<typeof runOnMocks>>();

async function modelOf(
  platform: Partial<PlatformNetwork> | undefined,
  options: PlatformSpokeOptions = {},
  preview = false,
): Promise<StackModel> {
  return stackModel((await runOf(options, preview)).graph, platform);
}

/** Every stack rule's findings, with its level. */
function findings(model: StackModel, platform: Partial<PlatformNetwork> = { hubs: [] }) {
  const rules: readonly StackRule<object>[] = stackRules;
  return rules.flatMap((rule) =>
    rule
      .check(model, rule.describesPlatform ? { ...rule.defaults, ...platform } : rule.defaults)
      .map((v) => ({ rule: rule.name, level: rule.enforcementLevel, message: v.message })),
  );
}

function mandatory(model: StackModel, platform?: Partial<PlatformNetwork>): string[] {
  return findings(model, platform)
    .filter((f) => f.level === "mandatory")
    .map((f) => `${f.rule}: ${f.message}`);
}

const described: PlatformNetwork = { hubs: [contosoHub] };

function withoutZone(name: string): PlatformHub {
  return {
    ...contosoHub,
    privateDnsZoneIds: (contosoHub.privateDnsZoneIds ?? []).filter((id) => !id.endsWith(`/${name}`)),
  };
}

describe("platform-network: a spoke judged through the hub the platform describes", function () {
  this.timeout(60_000);

  for (const preview of [false, true]) {
    it(`resolves every name of every VNet through the described hub, none unknown (${preview ? "preview" : "update"})`, async () => {
      const model = await modelOf(described, {}, preview);
      const rows = [...model.vnets.keys()].flatMap((vnet) => resolutionRows(model, vnet));
      expect(rows.length).to.be.greaterThan(0);
      expect(rows.filter((r) => r.status !== "ok").map((r) => `${r.name}: ${r.via}`)).to.deep.equal([]);
      expect(rows[0].via).to.include(
        "resolves through 10.0.4.4 (the platform's DNS Private Resolver inbound endpoint in hub VNet 'vnet-hub-weu' (described by the platform as hub 'contoso-hub-weu')",
      );
      expect(mandatory(model, described)).to.deep.equal([]);
      expect(findings(model, described).filter((f) => f.rule === resolutionUnverified.name)).to.deep.equal(
        [],
      );
    });
  }

  it("the same spoke written with the platformHub argument is judged the same", async () => {
    const model = await modelOf(described, { platformHub: contosoHub });
    const rows = [...model.vnets.keys()].flatMap((vnet) => resolutionRows(model, vnet));
    expect(rows.length).to.be.greaterThan(0);
    expect(rows.filter((r) => r.status !== "ok")).to.deep.equal([]);
    expect(mandatory(model, described)).to.deep.equal([]);
  });

  // The spoke's zone groups write into the hub's zones (ExistingZones): those zones are the platform's, named so.
  it("takes a zone the spoke's zone groups name and the platform describes as the platform's", async () => {
    const model = await modelOf(described);
    const api = [...model.network.zones.values()].find((z) => z.name === "privatelink.api.azureml.ms")!;
    expect(model.zoneGroups.some((g) => g.zones.some((z) => z.key === api.key))).to.equal(true);
    expect(api.platform).to.equal("contoso-hub-weu");
    expect(model.label(api.key)).to.include("described by the platform as hub 'contoso-hub-weu'");
  });

  it("the picture draws the described hub as one group: VNet, DNS server, firewall, zones", async () => {
    const { graph } = await runOf();
    const drawn = topology({
      model: stackModel(graph, described),
      graph,
      findings: { mandatory: [], advisory: [] },
    });
    const hub = drawn.clusters.find((c) => c.lines[0] === "hub VNet vnet-hub-weu");
    expect(hub?.lines).to.deep.equal([
      "hub VNet vnet-hub-weu",
      "10.0.0.0/16",
      "the platform's: contoso-hub-weu",
    ]);
    const inHub = drawn.nodes
      .filter((n) => n.cluster === hub!.id)
      .map((n) => `${n.kind}: ${n.lines.join(" / ")}`);
    expect(inHub).to.include.members([
      "dnsServer: the platform's DNS Private Resolver inbound endpoint / 10.0.4.4",
      "dnsServer: the platform's Azure Firewall (not described as a DNS proxy) / 10.0.2.4",
      "zone: privatelink.api.azureml.ms / the platform's",
      "zone: privatelink.azurecr.io / the platform's",
    ]);
    expect(drawn.nodes.filter((n) => n.lines.some((l) => l.includes("outside the stack")))).to.deep.equal([]);
    // Without the description the same hub is a box outside the stack.
    const bare = topology({ model: stackModel(graph), graph, findings: { mandatory: [], advisory: [] } });
    expect(bare.nodes.some((n) => n.lines.includes("outside the stack"))).to.equal(true);
  });

  it("without the description, names are unknown and the advisory's fix names platform-network.hubs", async () => {
    const model = await modelOf(undefined);
    const rows = [...model.vnets.keys()].flatMap((vnet) => resolutionRows(model, vnet));
    expect(rows.some((r) => r.status === "unknown")).to.equal(true);
    const advisories = findings(model).filter((f) => f.rule === resolutionUnverified.name);
    expect(advisories).to.have.length(1);
    expect(advisories[0].message).to.include(
      "Fix: when the DNS server is a hub the platform team runs, describe that hub in the pack config (platform-network.hubs",
    );
    expect(mandatory(model)).to.deep.equal([]);
  });

  it("blocks a DNS server in the hub's range that the platform does not run, with the path in words", async () => {
    const model = await modelOf(described, { dnsServer: "10.0.4.5" });
    const found = mandatory(model, described);
    expect(found).to.have.length(1);
    expect(found[0])
      .to.include(
        "resolves through 10.0.4.5, which is in the address space of hub VNet 'vnet-hub-weu' (described by the platform as hub 'contoso-hub-weu') but is none of the DNS servers the platform runs there",
      )
      .and.include(
        "Fix: name a DNS server the platform runs in that hub (platform-network.hubs[].dnsServers)",
      );
  });

  it("blocks a name the platform has no zone for, naming the zone and the config key", async () => {
    const platform = { hubs: [withoutZone("privatelink.notebooks.azure.net")] };
    const found = mandatory(await modelOf(platform), platform);
    expect(found.length).to.be.greaterThan(0);
    expect(found.join("\n"))
      .to.include(
        "privatelink.notebooks.azure.net is not linked to hub VNet 'vnet-hub-weu' (described by the platform as hub 'contoso-hub-weu')",
      )
      .and.include("list its id in platform-network.hubs[].privateDnsZoneIds");
  });

  // The spoke writes the notebooks records into /rg-dns/…, outside the stack; the platform links another zone of
  // that name (/rg-dns-new/…) to its hub, which answers the spoke: the records are in a zone nobody asks.
  it("says the spoke's zone is not the one the described hub answers from (private-dns-zone-linked-to-endpoint-vnet)", async () => {
    const notebooks = "privatelink.notebooks.azure.net";
    const moved = (id: string) =>
      id.endsWith(`/${notebooks}`) ? id.replace("/rg-dns/", "/rg-dns-new/") : id;
    const platform = {
      hubs: [{ ...contosoHub, privateDnsZoneIds: (contosoHub.privateDnsZoneIds ?? []).map(moved) }],
    };
    const found = zoneLinkedToVnet.check(await modelOf(platform), zoneLinkedToVnet.defaults);
    expect(found.map((v) => v.message)).to.have.length(1);
    expect(found[0].message)
      .to.include(
        `private DNS zone '${notebooks}' (resource group rg-dns, outside this stack) holds the records of`,
      )
      .and.include("not this zone");
  });

  it("blocks a name the platform has no zone for on the endpoint's zone group too (private-dns-zone-linked-to-endpoint-vnet)", async () => {
    const platform = { hubs: [withoutZone("privatelink.notebooks.azure.net")] };
    const found = zoneLinkedToVnet.check(await modelOf(platform), zoneLinkedToVnet.defaults);
    expect(found.map((v) => v.message).join("\n")).to.include(
      "privatelink.notebooks.azure.net is not linked to hub VNet 'vnet-hub-weu'",
    );
  });

  it("blocks a spoke naming the hub's firewall, which the platform does not describe as a DNS proxy", async () => {
    const found = mandatory(await modelOf(described, { dnsServer: "10.0.2.4" }), described);
    expect(found.join("\n"))
      .to.include("resolves through 10.0.2.4 (the platform's Azure Firewall (not described as a DNS proxy)")
      .and.include("a hub firewall answers DNS only when described with kind firewallProxy");
  });

  it("follows a firewall proxy to Azure DNS of the hub, and leaves a forwarder that says nowhere unknown", async () => {
    const proxy = {
      hubs: [{ ...contosoHub, dnsServers: [{ ip: "10.0.2.4", kind: "firewallProxy" as const }] }],
    };
    const viaProxy = await modelOf(proxy, { dnsServer: "10.0.2.4" });
    const vnet = [...viaProxy.vnets.keys()][0];
    expect(resolutionRows(viaProxy, vnet).every((r) => r.status === "ok")).to.equal(true);
    const forwarder = {
      hubs: [{ ...contosoHub, dnsServers: [{ ip: "10.0.4.4", kind: "forwarder" as const }] }],
    };
    const viaForwarder = await modelOf(forwarder);
    const rows = resolutionRows(viaForwarder, [...viaForwarder.vnets.keys()][0]);
    expect(rows.every((r) => r.status === "unknown")).to.equal(true);
    expect(rows[0].via).to.include("the platform does not say where it forwards");
    const onward = {
      hubs: [
        {
          ...contosoHub,
          dnsServers: [{ ip: "10.0.4.4", kind: "forwarder" as const, forwardsTo: ["10.0.4.5"] }],
        },
      ],
    };
    const viaOnward = await modelOf(onward);
    expect(resolutionRows(viaOnward, [...viaOnward.vnets.keys()][0])[0]).to.include({ status: "broken" });
  });
});

describe("platform-network: the description's own mistakes and contradictions", function () {
  this.timeout(60_000);

  it("reports each config mistake once, naming the key, the value and the fix", () => {
    const bad = {
      hubs: [
        {
          ...contosoHub,
          addressSpace: ["10.0.0.1/16"],
          dnsServers: [{ ip: "10.9.4.4", kind: "resolverInbound" as const }],
        },
        {
          ...contosoHub,
          name: "again",
          privateDnsZoneIds: [
            "/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/virtualNetworks/z",
          ],
        },
      ],
    };
    const messages = platformNetwork.check(stackModelOfNothing(bad), bad).map((v) => v.message);
    expect(messages).to.deep.equal([
      'The platform-network config is wrong: platform-network.hubs[0].addressSpace[0] is "10.0.0.1/16", which is not an IPv4 CIDR with its host bits clear, e.g. 10.0.0.0/16. Fix: correct platform-network.hubs[0].addressSpace[0] (the hub is left out of every check until then)',
      'The platform-network config is wrong: platform-network.hubs[1].privateDnsZoneIds[0] is "/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/virtualNetworks/z", which is not a private DNS zone\'s ARM id: give /subscriptions/…/providers/Microsoft.Network/privateDnsZones/<zone name>. Fix: correct platform-network.hubs[1].privateDnsZoneIds[0] (the hub is left out of every check until then)',
      `The platform-network config is wrong: platform-network.hubs[1].virtualNetworkId is "${contosoHub.virtualNetworkId}", which names the VNet platform-network.hubs[0] already describes: describe each hub once. Fix: correct platform-network.hubs[1].virtualNetworkId (the hub is left out of every check until then)`,
    ]);
  });

  it("reports an empty addressSpace as missing", () => {
    const bad = { hubs: [{ ...contosoHub, addressSpace: [] }] };
    const found = platformNetwork.check(stackModelOfNothing(bad), bad).map((v) => v.message);
    expect(found.join("\n")).to.include("platform-network.hubs[0].addressSpace").and.include("is required");
  });

  it("reports a DNS server outside the hub's range", () => {
    const bad = {
      hubs: [{ ...contosoHub, dnsServers: [{ ip: "10.9.4.4", kind: "resolverInbound" as const }] }],
    };
    expect(platformNetwork.check(stackModelOfNothing(bad), bad).map((v) => v.message)).to.deep.equal([
      'The platform-network config is wrong: platform-network.hubs[0].dnsServers[0].ip is "10.9.4.4", which is outside the hub\'s addressSpace (10.0.0.0/16): give the IP it holds in the hub VNet. Fix: correct platform-network.hubs[0].dnsServers[0].ip (the hub is left out of every check until then)',
    ]);
  });

  it("reports a spoke peered with the hub whose range overlaps the hub's", async () => {
    const overlapping = { hubs: [{ ...contosoHub, addressSpace: ["10.0.0.0/8"] }] };
    const found = platformNetwork.check(await modelOf(overlapping), overlapping).map((v) => v.message);
    expect(found).to.have.length(1);
    expect(found[0])
      .to.include(
        "is peered with hub VNet 'vnet-hub-weu' (described by the platform as hub 'contoso-hub-weu'), but its range 10.1.0.0/16 overlaps the hub's 10.0.0.0/8",
      )
      .and.include("should have non-overlapping IP address spaces");
  });

  // "The virtual networks that are peered should have non-overlapping IP address spaces." (peering overview): any
  // shared address overlaps, also a hub range lying inside the spoke's.
  it("reports a spoke whose range holds one of the hub's ranges", async () => {
    const inside = { hubs: [{ ...contosoHub, addressSpace: ["10.0.0.0/16", "10.1.0.0/24"] }] };
    const found = platformNetwork.check(await modelOf(inside), inside).map((v) => v.message);
    expect(found).to.have.length(1);
    expect(found[0]).to.include("but its range 10.1.0.0/16 overlaps the hub's 10.1.0.0/24");
  });
});

/**
 * A raw program: a spoke peered with the described hub (or the VNet `remoteId`), stating `remote` as its range; the
 * hub itself when `hubRange`.
 */
function rawPeering(remote: string[], hubRange?: string[], remoteId = contosoHub.virtualNetworkId) {
  return () => {
    if (hubRange)
      new network.VirtualNetwork("hub", {
        resourceGroupName: "rg-hub",
        virtualNetworkName: "vnet-hub-weu",
        addressSpace: { addressPrefixes: hubRange },
      });
    const spoke = new network.VirtualNetwork("spoke", {
      resourceGroupName: "rg-spoke",
      virtualNetworkName: "vnet-spoke",
      addressSpace: { addressPrefixes: ["10.1.0.0/16"] },
    });
    new network.VirtualNetworkPeering("spoke-to-hub", {
      resourceGroupName: "rg-spoke",
      virtualNetworkName: spoke.name,
      remoteVirtualNetwork: { id: remoteId },
      remoteAddressSpace: { addressPrefixes: remote },
    });
  };
}

describe("platform-network: a description the stack contradicts", function () {
  this.timeout(60_000);

  it("reports a peering stating another address space for the described hub", async () => {
    const { graph } = await runOnMocks(rawPeering(["10.9.0.0/16"]), { preview: true });
    const found = platformNetwork.check(stackModel(graph, described), described).map((v) => v.message);
    expect(found).to.deep.equal([
      "VNet peering 'spoke-to-hub' peers with the hub platform-network.hubs[0] describes, stating its address space as 10.9.0.0/16, while the platform describes 10.0.0.0/16. Fix: correct platform-network.hubs[0].addressSpace, or the peering's remoteAddressSpace",
    ]);
    const agreeing = await runOnMocks(rawPeering(["10.0.0.0/16"]), { preview: true });
    expect(platformNetwork.check(stackModel(agreeing.graph, described), described)).to.deep.equal([]);
  });

  // An empty remoteAddressSpace states no range: there is nothing to compare with the description.
  it("leaves a peering stating no range (an empty remoteAddressSpace) alone", async () => {
    const { graph } = await runOnMocks(rawPeering([]), { preview: true });
    expect(platformNetwork.check(stackModel(graph, described), described)).to.deep.equal([]);
  });

  it("leaves a peering with another VNet alone, whatever range it states", async () => {
    const other = contosoHub.virtualNetworkId.replace("vnet-hub-weu", "vnet-other");
    const { graph } = await runOnMocks(rawPeering(["10.9.0.0/16"], undefined, other), { preview: true });
    expect(platformNetwork.check(stackModel(graph, described), described)).to.deep.equal([]);
  });

  it("compares the ranges as sets: a peering stating the hub's two ranges in another order agrees", async () => {
    const twoRanges = { hubs: [{ ...contosoHub, addressSpace: ["10.0.0.0/16", "10.5.0.0/16"] }] };
    const { graph } = await runOnMocks(rawPeering(["10.5.0.0/16", "10.0.0.0/16"]), { preview: true });
    expect(platformNetwork.check(stackModel(graph, twoRanges), twoRanges)).to.deep.equal([]);
  });

  // The description stands in for a hub only where the stack does not hold it: a hub in the stack is judged from
  // its own resources, so its missing side of a peering is not taken as the platform's.
  it("judges a hub the stack holds from its own peerings, not from the description", async () => {
    const { graph } = await runOnMocks(rawPeering(["10.0.0.0/16"], ["10.0.0.0/16"]), { preview: false });
    const model = stackModel(graph, described);
    const key = (name: string) => [...model.vnets.keys()].find((k) => k.endsWith(`::${name}`))!;
    expect(model.network.connected(key("spoke"), key("hub"))).to.deep.include({ verdict: "broken" });
    expect(model.network.connected(key("spoke"), key("hub")).route).to.include("peered one way only");
  });

  it("reports the stack's own VNet of the described id with another address space", async () => {
    const { graph } = await runOnMocks(rawPeering(["10.0.0.0/16"], ["10.0.0.0/24"]), { preview: true });
    const model = stackModel(graph, described);
    const found = platformNetwork.check(model, described).map((v) => v.message);
    // The hub the stack holds is judged from its own resources, not replaced by the description.
    const hub = model.network.vnets.get([...model.vnets.keys()].find((k) => k.endsWith("::hub"))!);
    expect(hub?.addressPrefixes).to.deep.equal(["10.0.0.0/24"]);
    expect(hub?.platform).to.equal(undefined);
    expect(found).to.deep.equal([
      `VNet 'hub' is the VNet platform-network.hubs[0] describes (${contosoHub.virtualNetworkId}), but its address space is 10.0.0.0/24, not 10.0.0.0/16. Fix: correct platform-network.hubs[0].addressSpace, or the VNet's addressSpace`,
    ]);
  });
});

function stackModelOfNothing(platform: Partial<PlatformNetwork>): StackModel {
  return stackModel({ resources: [] } as unknown as Parameters<typeof stackModel>[0], platform);
}
