/**
 * Every row shape the audit reads, from the Azure REST API spec examples (fixtures/specExamples.json names
 * each file), as ARG prints it (`type` and `resourceGroup` lower case, empty columns `""`/`null`, sources in
 * ../shared/reference/azure-resource-graph-facts.md), read through the pack's own model.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { parseArmId } from "../../policy/azure/armId";
import { buildModel } from "../../policy/model/buildModel";
import type { StackModel } from "../../policy/model/types";
import { argRow, type ArgRow } from "../../plan/audit/argRow";
import { argTypes, resourcesTableTypes } from "../../plan/audit/argTypes";
import { discoveredResource, estateNames, readBackState } from "../../plan/audit/discoveredResource";
import { modelResource } from "../../plan/modelResources";
import { argRowOfGet } from "./argExportOf";

interface SpecExample {
  source: string;
  note?: string;
  body: Record<string, unknown>;
}

export const specExamples = JSON.parse(
  fs.readFileSync(path.join(__dirname, "fixtures", "specExamples.json"), "utf8"),
) as Record<string, SpecExample>;

function rowOf(name: string, edit: (body: Record<string, unknown>) => void = () => undefined) {
  const body = structuredClone(specExamples[name].body);
  edit(body);
  return argRow(argRowOfGet(body), { file: `${name}.json`, row: 0 })!;
}

const discovered = (row: ArgRow) => discoveredResource(row, estateNames([row])[0]);

function modelOf(...names: string[]): StackModel {
  return buildModel(names.map((n) => modelResource(discovered(rowOf(n)))));
}

describe("audit: every row shape of the REST API spec examples, read through the pack's model", () => {
  it("has a fixture of every type the audit reads, each read as its azure-native token", () => {
    const types = Object.values(specExamples).map((e) => parseArmId(String(e.body.id))!.type.toLowerCase());
    for (const type of Object.keys(argTypes)) expect(types, type).to.include(type);
    for (const name of Object.keys(specExamples)) {
      const parsed = parseArmId(String(specExamples[name].body.id))!;
      const row = argRow(argRowOfGet(specExamples[name].body), { file: name, row: 0 });
      const type = parsed.type.toLowerCase();
      if (type in argTypes) expect(discovered(row!).type, name).to.equal(argTypes[type].token);
      else expect(row, name).to.equal(undefined);
    }
  });

  it("the README's query selects exactly the resources-table types the audit reads", () => {
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    const query = readme.slice(readme.indexOf("```kusto\nresources"), readme.indexOf("| order by id asc"));
    expect([...query.matchAll(/'([a-z./]+)'/g)].map((m) => m[1])).to.deep.equal(resourcesTableTypes);
  });

  it("a VNet: its address space, its subnets and peerings inline (ARG has no subnet or peering rows)", () => {
    const vnet = rowOf("virtualNetwork", (b) => {
      (b.properties as Record<string, unknown>).virtualNetworkPeerings = [
        specExamples.virtualNetworkPeering.body,
      ];
    });
    const model = buildModel([modelResource(discovered(vnet))]);
    expect([...model.vnets.values()].map((v) => v.addressPrefixes)).to.deep.equal([["10.0.0.0/16"]]);
    expect([...model.subnets.values()].map((s) => [s.label, s.addressPrefixes])).to.deep.equal([
      ["subnet 'subnet1' of VNet 'test-vnet'", ["10.0.1.0/24"]],
    ]);
    expect(model.peerings.map((p) => [p.peeringState, p.allowVirtualNetworkAccess])).to.deep.equal([
      ["Initiated", true],
    ]);
  });

  it("a private endpoint, its zone group (no type: taken from its id) and its NIC", () => {
    const model = modelOf("privateEndpoint", "privateDnsZoneGroup", "networkInterface");
    const [endpoint] = model.endpoints;
    expect(endpoint.connections.map((c) => c.groupIds)).to.deep.equal([["groupIdFromResource"]]);
    expect(endpoint.ips).to.deep.equal(["192.168.0.4", "192.168.0.5"]);
    expect(model.zoneGroups.map((g) => [g.endpoint, g.zones.map((z) => z.zoneName)])).to.deep.equal([
      [endpoint.key, ["zone1.com", "zone2.com"]],
    ]);
    expect(model.networkInterfaces.map((n) => [n.hasPublicIp, n.ips])).to.deep.equal([
      [true, ["172.20.2.4"]],
    ]);
  });

  it("a private DNS zone and its VNet link (a VNet outside the export: known by id only)", () => {
    const model = modelOf("privateZone", "zoneVnetLink");
    const [zone] = [...model.zones.values()];
    expect(zone.zoneName).to.equal("privatezone1.com");
    expect(model.links.map((l) => [l.zone, model.label(l.vnet as string)])).to.deep.equal([
      [
        zone.key,
        "VNet 'virtualnetworkname' (resource group virtualnetworkresourcegroup, outside this stack)",
      ],
    ]);
  });

  it("a DNS private resolver, its endpoints (privateIpAddress, not privateIPAddress), ruleset, rule and ruleset link", () => {
    const model = modelOf(
      "dnsResolver",
      "inboundEndpoint",
      "outboundEndpoint",
      "forwardingRuleset",
      "forwardingRule",
      "rulesetVnetLink",
    );
    const endpoints = [...model.resolverEndpoints.values()];
    expect(endpoints.map((e) => [e.direction, e.ips])).to.deep.equal([
      ["inbound", ["255.255.255.255"]],
      ["outbound", []],
    ]);
    const [ruleset] = [...model.forwardingRulesets.values()];
    expect(ruleset.outboundEndpoints).to.have.length(2);
    expect(model.forwardingRules.map((r) => [r.ruleset, r.domainName, r.enabled])).to.deep.equal([
      [ruleset.key, "contoso.com.", true],
    ]);
    expect(model.rulesetVnetLinks.map((l) => l.ruleset)).to.deep.equal([ruleset.key]);
  });

  it("an Azure Firewall (its IP) and a firewall policy (its DNS proxy and servers)", () => {
    const model = modelOf("azureFirewall", "firewallPolicy");
    expect(model.firewalls.map((f) => f.ips)).to.deep.equal([["10.0.0.0"]]);
    expect([...model.firewallPolicies.values()].map((p) => [p.enableProxy, p.dnsServers])).to.deep.equal([
      [true, ["30.3.4.5"]],
    ]);
  });

  it("a workspace (flattened), its compute (its own nested properties kept), storage, key vault (its bag kept) and registry", () => {
    const model = modelOf("workspace", "compute", "storageAccount", "keyVault", "containerRegistry");
    expect(model.workspaces.map((w) => [w.publicNetworkAccess, w.imageBuildCompute])).to.deep.equal([
      ["Disabled", "testcompute"],
    ]);
    expect(model.computes.map((c) => c.computeType)).to.deep.equal(["AmlCompute"]);
    expect(
      [...model.services.values()]
        .map((s) => [s.kind, s.publicNetworkAccess ?? s.networkDefaultAction])
        .sort(),
    ).to.deep.equal([
      ["containerRegistry", "Enabled"],
      ["keyVault", "Enabled"],
      ["storageAccount", "Allow"],
    ]);
    // The workspace lists an endpoint the export does not hold: still its endpoint, where it sits unknown.
    expect(model.endpointsByTarget.get(model.workspaces[0].key)?.map((e) => e.label)).to.deep.equal([
      "private endpoint 'petest01' (resource group rg-1234, outside this stack)",
    ]);
  });

  it("names each resource by its ARM names, with its resource group and then its subscription where those repeat", () => {
    const zone = (sub: string, rg: string) =>
      argRow(
        argRowOfGet({
          ...specExamples.privateZone.body,
          id: `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io`,
        }),
        { file: "f", row: 0 },
      )!;
    const vnet = rowOf("virtualNetwork");
    expect(estateNames([zone("s1", "rg-a"), zone("s1", "rg-b"), zone("s2", "RG-B"), vnet])).to.deep.equal([
      "rg-a/privatelink.azurecr.io",
      "s1/rg-b/privatelink.azurecr.io",
      "s2/RG-B/privatelink.azurecr.io",
      "test-vnet",
    ]);
  });

  it("masks a value of a property the specs mark secure, wherever it is", () => {
    const row = rowOf("storageAccount", (b) => {
      (b.properties as Record<string, unknown>).connectionString =
        "DefaultEndpointsProtocol=https;AccountKey=abc";
    });
    const state = readBackState(row);
    expect(JSON.stringify(state)).to.not.include('"connectionString":"DefaultEndpointsProtocol');
    expect([...buildModel([modelResource(discovered(row))]).secrets]).to.include(
      "DefaultEndpointsProtocol=https;AccountKey=abc",
    );
  });
});
