/**
 * One test per preview/unknown branch of the rules rewritten on the resolution model (issue 17), run on the
 * model of recorded programs: what each rule says, or why it stays silent, when the path is ok, broken or
 * unknown. The isolated-VNet branches keep their old messages (test/policy/dns.test.ts and the topologies).
 */
import { expect } from "chai";
import { runOnMocks } from "../../plan/mockRun";
import { stackModel } from "../../plan/modelResources";
import { unknownSentinel } from "../../plan/policy/engineValue";
import { resolveName, ResolutionFaults } from "../../policy/model/resolution";
import type { StackModel } from "../../policy/model/types";
import type { StackRule } from "../../policy/pack/rule";
import { computeVnet } from "../../policy/rules/computeVnet";
import { dependencyEndpointsPerVnet } from "../../policy/rules/dependencyEndpointsPerVnet";
import { duplicateZoneLinksRule } from "../../policy/rules/duplicateZoneLinks";
import { endpointZoneGroups } from "../../policy/rules/endpointZoneGroups";
import { resolutionUnverified } from "../../policy/rules/resolutionUnverified";
import { zoneLinkedToVnet } from "../../policy/rules/zoneLinkedToVnet";
import { hubSpoke, type HubSpokeArgs } from "../analyzer/programs/hubSpoke";
import { sharedRuns } from "./sharedRuns";

function messages<C extends object>(rule: StackRule<C>, model: StackModel): string[] {
  return rule.check(model, rule.defaults).map((v) => v.message);
}

