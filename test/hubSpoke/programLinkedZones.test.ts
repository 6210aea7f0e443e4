/**
 * A spoke whose central zones the program links to it through `CentralPrivateDns.virtualNetworkIds` (not
 * `linkExistingZones`) resolves its own endpoints through those links: "the DNS zone must be linked to the
 * virtual network" is met by whichever resource makes the link. WorkspaceNetwork must not refuse it; a spoke
 * the program links nowhere is still refused.
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { runOnMocks, settle, startRecording } from "../../plan/mockRun";
import { CentralPrivateDns } from "../../sdk/dns/centralPrivateDns";
import { DnsModes } from "../../sdk/dns/dnsModes";
import { programLinksOf, recordZoneLinks } from "../../sdk/dns/programZoneLinks";
import { WorkspaceNetwork } from "../../sdk/endpoints/workspaceNetwork";
import { existingWorkspace } from "../endpoints/fixtures";

const sub = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups";
const hubId = `${sub}/rg-hub/providers/Microsoft.Network/virtualNetworks/hub-vnet`;

/** The central zones, linked to the hub and to what `linkedTo` picks among the sets' VNets. */
function program(linkedTo: "clients" | "other") {
  return () => {
    const [spokeVnetId, setSpokeVnetId] = pulumi.deferredOutput<string>();
    const dns = new CentralPrivateDns("dns", {
      resourceGroupName: "rg-dns",
      location: "westeurope",
      virtualNetworkIds: { hub: hubId, spoke: spokeVnetId },
    });
    const spoke = (prefix: string) => ({
      addressSpace: [`${prefix}.0.0/16`],
      endpointSubnetPrefix: `${prefix}.1.0/24`,
      servicesSet: false,
      hubVirtualNetworkId: hubId,
      dnsMode: DnsModes.ExistingZones,
      existingZoneIds: dns.zoneIdsByName(),
    });
    const net = new WorkspaceNetwork("net", {
      ...existingWorkspace,
      sets: {
        clients: spoke("10.1"),
        other: { ...spoke("10.2"), existingZoneIds: undefined, dnsMode: DnsModes.OwnZones },
      },
    });
    setSpokeVnetId(net.endpointSet(linkedTo).virtualNetworkId);
  };
}

