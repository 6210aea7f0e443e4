import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import {
  PrivateEndpointSet,
  privateEndpointSetArgSchema,
  type PrivateEndpointSetArgs,
} from "../../sdk/endpoints/privateEndpointSet";
import { schemaProblems } from "../../sdk/validation/argSchema";
import { runOnMocks, settle, startRecording } from "../../plan/mockRun";
import {
  allPublicZones,
  endpointFacts,
  expectNoSharedRecords,
  linksByVnet,
  publicZonesByGroupId,
  types,
  zonesByGroupId,
} from "../scenarios/graphFacts";
import { dataLakeId, existingWorkspace } from "./fixtures";

const token = "azureml-network-isolation:index:PrivateEndpointSet";
const layout = { addressSpace: ["10.1.0.0/24"], endpointSubnetPrefix: "10.1.0.0/27" };

function program(args: Partial<PrivateEndpointSetArgs> = {}) {
  return () => {
    const set = new PrivateEndpointSet("svc", { ...existingWorkspace, ...layout, ...args });
    return {
      endpointIds: set.endpointIds,
      privateIpAddresses: set.privateIpAddresses,
      fqdns: set.fqdns,
      dnsRecords: set.dnsRecords,
      zoneIds: set.zoneIds,
      subnetId: set.subnetId,
      virtualNetworkId: set.virtualNetworkId,
    };
  };
}