describe("rules on the resolution model: one test per branch", function () {
  this.timeout(60_000);
  // Models of one run per program, for the tests that only read them.
  const runOf = sharedRuns(hubSpoke);
  const modelOf = async (args: HubSpokeArgs, preview = false): Promise<StackModel> =>
    stackModel((await runOf(args, preview)).graph);

  describe("private-dns-zone-linked-to-endpoint-vnet", () => {
    it("says nothing when the spoke's DNS server is outside the stack (unknown)", async () => {
      expect(messages(zoneLinkedToVnet, await modelOf({ dns: "outside" }))).to.deep.equal([]);
    });
    it("names the firewall policy, once, when DNS proxy is off (preview)", async () => {
      const off = await modelOf({ dns: "firewall", firewallProxy: false }, true);
      const found = zoneLinkedToVnet.check(off, zoneLinkedToVnet.defaults);
      expect(found).to.have.length(1);
      expect(found[0].message).to.include("does not enable DNS proxy");
      // On the policy, where DNS proxy is set, not on the firewall that uses it.
      expect(found[0].urn).to.match(/azure-native:network:FirewallPolicy::/);
    });
    it("names a forwarding loop once, on the firewall policy forwarding to its own firewall, not per zone", async () => {
      const run = await runOnMocks(hubSpoke({ dns: "firewall" }));
      const spoke = run.graph
        .ofType("azure-native:network:VirtualNetwork")
        .find((v) => v.name === "spoke-vnet");
      const firewallIp = (spoke?.inputs.dhcpOptions as { dnsServers: string[] }).dnsServers[0];
      for (const policy of run.graph.ofType("azure-native:network:FirewallPolicy"))
        for (const props of [policy.inputs, policy.outputs])
          props.dnsSettings = { enableProxy: true, servers: [firewallIp] };
      const found = zoneLinkedToVnet.check(stackModel(run.graph), zoneLinkedToVnet.defaults);
      expect(found.map((v) => v.message)).to.have.length(1);
      expect(found[0].message).to.include("which forwards back to itself");
      expect(found[0].urn).to.match(/azure-native:network:FirewallPolicy::/);
    });
    // An unreachable DNS server fails every name the VNet asks (how-to-custom-dns: "There must be a valid route
    // between both virtual networks"): one finding, on the VNet whose DNS servers name it.
    it("names an unreachable DNS server once, on the VNet asking it, not per zone", async () => {
      const found = zoneLinkedToVnet.check(
        await modelOf({ dns: "resolver", peering: "none" }),
        zoneLinkedToVnet.defaults,
      );
      expect(found).to.have.length(1);
      expect(found[0].urn).to.match(/azure-native:network:VirtualNetwork::spoke-vnet$/);
      expect(found[0].message)
        .to.include("VNet 'spoke-vnet' cannot resolve the private link names of its endpoints")
        .and.include("VNet 'spoke-vnet' and VNet 'hub-vnet' are not peered")
        .and.include("Fix: peer the two VNets in both directions with allowVirtualNetworkAccess");
      // Broken, not unverified: the mandatory finding says it, the advisory for paths the pack cannot follow does not.
      expect(
        resolutionUnverified.check(await modelOf({ dns: "resolver", peering: "none" }), {}),
      ).to.deep.equal([]);
    });
    it("names a DNS server the ruleset's VNet cannot reach on that VNet, not on the spoke asking", async () => {
      const run = await runOnMocks(hubSpoke({ dns: "ruleset", peering: "none" }));
      // "Vnets that are linked from a DNS forwarding ruleset will use the ruleset when performing name resolution,
      // whether or not the linked VNet peers with the ruleset VNet" (private-resolver-endpoints-rulesets): the
      // rules forward from the hub's outbound endpoint to an IP in the spoke's range, which the hub, not peered
      // with the spoke, cannot reach. The fix is the hub's, so the finding is on the hub.
      for (const rule of run.graph.ofType("azure-native:dnsresolver:ForwardingRule"))
        for (const props of [rule.inputs, rule.outputs])
          props.targetDnsServers = [{ ipAddress: "10.0.9.9", port: 53 }];
      const found = zoneLinkedToVnet.check(stackModel(run.graph), zoneLinkedToVnet.defaults);
      // One per rule: each forwards its own domain.
      expect(found).to.have.length(6);
      for (const f of found) {
        expect(f.urn).to.match(/azure-native:network:VirtualNetwork::hub-vnet$/);
        expect(f.message).to.include(
          "in VNet 'spoke-vnet''s address space (10.0.0.0/16), whoever holds it: VNet 'hub-vnet' and VNet 'spoke-vnet' are not peered",
        );
      }
    });
    it("names the path when the zone is not linked where the path ends", async () => {
      const found = messages(zoneLinkedToVnet, await modelOf({ dns: "firewall", zonesLinkedTo: ["spoke"] }));
      expect(found).to.have.length(6);
      expect(found[0]).to.include("resolves through").and.include("is not linked to VNet 'hub-vnet'");
    });
    // Read back from Azure (ARM's shape), an IP configuration's fields are under `properties`
    // (shared/reference/azure-resource-graph-facts.md: `ipConfigurations[].properties.privateIPAddress` + `.subnet.id`).
    it("reads an inbound endpoint's IP and subnet under ARM's properties: the spoke still resolves through it", async () => {
      const run = await runOnMocks(hubSpoke({ dns: "resolver" }));
      const inbound = run.graph.named("inbound");
      for (const props of [inbound.inputs, inbound.outputs])
        props.ipConfigurations = (props.ipConfigurations as Record<string, unknown>[]).map((c) => ({
          properties: c,
        }));
      const model = stackModel(run.graph);
      const spoke = [...model.vnets.keys()].find((k) => k.endsWith("::spoke-vnet"))!;
      expect(resolveName(model.network, spoke, "privatelink.api.azureml.ms").verdict).to.equal("ok");
    });
    // The zone group is what writes the records into the zone: the finding is on it, with the zone named in the fix.
    it("reports a zone not answering the endpoint's VNet on the endpoint's zone group, naming the link to add", async () => {
      const own = zoneLinkedToVnet.check(await modelOf({ dns: "azureDns", zonesLinkedTo: ["hub"] }), {
        allowHubLinkedZones: false,
      });
      expect(own[0].urn).to.match(/azure-native:network:PrivateDnsZoneGroup::/);
      expect(own.map((v) => v.message).join("\n")).to.include(
        "add a VirtualNetworkLink from privatelink.api.azureml.ms to the endpoint's VNet (registrationEnabled: false)",
      );
      const path = zoneLinkedToVnet.check(await modelOf({ dns: "firewall", zonesLinkedTo: ["spoke"] }), {
        allowHubLinkedZones: false,
      });
      expect(path[0].urn).to.match(/azure-native:network:PrivateDnsZoneGroup::/);
      expect(path[0].message).to.include(
        "link the zone to the VNet where the path ends (its Azure DNS answers the query), with registrationEnabled: false",
      );
    });
    it("keeps the old message when the spoke's own Azure DNS answers from another zone of the name", async () => {
      const found = messages(
        zoneLinkedToVnet,
        await modelOf({ dns: "azureDns", duplicateApiZone: "spoke", zonesLinkedTo: ["hub"] }),
      );
      expect(found).to.have.length(6);
      expect(found[0]).to.include("but is not linked to its VNet 'spoke-vnet' (linked to VNet 'hub-vnet')");
    });
    it("names the path when the hub answers from another zone of the name, one without the record", async () => {
      const found = messages(
        zoneLinkedToVnet,
        await modelOf({ dns: "resolver", duplicateApiZone: "hub", zonesLinkedTo: ["spoke"] }),
      );
      const api = found.filter((m) => m.startsWith("private DNS zone 'zone-privatelink.api.azureml.ms'"));
      expect(api).to.have.length(1);
      expect(api[0])
        .to.include(
          "VNet 'spoke-vnet' resolves through 10.1.4.4 (resolver inbound endpoint 'inbound' in VNet 'hub-vnet', " +
            "peered both ways); private DNS zone 'zone-api-second' is linked to VNet 'hub-vnet', which answers " +
            "from private DNS zone 'zone-api-second', not this zone.",
        )
        .and.include("Fix: write the endpoint's records into the zone its VNet resolves through");
    });
    // The program's forwarding rules omit forwardingRuleState; Azure creates a rule Enabled then (the
    // property's values are Enabled and Disabled, and a rule forwards unless set Disabled).
    it("takes a forwarding rule that omits its state as Enabled: the ruleset spoke resolves", async () => {
      const model = await modelOf({ dns: "ruleset" });
      expect(model.forwardingRules.map((r) => r.enabled)).to.not.include(false);
      expect(messages(zoneLinkedToVnet, model)).to.deep.equal([]);
    });
    // A rule set Disabled forwards nothing: the spoke asks Azure DNS for the name, and the zone is not linked there.
    it("skips a forwarding rule set Disabled (in any case): the ruleset spoke no longer resolves that name", async () => {
      const api = "privatelink.api.azureml.ms";
      const run = await runOnMocks(hubSpoke({ dns: "ruleset" }));
      const rule = run.graph.named(`rule-${api}`);
      for (const props of [rule.inputs, rule.outputs]) props.forwardingRuleState = "disabled";
      const model = stackModel(run.graph);
      const spoke = [...model.vnets.keys()].find((k) => k.endsWith("::spoke-vnet"))!;
      expect(resolveName(model.network, spoke, api).verdict).to.equal("broken");
    });
    // The rule asks its first target (the others only on failover): one not known until the update (an output at
    // preview) leaves the name unknown, even when a later target is known.
    it("leaves the ruleset spoke's api name unknown while its rule's first target is unknown (preview)", async () => {
      const api = "privatelink.api.azureml.ms";
      const run = await runOnMocks(hubSpoke({ dns: "ruleset" }));
      const rule = run.graph.named(`rule-${api}`);
      const [known] = rule.inputs.targetDnsServers as unknown[];
      for (const props of [rule.inputs, rule.outputs])
        props.targetDnsServers = [{ ipAddress: unknownSentinel, port: 53 }, known];
      const model = stackModel(run.graph);
      const spoke = [...model.vnets.keys()].find((k) => k.endsWith("::spoke-vnet"))!;
      expect(resolveName(model.network, spoke, api).verdict).to.equal("unknown");
    });
    // A peering whose remote side was deleted reads peeringState Disconnected: no traffic flows over it
    // (virtual-network-manage-peering), so the spoke no longer reaches the hub's resolver.
    it("reads a recorded peering's state: a Disconnected one breaks the spoke's path to the hub's resolver", async () => {
      const run = await runOnMocks(hubSpoke({ dns: "resolver" }));
      const peering = run.graph.named("spoke-to-hub");
      for (const props of [peering.inputs, peering.outputs]) props.peeringState = "Disconnected";
      const model = stackModel(run.graph);
      const spoke = [...model.vnets.keys()].find((k) => k.endsWith("::spoke-vnet"))!;
      expect(resolveName(model.network, spoke, "privatelink.api.azureml.ms")).to.include({
        verdict: "broken",
        fault: ResolutionFaults.dnsHostUnreachable,
      });
      // So does a connected peering that sets allowVirtualNetworkAccess false: no traffic to the remote VNet.
      for (const props of [peering.inputs, peering.outputs])
        Object.assign(props, { peeringState: "Connected", allowVirtualNetworkAccess: false });
      const closed = stackModel(run.graph);
      expect(resolveName(closed.network, spoke, "privatelink.api.azureml.ms")).to.include({
        verdict: "broken",
        fault: ResolutionFaults.dnsHostUnreachable,
      });
    });
    it("checks a zone outside the stack that the stack links to a VNet", async () => {
      const run = await runOnMocks(hubSpoke({ dns: "azureDns", zonesLinkedTo: ["hub"] }));
      // The zones become existing ones (in the hub's resource group); the stack still links them to the hub.
      const zones = run.graph.ofType("azure-native:privatedns:PrivateZone");
      run.graph.resources.splice(
        0,
        run.graph.resources.length,
        ...run.graph.resources.filter((r) => !zones.includes(r)),
      );
      const found = messages(zoneLinkedToVnet, stackModel(run.graph));
      expect(found).to.have.length(6);
      expect(found[0]).to.include("outside this stack").and.include("is not linked to its VNet 'spoke-vnet'");
    });
    // On the endpoint's own VNet, or on the hub its DNS path ends in (the resolver's VNet): one finding, the
    // duplicate-link rule's, not a second one per zone group here.
    for (const args of [
      { dns: "azureDns", duplicateApiZone: "spoke" },
      { dns: "resolver", duplicateApiZone: "hub" },
    ] as const)
      it(`leaves two zones of one name on a VNet to private-dns-zone-name-linked-once (${args.dns}, ${args.duplicateApiZone})`, async () => {
        const model = await modelOf(args);
        expect(messages(zoneLinkedToVnet, model)).to.deep.equal([]);
        expect(messages(duplicateZoneLinksRule, model)).to.have.length(1);
      });
  });

  describe("dns-resolution-unverified", () => {
    // The advisory is for a path the pack cannot follow (a forwarding target outside the stack or unknown); a
    // zone link unknown at preview on the VNet's own Azure DNS is not one, ruleset or not: the update checks it.
    it("stays silent on a VNet with a ruleset whose unknown name is not forwarded (a zone link unknown at preview)", async () => {
      const run = await runOnMocks(hubSpoke({ dns: "ruleset" }));
      const link = run.graph.named("privatelink.api.azureml.ms-hub-link");
      for (const props of [link.inputs, link.outputs]) props.virtualNetwork = { id: unknownSentinel };
      delete link.propertyDependencies.virtualNetwork;
      const model = stackModel(run.graph);
      const spoke = [...model.vnets.keys()].find((k) => k.endsWith("::spoke-vnet"))!;
      expect(resolveName(model.network, spoke, "privatelink.api.azureml.ms")).to.include({
        verdict: "unknown",
      });
      expect(messages(resolutionUnverified, model)).to.deep.equal([]);
    });
    it("names a VNet that holds only a compute when its DNS server is outside the stack", async () => {
      const model = await modelOf({ dns: "outside", endpoints: "hub", compute: "AmlCompute" });
      const found = messages(resolutionUnverified, model);
      expect(found.some((m) => m.includes("'spoke-vnet' holds private endpoints or computes"))).to.equal(
        true,
      );
    });
  });

  describe("dependency-endpoints-per-vnet", () => {
    it("accepts a spoke reaching the hub's dependency endpoints through zones linked to it", async () => {
      expect(
        messages(dependencyEndpointsPerVnet, await modelOf({ dns: "azureDns", endpoints: "split" })),
      ).to.deep.equal([]);
    });
    it("names the path, and does not ask for colliding endpoints, when the spoke cannot resolve them", async () => {
      const found = messages(
        dependencyEndpointsPerVnet,
        await modelOf({ dns: "azureDns", endpoints: "split", zonesLinkedTo: ["hub"] }),
      );
      expect(found).to.have.length(2);
      const spoke = found.find((m) => m.startsWith("VNet 'spoke-vnet'"))!;
      expect(spoke)
        .to.include("of its own or of a connected VNet")
        .and.include("is not linked to VNet 'spoke-vnet'");
      expect(spoke).to.include("add endpoints here only with zones of their own");
    });
    it("stays silent when the spoke's resolution is unknown (DNS server outside the stack)", async () => {
      expect(
        messages(dependencyEndpointsPerVnet, await modelOf({ dns: "outside", endpoints: "split" })),
      ).to.deep.equal([]);
    });
  });

  describe("compute-in-endpoint-vnet", () => {
    it("accepts a cluster in a peered spoke that resolves the workspace", async () => {
      expect(
        messages(computeVnet, await modelOf({ dns: "azureDns", endpoints: "hub", compute: "AmlCompute" })),
      ).to.deep.equal([]);
    });
    // A reach not known at preview is not a broken one: the mandatory finding waits for the update.
    it("does not say 'holds no private endpoint' when the cluster VNet's peering is unknown at preview", async () => {
      const run = await runOnMocks(hubSpoke({ dns: "azureDns", endpoints: "hub", compute: "AmlCompute" }));
      const peering = run.graph.named("spoke-to-hub");
      for (const props of [peering.inputs, peering.outputs])
        props.remoteVirtualNetwork = { id: unknownSentinel };
      delete peering.propertyDependencies.remoteVirtualNetwork;
      const model = stackModel(run.graph);
      const vnet = (name: string) => [...model.vnets.keys()].find((k) => k.endsWith(`::${name}`))!;
      expect(model.network.connected(vnet("spoke-vnet"), vnet("hub-vnet")).verdict).to.equal("unknown");
      expect(messages(computeVnet, model)).to.deep.equal([]);
    });
    it("names the path when the peered spoke does not resolve the workspace's zones", async () => {
      const found = messages(
        computeVnet,
        await modelOf({ dns: "azureDns", endpoints: "hub", compute: "AmlCompute", zonesLinkedTo: ["hub"] }),
      );
      expect(found).to.have.length(1);
      expect(found[0])
        .to.include("peered with the workspace endpoint's VNet 'hub-vnet'")
        .and.include("is not linked to VNet 'spoke-vnet'");
    });
    it("stays silent for a cluster whose spoke resolves through a DNS server outside the stack", async () => {
      expect(
        messages(computeVnet, await modelOf({ dns: "outside", endpoints: "hub", compute: "AmlCompute" })),
      ).to.deep.equal([]);
    });
    it("keeps the old finding for a cluster in a VNet peered with nothing", async () => {
      const found = messages(
        computeVnet,
        await modelOf({ dns: "azureDns", endpoints: "hub", compute: "AmlCompute", peering: "none" }),
      );
      expect(found).to.have.length(1);
      expect(found[0]).to.include("which holds no private endpoint of").and.not.include("peered");
    });
  });

  describe("endpoint-dns-zone-group", () => {
    it("accepts the AVM split (api and notebooks from two endpoints of the workspace in one VNet)", async () => {
      expect(
        messages(
          endpointZoneGroups,
          await modelOf({ dns: "azureDns", avmSplit: true, peering: "none", zonesLinkedTo: ["spoke"] }),
        ),
      ).to.deep.equal([]);
    });
    it("still wants both zones when the second endpoint's zone does not answer the VNet", async () => {
      const found = messages(
        endpointZoneGroups,
        await modelOf({ dns: "azureDns", avmSplit: true, peering: "none", zonesLinkedTo: ["hub"] }),
      );
      expect(found).to.have.length(2);
    });
  });

  describe("dns-resolution-unverified", () => {
    it("says once, on the VNet, what it could not follow", async () => {
      const found = resolutionUnverified.check(await modelOf({ dns: "outside" }), {});
      expect(found).to.have.length(1);
      expect(found[0].message).to.include("192.168.10.10");
    });
    it("says nothing for a path it follows, at preview too", async () => {
      expect(resolutionUnverified.check(await modelOf({ dns: "resolver" }, true), {})).to.deep.equal([]);
      expect(resolutionUnverified.check(await modelOf({ dns: "firewall" }, true), {})).to.deep.equal([]);
    });
    it("names a spoke linked to one ruleset whose rules forward outside the stack", async () => {
      const run = await runOnMocks(hubSpoke({ dns: "ruleset" }));
      for (const rule of run.graph.ofType("azure-native:dnsresolver:ForwardingRule"))
        for (const props of [rule.inputs, rule.outputs])
          props.targetDnsServers = [{ ipAddress: "192.168.10.10", port: 53 }];
      const found = resolutionUnverified.check(stackModel(run.graph), {});
      expect(found.map((v) => run.graph.byUrn(v.urn)?.name)).to.deep.equal(["spoke-vnet"]);
      expect(found[0].message).to.include("forwards").and.include("192.168.10.10");
    });
  });
});
