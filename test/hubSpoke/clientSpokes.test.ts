/**
 * Every client VNet judged (issue 25 item 2), by the components at preview: a clients set (`endpoints: []`,
 * `servicesSet: false`) of a WorkspaceNetwork whose services set holds the endpoints in a VNet of its own is
 * refused when it cannot reach that VNet (peered only with the hub: spokes don't reach each other) or its DNS
 * servers, and accepted when its default route goes to the hub firewall both sets are peered with.
 */
import { expect } from "chai";
import { validateEndpointSets, type EndpointSetLayout } from "../../sdk/endpoints/validateEndpointSets";

const hubId =
  "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/hub-vnet";

const services: EndpointSetLayout = {
  name: "ml",
  addressSpace: ["10.10.0.0/16"],
  endpointSubnetPrefix: "10.10.1.0/24",
  usesExistingSubnet: false,
  servicesSet: true,
  hubVirtualNetworkId: hubId,
  dnsServers: ["10.0.4.4"],
  dnsMode: "None",
};

function clients(layout: Partial<EndpointSetLayout> = {}): EndpointSetLayout {
  return {
    name: "clients",
    addressSpace: ["10.20.0.0/16"],
    endpointSubnetPrefix: "10.20.1.0/24",
    usesExistingSubnet: false,
    servicesSet: false,
    endpoints: [],
    hubVirtualNetworkId: hubId,
    dnsServers: ["10.0.4.4"],
    ...layout,
  };
}

const endpointProblems = (sets: EndpointSetLayout[]) =>
  validateEndpointSets(sets).filter((p) => p.property === "endpoints");