describe("PrivateEndpointSet", () => {
  for (const preview of [false, true]) {
    it(`creates the VNet, endpoints, own zones, links and Reader roles under the set (${preview ? "preview" : "up"})`, async () => {
      const { graph } = await runOnMocks(program({ additionalStorageAccounts: { lake: dataLakeId } }), {
        preview,
      });
      const set = graph.ofType(token)[0];
      const children = graph.childrenOf(set.urn);
      // Registered under the set: each child's URN carries the set's type in its parent chain.
      expect(children.length).to.be.greaterThan(0);
      for (const c of children) expect(c.urn, c.name).to.include(`::${token}$`);
      expect(graph.resources.filter((r) => r.custom).every((r) => r.parent === set.urn)).to.equal(true);
      const count = (type: string) => children.filter((c) => c.type === type).length;
      expect([count(types.vnet), count(types.subnet), count(types.resourceGroup)]).to.deep.equal([1, 1, 1]);
      expect([
        count(types.endpoint),
        count(types.zoneGroup),
        count(types.zone),
        count(types.link),
      ]).to.deep.equal([7, 7, 6, 6]);
      expect(graph.named("svc-endpoints").inputs.privateEndpointNetworkPolicies).to.equal("Disabled");

      const facts = endpointFacts(graph);
      expect(facts.map((f) => [f.resource.name, f.groupId, f.zoneGroups]).sort()).to.deep.equal([
        ["svc-pe-registry-registry", "registry", 1],
        ["svc-pe-storage-blob", "blob", 1],
        ["svc-pe-storage-file", "file", 1],
        ["svc-pe-storage-lake-blob", "blob", 1],
        ["svc-pe-storage-lake-file", "file", 1],
        ["svc-pe-vault-vault", "vault", 1],
        ["svc-pe-workspace-amlworkspace", "amlworkspace", 1],
      ]);
      const byName = (n: string) => facts.find((f) => f.resource.name === n)!;
      expect(byName("svc-pe-storage-lake-blob").target).to.equal(dataLakeId.toLowerCase());
      expect(byName("svc-pe-storage-blob").target).to.equal(existingWorkspace.storageAccountId.toLowerCase());
      expect(zonesByGroupId(facts, set.urn)).to.deep.equal(publicZonesByGroupId);
      expectNoSharedRecords(facts);
      // One zone group for the workspace endpoint, holding both of its zones.
      expect(byName("svc-pe-workspace-amlworkspace").zones.map((z) => z.name)).to.deep.equal(
        publicZonesByGroupId.amlworkspace,
      );
      expect([...linksByVnet(graph).values()]).to.deep.equal([allPublicZones]);
      // The zones only answer the endpoints' names: "every virtual network can have exactly one registration
      // zone" (private-dns-virtual-network-links), so the links leave auto-registration off.
      for (const link of graph.ofType(types.link)) expect(link.inputs.registrationEnabled).to.equal(false);
      for (const zone of graph.ofType(types.zone)) {
        expect(zone.propertyDependencies.resourceGroupName).to.deep.equal([graph.named("svc-dns").urn]);
      }
      for (const pe of graph.ofType(types.endpoint)) {
        expect(pe.inputs.location).to.equal("westeurope");
        expect(pe.propertyDependencies.subnet).to.deep.equal([graph.named("svc-endpoints").urn]);
      }
      const readers = graph.ofType(types.roleAssignment);
      expect(readers.map((r) => r.name).sort()).to.deep.equal([
        "svc-reader-storage-blob",
        "svc-reader-storage-file",
        "svc-reader-storage-lake-blob",
        "svc-reader-storage-lake-file",
      ]);
      for (const reader of readers) {
        expect(reader.inputs.principalId).to.equal(existingWorkspace.workspacePrincipalId);
        expect(reader.inputs.principalType).to.equal("ServicePrincipal");
        expect(reader.propertyDependencies.scope).to.have.length(1);
        expect(graph.byUrn(reader.propertyDependencies.scope[0])!.type).to.equal(types.endpoint);
      }
      if (!preview) {
        expect(readers[0].inputs.roleDefinitionId).to.equal(
          "/subscriptions/00000000-1111-2222-3333-444444444444/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7",
        );
      }
    });
  }

  it("registers the same URNs at preview as at update", async () => {
    const up = await runOnMocks(program());
    const preview = await runOnMocks(program(), { preview: true });
    expect(preview.graph.resources.map((r) => r.urn).sort()).to.deep.equal(
      up.graph.resources.map((r) => r.urn).sort(),
    );
  });

  it("outputs endpoint ids, private IPs from the subnet, FQDNs, DNS records, zone ids and network ids", async () => {
    const { outputs } = await runOnMocks(program());
    const ids = outputs.endpointIds as Record<string, string>;
    expect(Object.keys(ids)).to.deep.equal([
      "workspace-amlworkspace",
      "storage-blob",
      "storage-file",
      "vault-vault",
      "registry-registry",
    ]);
    expect(ids["vault-vault"]).to.match(
      /\/providers\/Microsoft\.Network\/privateEndpoints\/svc-pe-vault-vault/,
    );
    const ips = outputs.privateIpAddresses as Record<string, string[]>;
    expect(ips["vault-vault"]).to.have.length(1);
    expect(ips["registry-registry"]).to.have.length(2);
    for (const ip of Object.values(ips).flat()) expect(ip).to.match(/^10\.1\.0\.([4-9]|[12]\d|30)$/);
    expect((outputs.fqdns as Record<string, string[]>)["storage-blob"]).to.deep.equal([
      "stml1.blob.core.windows.net",
    ]);
    const records = outputs.dnsRecords as { fqdn: string; ipAddresses: string[] }[];
    expect(records.map((r) => r.fqdn)).to.include("kvml1.vault.azure.net");
    expect(records).to.have.length(8);
    expect(Object.keys(outputs.zoneIds as object).sort()).to.deep.equal(allPublicZones);
    expect(outputs.subnetId).to.match(
      /\/virtualNetworks\/svc-vnet[0-9a-f]{7}\/subnets\/svc-endpoints[0-9a-f]{7}$/,
    );
    expect(String(outputs.subnetId).startsWith(String(outputs.virtualNetworkId))).to.equal(true);
  });

  // The registry's China zone is its own, not Commercial's: "Container registry `registry` | `privatelink.azurecr.io`
  // | `privatelink.azurecr.cn` | `privatelink.azurecr.us`" (shared/reference/azure-facts.md §1, from the
  // docs.azure.cn private-endpoint DNS zone table).
  it("uses China zone names when the cloud says so", async () => {
    const { graph } = await runOnMocks(
      program({ cloud: pulumi.output("AzureChinaCloud"), location: "chinaeast2" }),
    );
    const facts = endpointFacts(graph);
    expect(facts.find((f) => f.groupId === "amlworkspace")!.zones.map((z) => z.name)).to.deep.equal([
      "privatelink.api.ml.azure.cn",
      "privatelink.notebooks.chinacloudapi.cn",
    ]);
    expect(facts.find((f) => f.groupId === "vault")!.zones[0].name).to.equal(
      "privatelink.vaultcore.azure.cn",
    );
    expect(facts.find((f) => f.groupId === "registry")!.zones.map((z) => z.name)).to.deep.equal([
      "privatelink.azurecr.cn",
    ]);
  });

  it("with existing (hub) zones creates zone groups only, pointing at the given zone ids", async () => {
    const hub =
      "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones";
    const existingZoneIds = Object.fromEntries(allPublicZones.map((z) => [z, `${hub}/${z}`]));
    const { graph } = await runOnMocks(program({ dnsMode: "ExistingZones", existingZoneIds }));
    expect(graph.ofType(types.zone)).to.have.length(0);
    expect(graph.ofType(types.link)).to.have.length(0);
    expect(graph.ofType(types.resourceGroup)).to.have.length(0);
    const facts = endpointFacts(graph);
    expect(zonesByGroupId(facts, graph.ofType(token)[0].urn)).to.deep.equal(publicZonesByGroupId);
    expect(facts.find((f) => f.groupId === "amlworkspace")!.zones.map((z) => z.identity)).to.deep.equal([
      `${hub}/privatelink.api.azureml.ms`.toLowerCase(),
      `${hub}/privatelink.notebooks.azure.net`.toLowerCase(),
    ]);
  });

  it("with custom DNS creates no zone groups and exposes the records to create", async () => {
    const { graph, outputs } = await runOnMocks(
      program({ dnsMode: "None", workspacePrincipalId: undefined }),
    );
    expect(graph.ofType(types.zoneGroup)).to.have.length(0);
    expect(graph.ofType(types.zone)).to.have.length(0);
    expect(graph.ofType(types.roleAssignment)).to.have.length(0);
    const records = outputs.dnsRecords as { fqdn: string; ipAddresses: string[] }[];
    expect(records.find((r) => r.fqdn === "stml1.file.core.windows.net")!.ipAddresses).to.have.length(1);
    expect(records.filter((r) => r.fqdn.endsWith(".notebooks.azure.net"))).to.have.length(1);
  });

  it("puts endpoints in an existing subnet without creating a VNet", async () => {
    const subnetId =
      "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/pe";
    const { graph, outputs } = await runOnMocks(
      program({ addressSpace: undefined, endpointSubnetPrefix: undefined, subnetId }),
    );
    expect(graph.ofType(types.vnet)).to.have.length(0);
    expect(graph.ofType(types.subnet)).to.have.length(0);
    expect(graph.ofType(types.endpoint)).to.have.length.greaterThan(0);
    for (const pe of graph.ofType(types.endpoint))
      expect((pe.inputs.subnet as { id: string }).id).to.equal(subnetId);
    expect(outputs.virtualNetworkId).to.equal(subnetId.replace(/\/subnets\/pe$/, ""));
    expect([...linksByVnet(graph).keys()]).to.deep.equal([String(outputs.virtualNetworkId)]);
  });

  it("refuses bad layouts before registering any child, naming the property, value and fix", async () => {
    const graph = await startRecording();
    expect(
      () =>
        new PrivateEndpointSet("bad", {
          ...existingWorkspace,
          addressSpace: ["172.17.0.0/16"],
          endpointSubnetPrefix: "172.17.0.0/29",
        }),
    )
      .to.throw(pulumi.InputPropertiesError)
      .with.property("message")
      .that.matches(/^Invalid arguments for PrivateEndpointSet "bad":\n/)
      .and.matches(/\n- addressSpace: 172\.17\.0\.0\/16: overlaps 172\.17\.0\.0\/16, the Docker bridge range/)
      .and.matches(
        /\n- endpointSubnetPrefix: 172\.17\.0\.0\/29: too small: the endpoints need 8 private IPs/,
      );
    expect(
      () =>
        new PrivateEndpointSet("late", {
          ...existingWorkspace,
          addressSpace: [pulumi.output("10.1.0.0/24")],
          endpointSubnetPrefix: "10.1.0.0/27",
        }),
    )
      .to.throw(pulumi.InputPropertiesError)
      .with.property("errors")
      .that.deep.equals([
        {
          propertyPath: "addressSpace",
          reason: "addressSpace decides which resources exist, so it must be a plain value, not an output",
        },
      ]);
    await settle();
    expect(graph.resources).to.deep.equal([]);
  });
});