describe("a spoke whose central zones the program links to it", function () {
  this.timeout(60_000);

  it("is not refused when CentralPrivateDns links the zones to its VNet", async () => {
    const { graph } = await runOnMocks(program("clients"));
    const links = graph
      .ofType("azure-native:privatedns:VirtualNetworkLink")
      .filter((l) => l.name.startsWith("dns-link-spoke-"));
    expect(links).to.have.length(6);
    for (const l of links)
      expect((l.inputs.virtualNetwork as { id: string }).id).to.equal(graph.named("net-clients-vnet").id);
  });

  it("is refused, in WorkspaceNetwork's words, when the program links the zones to another VNet", async () => {
    let error: unknown;
    await runOnMocks(program("other")).catch((e: unknown) => (error = e));
    expect(String(error)).to.contain("sets.clients.dnsServers");
    expect(String(error)).to.contain("the spoke's VNet could not resolve its own endpoints (");
  });

  it("is refused when one zone (another CentralPrivateDns's) is linked to another VNet and the rest to its own", async () => {
    const api = "privatelink.api.azureml.ms";
    let error: unknown;
    await runOnMocks(() => {
      const [clientsVnetId, setClientsVnetId] = pulumi.deferredOutput<string>();
      const [otherVnetId, setOtherVnetId] = pulumi.deferredOutput<string>();
      const central = (name: string, vnet: pulumi.Output<string>) =>
        new CentralPrivateDns(name, {
          resourceGroupName: `rg-${name}`,
          location: "westeurope",
          virtualNetworkIds: { hub: hubId, spoke: vnet },
        }).zoneIdsByName();
      const zones = central("dns", clientsVnetId);
      const apiZones = central("dns-api", otherVnetId);
      const spoke = (prefix: string) => ({
        addressSpace: [`${prefix}.0.0/16`],
        endpointSubnetPrefix: `${prefix}.1.0/24`,
        servicesSet: false,
        hubVirtualNetworkId: hubId,
      });
      const net = new WorkspaceNetwork("net", {
        ...existingWorkspace,
        sets: {
          clients: {
            ...spoke("10.1"),
            dnsMode: DnsModes.ExistingZones,
            existingZoneIds: { ...zones, [api]: apiZones[api] },
          },
          other: { ...spoke("10.2"), dnsMode: DnsModes.OwnZones },
        },
      });
      setClientsVnetId(net.endpointSet("clients").virtualNetworkId);
      setOtherVnetId(net.endpointSet("other").virtualNetworkId);
    }).catch((e: unknown) => (error = e));
    expect(String(error)).to.contain("sets.clients.dnsServers");
    expect(String(error)).to.contain("the spoke's VNet could not resolve its own endpoints (");
  });

  it("an existing subnet's VNet, linked by its literal id, is not refused; linked elsewhere it is, before registration", async () => {
    const spokeVnet = `${sub}/rg-spoke/providers/Microsoft.Network/virtualNetworks/spoke-vnet`;
    /**
     * The zones linked to `linked`; with `apiLinkedTo`, the api zone is another component's, linked there (or,
     * given as a zone id, a zone outside the program).
     */
    const run = (linked: string, apiLinkedTo?: string) =>
      runOnMocks(() => {
        const central = (name: string, vnet: string) =>
          new CentralPrivateDns(name, {
            resourceGroupName: `rg-${name}`,
            location: "westeurope",
            virtualNetworkIds: { linked: vnet },
          }).zoneIdsByName();
        const zones = central("dns", linked);
        const api = "privatelink.api.azureml.ms";
        new WorkspaceNetwork("net", {
          ...existingWorkspace,
          sets: {
            clients: {
              subnetId: `${spokeVnet}/subnets/endpoints`,
              servicesSet: false,
              hubVirtualNetworkId: hubId,
              dnsMode: DnsModes.ExistingZones,
              existingZoneIds: apiLinkedTo
                ? {
                    ...zones,
                    [api]: apiLinkedTo.includes("/privateDnsZones/")
                      ? apiLinkedTo
                      : central("dns-api", apiLinkedTo)[api],
                  }
                : zones,
            },
          },
        });
      });
    await run(spokeVnet);
    // ARM ids compare case-insensitively: the link names the subnet's VNet in another case.
    await run(spokeVnet.toUpperCase());
    const refusal = async (linked: string, apiLinkedTo?: string) => {
      let error: unknown;
      await run(linked, apiLinkedTo).catch((e: unknown) => (error = e));
      return String(error);
    };
    const refused = 'Invalid arguments for WorkspaceNetwork "net":\n- sets.clients.dnsServers';
    expect(await refusal(hubId)).to.contain(refused);
    // One zone linked to the spoke is not all of them: the notebooks, storage, vault and registry names still fail.
    expect(await refusal(hubId, spokeVnet)).to.contain(refused);
    // A zone outside the program (a literal id) has no link the program makes: not linked to the spoke.
    const outside = `${sub}/rg-other/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms`;
    expect(await refusal(spokeVnet, outside)).to.contain(refused);
  });
});

describe("a spoke one of whose central zones the program links only to literal VNet ids", function () {
  this.timeout(60_000);

  it("is refused before anything of WorkspaceNetwork is registered: that zone can never be linked to the VNet it creates", async () => {
    const api = "privatelink.api.azureml.ms";
    const graph = await startRecording({ preview: true });
    let error: unknown;
    try {
      const zones = new CentralPrivateDns("dns", {
        resourceGroupName: "rg-dns",
        location: "westeurope",
        virtualNetworkIds: { hub: hubId, spoke: pulumi.output(hubId).apply((id) => id) },
      }).zoneIdsByName();
      // The api zone is another component's, linked to the hub's literal id only.
      const apiZones = new CentralPrivateDns("dns-api", {
        resourceGroupName: "rg-dns-api",
        location: "westeurope",
        virtualNetworkIds: { hub: hubId },
      }).zoneIdsByName();
      new WorkspaceNetwork("net", {
        ...existingWorkspace,
        sets: {
          clients: {
            addressSpace: ["10.1.0.0/16"],
            endpointSubnetPrefix: "10.1.1.0/24",
            servicesSet: false,
            hubVirtualNetworkId: hubId,
            dnsMode: DnsModes.ExistingZones,
            existingZoneIds: { ...zones, [api]: apiZones[api] },
          },
        },
      });
    } catch (e) {
      error = e;
    }
    await settle();
    expect(String(error)).to.contain(
      'Invalid arguments for WorkspaceNetwork "net":\n- sets.clients.dnsServers',
    );
    expect(graph.resources.filter((r) => r.name.startsWith("net"))).to.deep.equal([]);
  });
});