describe("components: a clients spoke must reach the endpoints it relies on", () => {
  it("refuses a clients set peered only with the hub while the endpoints are in the services set's VNet", () => {
    const found = endpointProblems([services, clients()]);
    expect(found).to.have.length(1);
    expect(found[0].set).to.equal("clients");
    expect(found[0].reason)
      .to.include(
        "in set ml's VNet, which it cannot reach (set clients's VNet and set ml's VNet are not peered)",
      )
      .and.include("route this set through its firewall (subnetOutbound Firewall, firewallPrivateIp)");
  });

  it("accepts it when its default route goes to the firewall of the hub both sets are peered with", () => {
    const routed = clients({ subnetOutbound: "Firewall", firewallPrivateIp: "10.0.2.4" });
    expect(endpointProblems([services, routed])).to.deep.equal([]);
    // The services set peered with another hub: the firewall cannot join them.
    const elsewhere = { ...services, hubVirtualNetworkId: hubId.replace("hub-vnet", "other-hub") };
    expect(endpointProblems([elsewhere, routed])).to.have.length(1);
  });

  it("takes the services set's VNet for the hub when the hub's id is not known at plan time, or its range is that VNet's", () => {
    expect(endpointProblems([services, clients({ hubVirtualNetworkId: "" })])).to.deep.equal([]);
    expect(endpointProblems([services, clients({ hubAddressSpace: ["10.10.0.0/16"] })])).to.deep.equal([]);
  });

  it("takes the endpoints as in the hub when the services set uses an existing subnet or holds none", () => {
    const existing: EndpointSetLayout = {
      ...services,
      addressSpace: undefined,
      endpointSubnetPrefix: undefined,
      usesExistingSubnet: true,
      subnetId: `${hubId.replace("rg-hub", "rg-ml").replace("hub-vnet", "ml-vnet")}/subnets/endpoints`,
      dnsServers: undefined,
    };
    expect(endpointProblems([existing, clients()])).to.deep.equal([]);
    // A services set holding no endpoint: they are all in the hub too.
    expect(endpointProblems([{ ...services, endpoints: [] }, clients()])).to.deep.equal([]);
  });

  it("takes a peering whose id is not known at plan time for the services set's VNet only when its range is not given", () => {
    const peered = (remoteAddressSpace?: string[]) =>
      clients({ peerings: { ml: { remoteVirtualNetworkId: "", remoteAddressSpace } } });
    expect(endpointProblems([services, peered()])).to.deep.equal([]);
    expect(endpointProblems([services, peered(["10.10.0.0/16"])])).to.deep.equal([]);
    const other = endpointProblems([services, peered(["10.30.0.0/16"])]);
    expect(other.map((p) => p.set)).to.deep.equal(["clients"]);
    expect(other[0].reason).to.include("in set ml's VNet, which it cannot reach");
  });

  it("leaves a route to a firewall IP not known at plan time to the pack", () => {
    const routed = clients({ subnetOutbound: "Firewall", firewallPrivateIp: "" });
    expect(endpointProblems([services, routed])).to.deep.equal([]);
  });

  it("refuses a clients set with DNS servers and no peering: it reaches neither its DNS servers nor the endpoints", () => {
    const unpeered = clients({ hubVirtualNetworkId: undefined });
    expect(endpointProblems([services, unpeered])[0].reason).to.include("which it cannot reach");
    // Alone (the endpoints elsewhere): the DNS server outside its range is in a VNet it is not peered with.
    const [alone] = endpointProblems([{ ...unpeered, servicesSet: undefined }]);
    expect(alone.reason).to.include(
      "resolves through 10.0.4.4 (DNS server 10.0.4.4 in a VNet this set is not peered with, set clients's VNet and a VNet this set is not peered with are not peered)",
    );
  });

  // 168.63.129.16 is the VNet's own Azure DNS: "records listed in Private DNS Zones are only returned to devices
  // resolving domains using the default Azure DNS Virtual Server IP address" (how-to-custom-dns), so an unlinked
  // VNet naming it gets public answers.
  it("accepts DNS servers in its own range, and judges 168.63.129.16 as the VNet's own Azure DNS", () => {
    const own = (dnsServers: string[]) =>
      clients({ hubVirtualNetworkId: undefined, dnsServers, servicesSet: undefined });
    expect(endpointProblems([own(["10.20.1.4"])])).to.deep.equal([]);
    expect(endpointProblems([own(["168.63.129.16"])])[0].reason).to.include(
      "resolves through 168.63.129.16 (Azure DNS of set clients's VNet); privatelink.api.azureml.ms is not linked",
    );
  });

  it("names the zones of the set's cloud in the path it cannot resolve", () => {
    const china = clients({
      hubVirtualNetworkId: undefined,
      dnsServers: ["168.63.129.16"],
      servicesSet: undefined,
      cloud: "AzureChinaCloud",
    });
    expect(endpointProblems([china])[0].reason).to.include("privatelink.api.ml.azure.cn is not linked");
  });

  // A DNS server not known at plan time (an output, "" in the layout) may be any server: the pack judges it.
  it("leaves DNS servers of which one is not known at plan time to the pack", () => {
    const unknownServer = clients({
      hubVirtualNetworkId: undefined,
      servicesSet: undefined,
      dnsServers: ["", "10.0.4.4"],
    });
    expect(endpointProblems([unknownServer])).to.deep.equal([]);
  });

  // In a landing zone the platform's DNS servers (set on the VNet by its own Azure Policy) are not in the layout:
  // where the set resolves is not known here, so it is not judged as resolving through its own Azure DNS.
  it("leaves a set of dnsMode AzurePolicy or None without dnsServers to the pack, not refused", () => {
    for (const dnsMode of ["AzurePolicy", "None"] as const) {
      const landing = clients({ dnsServers: undefined, dnsMode, servicesSet: undefined });
      expect(endpointProblems([landing]), dnsMode).to.deep.equal([]);
    }
    // The same set with the VNet's own Azure DNS (OwnZones: no central zone linked) is refused.
    const own = clients({ dnsServers: undefined, dnsMode: "OwnZones", servicesSet: undefined });
    expect(endpointProblems([own])).to.have.length(1);
  });

  // "A Private DNS Zone overrides name resolution for all names within the scope of the root of the zone."
  // (how-to-custom-dns.md): the set's own blob zone, linked to its VNet, holds no record of an omitted account.
  it("refuses omitted endpoints whose names fall in the set's own zones: those zones answer without their records", () => {
    const own = clients({
      dnsServers: undefined,
      servicesSet: undefined,
      endpoints: ["workspace", "storage", "vault", "registry"],
      additionalStorageKeys: ["lake"],
    });
    const [found] = endpointProblems([own]);
    expect(found.reason)
      .to.include("privatelink.blob.core.windows.net holds no record of storage-lake-blob")
      .and.include("privatelink.file.core.windows.net holds no record of storage-lake-file");
  });

  it("leaves a DNS server outside its range to the pack when the set is peered through peerings only (it may be there)", () => {
    const peeredOnly = clients({
      hubVirtualNetworkId: undefined,
      servicesSet: undefined,
      dnsMode: "None",
      peerings: { dns: { remoteVirtualNetworkId: hubId.replace("hub-vnet", "dns-vnet") } },
    });
    expect(endpointProblems([peeredOnly])).to.deep.equal([]);
    expect(endpointProblems([{ ...peeredOnly, peerings: undefined }])[0].reason).to.include(
      "DNS server 10.0.4.4 in a VNet this set is not peered with",
    );
  });
});