describe("PrivateEndpointSet's subnet egress by default", () => {
  // The subnet's egress defaults: Default for a set that may hold computes, None (private) for one that cannot.
  it("keeps a lone set's subnet and zone groups as deployed, and makes a managed network's set private", async () => {
    const graphOf = async (args: Partial<PrivateEndpointSetArgs>) =>
      (await runOnMocks(program(args), { preview: true })).graph;
    const lone = await graphOf({});
    expect(lone.named("svc-endpoints", "azure-native:network:Subnet").inputs).to.not.have.property(
      "defaultOutboundAccess",
    );
    // Each endpoint's one zone group keeps the name deployed stacks have ("default"): renaming replaces it.
    const groups = lone.ofType("azure-native:network:PrivateDnsZoneGroup");
    expect(groups).to.have.length(lone.ofType("azure-native:network:PrivateEndpoint").length);
    expect(new Set(groups.map((g) => g.inputs.privateDnsZoneGroupName))).to.deep.equal(new Set(["default"]));
    const managed = await graphOf({ managedNetwork: true });
    expect(managed.named("svc-endpoints", "azure-native:network:Subnet").inputs).to.have.property(
      "defaultOutboundAccess",
      false,
    );
  });
});

describe("PrivateEndpointSet in an existing subnet, peered with a hub", () => {
  it("creates this side of the peering on the subnet's VNet, in that VNet's resource group", async () => {
    const net =
      "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-spoke/providers/Microsoft.Network";
    const { graph } = await runOnMocks(
      () =>
        new PrivateEndpointSet("svc", {
          ...existingWorkspace,
          subnetId: `${net}/virtualNetworks/spoke-vnet/subnets/endpoints`,
          hubVirtualNetworkId: `${net.replace("rg-spoke", "rg-hub")}/virtualNetworks/hub-vnet`,
          dnsMode: "None",
        }),
      { preview: true },
    );
    expect(graph.named("svc-to-hub", "azure-native:network:VirtualNetworkPeering").inputs).to.deep.include({
      resourceGroupName: "rg-spoke",
      virtualNetworkName: "spoke-vnet",
    });
    expect(graph.named("svc-from-hub", "azure-native:network:VirtualNetworkPeering").inputs).to.deep.include({
      resourceGroupName: "rg-hub",
      virtualNetworkName: "hub-vnet",
      remoteVirtualNetwork: { id: `${net}/virtualNetworks/spoke-vnet` },
    });
  });
});