describe("a clients set whose central zones the program links to it", function () {
  this.timeout(60_000);

  /** A services set and a clients set (`endpoints: []`) peered with it; the zones linked to `linked`. */
  const clientsProgram = (linked: readonly ("services" | "clients")[]) => () => {
    const deferred = { services: pulumi.deferredOutput<string>(), clients: pulumi.deferredOutput<string>() };
    const dns = new CentralPrivateDns("dns", {
      resourceGroupName: "rg-dns",
      location: "westeurope",
      virtualNetworkIds: Object.fromEntries(linked.map((set) => [set, deferred[set][0]])),
    });
    const zones = { dnsMode: DnsModes.ExistingZones, existingZoneIds: dns.zoneIdsByName() };
    const net = new WorkspaceNetwork("net", {
      ...existingWorkspace,
      sets: {
        services: {
          addressSpace: ["10.1.0.0/16"],
          endpointSubnetPrefix: "10.1.1.0/24",
          servicesSet: true,
          ...zones,
        },
        clients: {
          addressSpace: ["10.2.0.0/16"],
          endpointSubnetPrefix: "10.2.1.0/24",
          servicesSet: false,
          endpoints: [],
          peerings: {
            services: { remoteVirtualNetworkId: deferred.services[0], remoteAddressSpace: ["10.1.0.0/16"] },
          },
          ...zones,
        },
      },
    });
    for (const set of ["services", "clients"] as const)
      deferred[set][1](net.endpointSet(set).virtualNetworkId);
  };

  it("is not refused when CentralPrivateDns links the zones to its VNet too", async () => {
    const { graph } = await runOnMocks(clientsProgram(["services", "clients"]));
    expect(graph.named("net-clients-to-services").inputs.remoteVirtualNetwork).to.deep.equal({
      id: graph.named("net-services-vnet").id,
    });
  });

  it("is refused, naming sets.clients.endpoints, when the zones are linked to the services VNet only", async () => {
    let error: unknown;
    await runOnMocks(clientsProgram(["services"])).catch((e: unknown) => (error = e));
    expect(String(error)).to.contain(
      'Invalid arguments for WorkspaceNetwork "net":\n- sets.clients.endpoints: []',
    );
    expect(String(error)).to.contain("privatelink.api.azureml.ms is not linked to set clients's VNet");
  });
});

describe("the program's zone links read for an existing subnet's VNet", () => {
  // ARM ids name a VNet whole: a link to `spoke-vnet2` is no link to `spoke-vnet`, whose id it starts with.
  it("counts a literal id as the subnet's VNet only when it names that VNet, not one whose name extends it", () => {
    const vnet = `${sub}/rg-spoke/providers/Microsoft.Network/virtualNetworks/spoke-vnet`;
    const zoneLinkedTo = (vnetId: string) => {
      const zone = pulumi.output(
        `${sub}/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms`,
      );
      recordZoneLinks(zone, [hubId, vnetId]);
      return { "privatelink.api.azureml.ms": zone };
    };
    expect(programLinksOf(zoneLinkedTo(vnet.toUpperCase()), `${vnet}/subnets/endpoints`)).to.equal("linked");
    expect(programLinksOf(zoneLinkedTo(`${vnet}2`), `${vnet}/subnets/endpoints`)).to.equal(undefined);
  });
});
