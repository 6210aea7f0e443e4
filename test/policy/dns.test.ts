import { expect } from "chai";
import { buildModel } from "../../policy/model/buildModel";
import { resolveGroupId } from "../../policy/model/resolutionQueries";
import { dnsRecordCollision } from "../../policy/rules/dnsRecordCollision";
import { endpointZoneGroups } from "../../policy/rules/endpointZoneGroups";
import { zoneLinkedToVnet } from "../../policy/rules/zoneLinkedToVnet";
import { check, messagesOf } from "./check";
import { forms, nameOf, ref, unknownString, type Graph } from "./graph";
import {
  allTargets,
  core,
  endpointSet,
  isolatedClients,
  network,
  rg,
  singleVnet,
  tokens,
} from "./topologies";

const named = (graph: Graph, name: string) => graph.nodes.find((n) => n.name === name)!;

describe("rule 7: DNS zone groups, zones, links and collisions", () => {
  for (const form of forms) {
    it(`flags a workspace zone group without the notebooks zone (${form})`, () => {
      const t = singleVnet(form);
      const group = named(t.graph, "services-pe-mlw-amlworkspace-dns");
      group.props.privateDnsZoneConfigs = (group.props.privateDnsZoneConfigs as { name: string }[]).filter(
        (c) => !c.name.includes("notebooks"),
      );
      const messages = messagesOf(t.graph.resources(), endpointZoneGroups);
      expect(messages).to.have.length(1);
      expect(messages[0]).to.include("does not name privatelink.notebooks.azure.net");
    });
    it(`flags an endpoint without a zone group (${form})`, () => {
      const t = singleVnet(form);
      t.graph.nodes.splice(t.graph.nodes.indexOf(named(t.graph, "services-pe-kv-vault-dns")), 1);
      const messages = messagesOf(t.graph.resources(), endpointZoneGroups);
      expect(messages).to.have.length(1);
      expect(messages[0]).to.include(
        "private endpoint 'services-pe-kv-vault' (vault) has no private DNS zone group",
      );
      expect(messages[0]).to.include("privatelink.vaultcore.azure.net");
    });
    it(`flags a zone not linked to the endpoint's VNet (${form})`, () => {
      const t = singleVnet(form);
      t.graph.nodes.splice(
        t.graph.nodes.indexOf(named(t.graph, "services-privatelink.api.azureml.ms-link")),
        1,
      );
      const messages = messagesOf(t.graph.resources(), zoneLinkedToVnet);
      expect(messages).to.have.length(1);
      expect(messages[0]).to.include("is not linked to its VNet 'services-vnet'");
    });
    it(`flags two endpoints of one target writing into one zone (${form})`, () => {
      const t = singleVnet(form);
      const clients = network(t.graph, "clients", "10.1");
      // The clients' endpoints write into the services' zone instances.
      endpointSet(t.graph, "clients", clients, rg, allTargets(t), t.zones);
      const messages = messagesOf(t.graph.resources(), dnsRecordCollision);
      expect(messages.length).to.be.greaterThan(0);
      expect(messages.join("\n")).to.include(
        "private endpoint 'clients-pe-mlw-amlworkspace' writes the records of ML workspace 'mlw'",
      );
    });
  }
  it("reports a collision once per target and zone, on the second writer only, and not one endpoint naming a zone twice", () => {
    const t = singleVnet("update");
    // One endpoint naming its zone twice (two configs, a second zone group) writes its records once.
    const blobGroup = named(t.graph, "services-pe-st-blob-dns");
    const configs = blobGroup.props.privateDnsZoneConfigs as object[];
    blobGroup.props.privateDnsZoneConfigs = [...configs, { ...configs[0], name: "again" }];
    t.graph.add(tokens.zoneGroup, "services-pe-st-blob-dns-2", {
      ...blobGroup.props,
      privateDnsZoneGroupName: "second",
    });
    expect(check(t.graph.resources(), [dnsRecordCollision])).to.deep.equal([]);
    const clients = network(t.graph, "clients", "10.1");
    endpointSet(t.graph, "clients", clients, rg, allTargets(t), t.zones);
    const found = check(t.graph.resources(), [dnsRecordCollision]);
    // api and notebooks (workspace), blob, file, vault, registry: one finding per (target, zone).
    expect(found.map((f) => f.message.slice(0, f.message.indexOf(" writes")))).to.deep.equal([
      "private endpoint 'clients-pe-mlw-amlworkspace'",
      "private endpoint 'clients-pe-mlw-amlworkspace'",
      "private endpoint 'clients-pe-st-blob'",
      "private endpoint 'clients-pe-st-file'",
      "private endpoint 'clients-pe-kv-vault'",
      "private endpoint 'clients-pe-acr-registry'",
    ]);
    const urnOf = (name: string) => t.graph.nodes.find((n) => n.name === name)!.urn;
    expect(found[2].urn).to.equal(urnOf("clients-pe-st-blob"));
    expect(found[2].message).to.include("as private endpoint 'services-pe-st-blob' already does");
  });
  it("endpoints of different targets share a zone: each writes its own records, no collision", () => {
    // "Two endpoints of the same target writing into the same zone overwrite each other" (azure-facts.md): a
    // hub's central zones hold the records of every account's endpoint, each under its own name.
    const t = singleVnet("update");
    const lake = t.graph.add(tokens.storage, "lake", {
      resourceGroupName: rg,
      accountName: "stlake",
      location: "westeurope",
      publicNetworkAccess: "Disabled",
    });
    endpointSet(t.graph, "lake", t.services, rg, [{ node: lake, groupId: "blob" }], t.zones);
    expect(messagesOf(t.graph.resources(), dnsRecordCollision)).to.deep.equal([]);
  });
  describe("endpoint-dns-zone-group: what a zone group must name", () => {
    const withoutNotebooks = () => {
      const t = singleVnet("update");
      const group = named(t.graph, "services-pe-mlw-amlworkspace-dns");
      const configs = group.props.privateDnsZoneConfigs as { name: string; privateDnsZoneId: unknown }[];
      group.props.privateDnsZoneConfigs = configs.filter((c) => !c.name.includes("notebooks"));
      return { t, group, configs: group.props.privateDnsZoneConfigs as typeof configs };
    };
    const found = (t: { graph: Graph }) => check(t.graph.resources(), [endpointZoneGroups]);

    it("reports a missing zone on the zone group, the resource to change", () => {
      const { t, group } = withoutNotebooks();
      expect(found(t).map((f) => f.urn)).to.deep.equal([group.urn]);
    });

    // ARM reads a group id in any case: "AmlWorkspace" is the workspace's amlworkspace.
    it("reads group ids in any case", () => {
      const { t } = withoutNotebooks();
      const endpoint = named(t.graph, "services-pe-mlw-amlworkspace");
      const connections = endpoint.props.privateLinkServiceConnections as { groupIds: string[] }[];
      connections[0].groupIds = ["AmlWorkspace"];
      expect(found(t)[0].message).to.include("does not name privatelink.notebooks.azure.net");
    });

    it("says nothing while a group id, a zone of the group, or a zone group's endpoint is unknown at preview", () => {
      const unknownGroupIds = withoutNotebooks();
      const endpoint = named(unknownGroupIds.t.graph, "services-pe-mlw-amlworkspace");
      (endpoint.props.privateLinkServiceConnections as { groupIds: unknown }[])[0].groupIds = unknownString;
      expect(found(unknownGroupIds.t)).to.deep.equal([]);
      const unknownZone = withoutNotebooks();
      unknownZone.configs[0].privateDnsZoneId = unknownString;
      expect(found(unknownZone.t)).to.deep.equal([]);
      // An endpoint without a zone group, while another group's endpoint is unknown: it may be that one's.
      const t = singleVnet("update");
      t.graph.nodes.splice(t.graph.nodes.indexOf(named(t.graph, "services-pe-kv-vault-dns")), 1);
      expect(found(t)).to.have.length(1);
      named(t.graph, "services-pe-acr-registry-dns").props.privateEndpointName = unknownString;
      expect(found(t)).to.deep.equal([]);
    });

    // A zone's name is read in any case ("PrivateLink.Notebooks.Azure.Net" is the notebooks zone): the group names
    // it, though its VNet does not resolve through it (zone-linked-to-endpoint-vnet's finding, not this rule's).
    it("reads the zone names a group names in any case", () => {
      const t = singleVnet("update");
      named(t.graph, "services-privatelink.notebooks.azure.net").props.privateZoneName =
        "PrivateLink.Notebooks.Azure.Net";
      t.graph.nodes.splice(
        t.graph.nodes.indexOf(named(t.graph, "services-privatelink.notebooks.azure.net-link")),
        1,
      );
      expect(messagesOf(t.graph.resources(), zoneLinkedToVnet)).to.have.length(1);
      expect(found(t)).to.deep.equal([]);
    });

    // custom-dns: the records are created on a DNS server of the organisation's from the set's dnsRecords output.
    it("does not ask for a zone group when the stack declares custom-dns", () => {
      const t = singleVnet("update");
      t.graph.nodes.splice(t.graph.nodes.indexOf(named(t.graph, "services-pe-kv-vault-dns")), 1);
      expect(found(t)).to.have.length(1);
      expect(messagesOf(t.graph.resources(), endpointZoneGroups, { privateDns: "custom-dns" })).to.deep.equal(
        [],
      );
    });

    it("names the zones of the endpoint's region's cloud when no zone says which", () => {
      const t = singleVnet("update");
      t.graph.nodes.splice(t.graph.nodes.indexOf(named(t.graph, "services-pe-kv-vault-dns")), 1);
      named(t.graph, "services-pe-kv-vault").props.location = "chinaeast2";
      expect(found(t)[0].message).to.include("privatelink.vaultcore.azure.cn");
    });
  });
  it("uses the China zone names when the zones are China's", () => {
    const c = core("update");
    const net = network(c.graph, "services", "10.0");
    endpointSet(c.graph, "services", net, rg, [{ node: c.workspace, groupId: "amlworkspace" }]);
    const group = named(c.graph, "services-pe-mlw-amlworkspace-dns");
    const zone = c.graph.add(tokens.zone, "cn-api", {
      resourceGroupName: rg,
      privateZoneName: "privatelink.api.ml.azure.cn",
    });
    group.props.privateDnsZoneConfigs = [
      {
        name: "api",
        privateDnsZoneId: `/subscriptions/s/resourceGroups/${rg}/providers/Microsoft.Network/privateDnsZones/privatelink.api.ml.azure.cn`,
      },
    ];
    void zone;
    const messages = messagesOf(c.graph.resources(), endpointZoneGroups);
    expect(messages).to.have.length(1);
    expect(messages[0]).to.include("AzureChinaCloud").and.include("privatelink.notebooks.chinacloudapi.cn");
  });
  it("still flags a missing link when another link's VNet is unknown at preview", () => {
    const t = isolatedClients("update");
    t.graph.nodes.splice(t.graph.nodes.indexOf(named(t.graph, "clients-privatelink.api.azureml.ms-link")), 1);
    const open = named(t.graph, "services-privatelink.blob.core.windows.net-link");
    (open.props.virtualNetwork as { id: unknown }).id = unknownString;
    const messages = messagesOf(t.graph.resources(), zoneLinkedToVnet);
    expect(messages).to.have.length(1);
    expect(messages[0]).to.include("is not linked to its VNet 'clients-vnet'");
    // The blob zone whose link is open could be linked to the clients VNet: nothing is said about it.
    expect(messages[0]).to.not.include("blob");
  });
  it("a zone group naming a zone not known at preview: a zone without the endpoint's record is unknown, not broken", () => {
    const t = singleVnet("update");
    const group = named(t.graph, "services-pe-mlw-amlworkspace-dns");
    const configs = group.props.privateDnsZoneConfigs as { name: string; privateDnsZoneId: unknown }[];
    // The api zone's id is not known yet (nor traced by a dependency): the group may still write that record.
    configs.find((c) => c.name.includes("api"))!.privateDnsZoneId = unknownString;
    const model = buildModel(t.graph.resources());
    const vnet = [...model.vnets.keys()].find((k) => k.endsWith("::services-vnet"))!;
    const answer = resolveGroupId(model, vnet, t.workspace.urn, "amlworkspace", "AzureCloud");
    expect(answer?.verdict).to.equal("unknown");
    // Once known, a zone without the record is broken.
    group.props.privateDnsZoneConfigs = configs.filter((c) => !c.name.includes("api"));
    const known = buildModel(t.graph.resources());
    expect(resolveGroupId(known, vnet, t.workspace.urn, "amlworkspace", "AzureCloud")?.verdict).to.equal(
      "broken",
    );
  });
  // The endpoint's VNet answers from another instance of the zone's name; whether the endpoint's own zone is linked
  // there too is not known while one of its links (or one of the VNet's) is open at preview: left for the update.
  it("leaves a missing link for the update while the zone's or the VNet's links are unknown at preview", () => {
    const t = singleVnet("update");
    const api = "privatelink.api.azureml.ms";
    const other = t.graph.add(tokens.zone, "other-api", {
      resourceGroupName: "rg-other",
      privateZoneName: api,
      location: "global",
    });
    const link = (name: string, zone: unknown, vnet: unknown) =>
      t.graph.add(tokens.link, name, {
        resourceGroupName: "rg-other",
        privateZoneName: zone,
        virtualNetworkLinkName: name,
        location: "global",
        registrationEnabled: false,
        virtualNetwork: { id: vnet },
      });
    link("other-api-link", nameOf(other), ref(t.services.vnet));
    const own = named(t.graph, `services-${api}-link`);
    const ownVnet = own.props.virtualNetwork as { id: unknown };
    const elsewhere = network(t.graph, "elsewhere", "10.8");
    ownVnet.id = ref(elsewhere.vnet);
    const found = () => messagesOf(t.graph.resources(), zoneLinkedToVnet);
    expect(found()).to.have.length(1);
    // The endpoint's zone has a link whose VNet is unknown.
    ownVnet.id = unknownString;
    expect(found()).to.deep.equal([]);
    // The endpoint's VNet has a link whose zone is unknown.
    ownVnet.id = ref(elsewhere.vnet);
    link("open-link", unknownString, ref(t.services.vnet));
    expect(found()).to.deep.equal([]);
  });
  it("ignores allowHubLinkedZones (a documented no-op): a zone linked only to an unpeered hub VNet does not answer the endpoint's VNet", () => {
    const t = singleVnet("update");
    const link = named(t.graph, "services-privatelink.api.azureml.ms-link");
    const hub = network(t.graph, "hub", "10.9");
    (link.props.virtualNetwork as { id: unknown }).id =
      `/subscriptions/s/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${String(hub.vnet.props.virtualNetworkName)}`;
    const messages = messagesOf(t.graph.resources(), zoneLinkedToVnet);
    expect(messages).to.have.length(1);
    expect(messagesOf(t.graph.resources(), zoneLinkedToVnet, { allowHubLinkedZones: true })).to.deep.equal(
      messages,
    );
  });
});