describe("PrivateEndpointSet's arguments, each by its kind", () => {
  const hub =
    "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/hub-vnet";
  const problems = (args: Partial<PrivateEndpointSetArgs>) =>
    schemaProblems(privateEndpointSetArgSchema, { ...existingWorkspace, ...layout, ...args }).map(
      (p) => `${p.propertyPath}: ${p.reason}`,
    );

  it("refuses an empty hubAddressSpace, a CIDR as firewallPrivateIp and a VNet's id as subnetId, saying what to give", () => {
    expect(
      problems({
        hubVirtualNetworkId: hub,
        hubAddressSpace: [],
        firewallPrivateIp: "10.0.2.0/24",
        subnetId: hub,
      }),
    ).to.deep.equal([
      `subnetId: ${JSON.stringify(hub)} is the id of a Microsoft.Network/virtualNetworks; give the id of a Microsoft.Network/virtualNetworks/subnets, e.g. /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<name>/subnets/<name>`,
      "hubAddressSpace: [] is empty; give at least 1 of an IPv4 CIDR such as 10.1.0.0/24",
      `firewallPrivateIp: "10.0.2.0/24" is not an IPv4 address; give an address such as 10.0.4.4 (a DNS Private Resolver inbound endpoint or a firewall's private IP)`,
    ]);
  });

  it("refuses a subnet's id as the hub, a key that is no zone name, and another type's id as a storage account", () => {
    const net =
      "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-hub/providers/Microsoft.Network";
    expect(
      problems({
        hubVirtualNetworkId: `${net}/virtualNetworks/hub/subnets/s`,
        dnsMode: "ExistingZones",
        existingZoneIds: { privatelink_blob: `${net}/privateDnsZones/privatelink.blob.core.windows.net` },
        additionalStorageAccounts: { lake: `${net}/virtualNetworks/hub` },
      }),
    ).to.deep.equal([
      `additionalStorageAccounts.lake: "${net}/virtualNetworks/hub" is the id of a Microsoft.Network/virtualNetworks; give the id of a Microsoft.Storage/storageAccounts, e.g. /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<name>`,
      'existingZoneIds.privatelink_blob: "privatelink_blob" is not a valid private DNS zone name; use a DNS zone name such as privatelink.api.azureml.ms',
      `hubVirtualNetworkId: "${net}/virtualNetworks/hub/subnets/s" is the id of a Microsoft.Network/virtualNetworks/subnets; give the id of a Microsoft.Network/virtualNetworks, e.g. /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<name>`,
    ]);
  });
});
