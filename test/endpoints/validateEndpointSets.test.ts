import { expect } from "chai";
import { contosoHub } from "../hubSpoke/programs/platformSpoke";
import {
  type EndpointSetLayout,
  validateEndpointSet,
  validateEndpointSets,
} from "../../sdk/endpoints/validateEndpointSets";

const sub = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups";
const hub = `${sub}/rg-hub/providers/Microsoft.Network/privateDnsZones`;
const publicZones = [
  "privatelink.api.azureml.ms",
  "privatelink.notebooks.azure.net",
  "privatelink.blob.core.windows.net",
  "privatelink.file.core.windows.net",
  "privatelink.vaultcore.azure.net",
  "privatelink.azurecr.io",
];
const hubZoneIds = Object.fromEntries(publicZones.map((z) => [z, `${hub}/${z}`]));

function set(name: string, layout: Partial<EndpointSetLayout> = {}): EndpointSetLayout {
  return {
    name,
    addressSpace: ["10.1.0.0/24"],
    endpointSubnetPrefix: "10.1.0.0/27",
    usesExistingSubnet: false,
    ...layout,
  };
}

function reasons(problems: { property: string; value: string; reason: string }[]): string[] {
  return problems.map((p) => `${p.property}=${p.value}: ${p.reason}`);
}

describe("endpoint set validation", () => {
  it("accepts a well-formed set", () => {
    expect(validateEndpointSet(set("svc"))).to.deep.equal([]);
  });

  it("refuses address spaces and subnets that overlap the Docker bridge", () => {
    const problems = reasons(
      validateEndpointSet(
        set("svc", { addressSpace: ["172.16.0.0/12"], endpointSubnetPrefix: "172.17.0.0/27" }),
      ),
    );
    expect(problems.join("\n")).to.match(/addressSpace=172\.16\.0\.0\/12: overlaps 172\.17\.0\.0\/16/);
  });

  it("refuses a subnet too small for the endpoints, saying how many addresses they need", () => {
    const problems = reasons(validateEndpointSet(set("svc", { endpointSubnetPrefix: "10.1.0.0/29" })));
    expect(problems).to.deep.equal([
      "endpointSubnetPrefix=10.1.0.0/29: too small: the endpoints need 8 private IPs and Azure leaves 3 usable; use a larger prefix",
    ]);
    const withMore = validateEndpointSet(
      set("svc", { endpointSubnetPrefix: "10.1.0.0/28", additionalStorageKeys: ["lake", "archive"] }),
    );
    expect(reasons(withMore)[0]).to.match(/need 12 private IPs and Azure leaves 11/);
  });

  it("refuses a subnet outside the address space, bad CIDRs, and both or neither of addressSpace and subnetId", () => {
    expect(reasons(validateEndpointSet(set("a", { endpointSubnetPrefix: "10.2.0.0/27" })))[0]).to.match(
      /not inside the address space 10\.1\.0\.0\/24/,
    );
    expect(reasons(validateEndpointSet(set("a", { addressSpace: ["10.1.0.1/24"] })))[0]).to.match(
      /host bits/,
    );
    expect(reasons(validateEndpointSet(set("a", { usesExistingSubnet: true })))[0]).to.match(
      /^subnetId=both given/,
    );
    expect(reasons(validateEndpointSet({ name: "a", usesExistingSubnet: false }))[0]).to.match(
      /^addressSpace=neither given/,
    );
    expect(
      reasons(
        validateEndpointSet({
          name: "a",
          usesExistingSubnet: true,
          subnetId: `${sub}/rg/providers/Microsoft.Network/virtualNetworks/v`,
        }),
      ),
    ).to.deep.equal([
      `subnetId=${sub}/rg/providers/Microsoft.Network/virtualNetworks/v: not the ARM id of a subnet (Microsoft.Network/virtualNetworks/subnets)`,
    ]);
  });

  it("checks DNS modes: known mode, existing zones complete and of one cloud, no zone ids in other modes", () => {
    expect(reasons(validateEndpointSet(set("a", { dnsMode: "Hub" })))[0]).to.match(
      /dnsMode=Hub: must be one of OwnZones/,
    );
    expect(
      validateEndpointSet(set("a", { dnsMode: "ExistingZones", existingZoneIds: hubZoneIds })),
    ).to.deep.equal([]);
    const withoutNotebooks = Object.fromEntries(
      Object.entries(hubZoneIds).filter(([zone]) => !zone.includes("notebooks")),
    );
    expect(
      reasons(
        validateEndpointSet(set("a", { dnsMode: "ExistingZones", existingZoneIds: withoutNotebooks })),
      )[0],
    ).to.match(/missing zone ids for privatelink\.notebooks\.azure\.net/);
    expect(
      reasons(
        validateEndpointSet(
          set("a", { dnsMode: "ExistingZones", existingZoneIds: hubZoneIds, cloud: "AzureChinaCloud" }),
        ),
      )[0],
    ).to.match(/zones of several clouds; give the zones of AzureChinaCloud/);
    expect(
      reasons(validateEndpointSet(set("a", { dnsMode: "None", existingZoneIds: hubZoneIds })))[0],
    ).to.match(/only used with dnsMode ExistingZones/);
    // linkExistingZones links zones given by id: every mode other than ExistingZones gives none to link.
    for (const dnsMode of ["None", "AzurePolicy", "OwnZones"] as const)
      expect(
        reasons(validateEndpointSet(set("a", { dnsMode, linkExistingZones: true }))),
        dnsMode,
      ).to.include("linkExistingZones=true: only used with dnsMode ExistingZones");
    expect(reasons(validateEndpointSet(set("a", { storageGroupIds: ["web"] })))[0]).to.match(
      /storageGroupIds=web/,
    );
  });

  it("refuses overlapping address spaces between the sets of one workspace", () => {
    const problems = validateEndpointSets([
      set("services", { servicesSet: true }),
      set("clients", { addressSpace: ["10.1.0.128/25"], endpointSubnetPrefix: "10.1.0.128/27" }),
    ]);
    expect(reasons(problems)).to.deep.equal([
      "addressSpace=10.1.0.128/25: overlaps 10.1.0.0/24 of set services; the VNets of one workspace need distinct ranges",
    ]);
  });

  it("wants exactly one services set when there are several, and lets a lone set be it", () => {
    const clients = set("clients", { addressSpace: ["10.2.0.0/24"], endpointSubnetPrefix: "10.2.0.0/27" });
    expect(reasons(validateEndpointSets([set("services"), clients]))[0]).to.match(
      /servicesSet=\[\]: exactly one set must be the services set/,
    );
    expect(
      reasons(
        validateEndpointSets([set("services", { servicesSet: true }), { ...clients, servicesSet: true }]),
      )[0],
    ).to.match(/servicesSet=\["services","clients"\]/);
    expect(validateEndpointSets([set("services", { servicesSet: true }), clients])).to.deep.equal([]);
    expect(validateEndpointSets([set("only")])).to.deep.equal([]);
    // Every set saying false: the services VNet is outside the program (an existing workspace's, issue 18).
    expect(validateEndpointSets([set("only", { servicesSet: false })])).to.deep.equal([]);
  });

  it("refuses two sets writing one target's records into the same hub zones, and two sets in one VNet", () => {
    const vnet = `${sub}/rg/providers/Microsoft.Network/virtualNetworks/v1`;
    const problems = validateEndpointSets([
      {
        name: "services",
        usesExistingSubnet: true,
        subnetId: `${vnet}/subnets/a`,
        servicesSet: true,
        dnsMode: "ExistingZones",
        existingZoneIds: hubZoneIds,
      },
      {
        name: "clients",
        usesExistingSubnet: true,
        subnetId: `${vnet}/subnets/b`,
        dnsMode: "ExistingZones",
        existingZoneIds: hubZoneIds,
      },
    ]);
    expect(reasons(problems)[0]).to.match(/^subnetId=.*subnets\/b: in the same VNet as set services/);
    // One spelling of a zone's argument path: existingZoneIds["privatelink.api.azureml.ms"].
    expect(problems.filter((p) => p.property.startsWith('existingZoneIds["privatelink.'))).to.have.length(6);
    expect(reasons(problems)[1]).to.match(
      /set services already writes this workspace's records into that zone/,
    );
  });
});

describe("endpoint set validation: every prefix, zone and boundary", () => {
  it("reads every prefix of the VNet: a subnet in its second range, overlapping prefixes, an empty list", () => {
    const twoRanges = { addressSpace: ["10.1.0.0/24", "10.2.0.0/24"] };
    expect(
      validateEndpointSet(set("a", { ...twoRanges, endpointSubnetPrefix: "10.2.0.0/27" })),
    ).to.deep.equal([]);
    expect(
      reasons(validateEndpointSet(set("a", { addressSpace: ["10.1.0.0/24", "10.1.0.128/25"] }))),
    ).to.deep.equal(["addressSpace=10.1.0.128/25: overlaps 10.1.0.0/24 in the same VNet"]);
    expect(reasons(validateEndpointSet(set("a", { addressSpace: [] })))).to.include(
      "addressSpace=[]: give at least one prefix",
    );
    expect(
      reasons(
        validateEndpointSet({
          name: "a",
          usesExistingSubnet: true,
          subnetId: `${sub}/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s`,
          endpointSubnetPrefix: "10.1.0.0/27",
        }),
      ),
    ).to.deep.equal(["endpointSubnetPrefix=10.1.0.0/27: only used with addressSpace, not subnetId"]);
  });

  it("refuses a cloud it does not know and an id of a subnet-like child of another resource type", () => {
    expect(reasons(validateEndpointSet(set("a", { cloud: "AzureGermanCloud" })))).to.deep.equal([
      "cloud=AzureGermanCloud: must be AzureCloud, AzureChinaCloud or AzureUSGovernment",
    ]);
    const notSubnet = `${sub}/rg/providers/Microsoft.Web/sites/app/subnets/s`;
    expect(
      reasons(validateEndpointSet({ name: "a", usesExistingSubnet: true, subnetId: notSubnet })),
    ).to.deep.equal([
      `subnetId=${notSubnet}: not the ARM id of a subnet (Microsoft.Network/virtualNetworks/subnets)`,
    ]);
  });

  it("wants every zone of zone ids given beside platformHub (only those left to it are checked by the path)", () => {
    const ids = (contosoHub.privateDnsZoneIds ?? []).filter(
      (id) => !id.endsWith("/privatelink.notebooks.azure.net"),
    );
    const layout = set("a", {
      dnsMode: "ExistingZones",
      existingZoneIds: Object.fromEntries(ids.map((id) => [id.split("/").pop()!, id])),
      platformHub: contosoHub,
      fromPlatform: {
        hubVirtualNetworkId: true,
        hubAddressSpace: true,
        dnsServers: true,
        existingZoneIds: false,
      },
      hubVirtualNetworkId: contosoHub.virtualNetworkId,
      hubAddressSpace: contosoHub.addressSpace,
      dnsServers: ["10.0.4.4"],
    });
    expect(reasons(validateEndpointSet(layout)).filter((r) => r.includes("missing zone ids"))).to.deep.equal([
      `existingZoneIds=${JSON.stringify(ids.map((id) => id.split("/").pop()))}: missing zone ids for privatelink.notebooks.azure.net`,
    ]);
  });

  it("takes a subnet whose usable addresses are exactly the endpoints' (Azure keeps 5 of each subnet)", () => {
    // "Azure reserves the first four and last IP address for a total of 5 IP addresses within each subnet"
    // (virtual-networks-faq). 3 (workspace) + 5 storage (blob, file, queue, table, dfs) + 1 (vault) + 2 (registry) = 11 = 16 - 5.
    const full = { storageGroupIds: ["queue", "table", "dfs"] };
    expect(validateEndpointSet(set("a", { ...full, endpointSubnetPrefix: "10.1.0.0/28" }))).to.deep.equal([]);
    expect(
      reasons(
        validateEndpointSet(
          set("a", { ...full, additionalStorageKeys: ["lake"], endpointSubnetPrefix: "10.1.0.0/28" }),
        ),
      ),
    ).to.deep.equal([
      "endpointSubnetPrefix=10.1.0.0/28: too small: the endpoints need 13 private IPs and Azure leaves 11 usable; use a larger prefix",
    ]);
  });

  it("refuses zone ids without dnsMode ExistingZones, even one, the mode left to its OwnZones default", () => {
    const one = { "privatelink.api.azureml.ms": hubZoneIds["privatelink.api.azureml.ms"] };
    expect(reasons(validateEndpointSet(set("a", { existingZoneIds: one })))).to.deep.equal([
      'existingZoneIds=["privatelink.api.azureml.ms"]: only used with dnsMode ExistingZones',
    ]);
  });

  it("takes zone names in any case, the registry's regional data zone, and up to five zones per zone group", () => {
    const upper = Object.fromEntries(Object.entries(hubZoneIds).map(([z, id]) => [z.toUpperCase(), id]));
    expect(validateEndpointSet(set("a", { dnsMode: "ExistingZones", existingZoneIds: upper }))).to.deep.equal(
      [],
    );
    const regional = (region: string) => {
      const zone = `${region}.data.privatelink.azurecr.io`;
      return { [zone]: `${hub}/${zone}` };
    };
    const four = {
      ...regional("westeurope"),
      ...regional("northeurope"),
      ...regional("eastus"),
      ...regional("westus"),
    };
    expect(
      validateEndpointSet(
        set("a", { dnsMode: "ExistingZones", existingZoneIds: { ...hubZoneIds, ...four } }),
      ),
    ).to.deep.equal([]);
    // "Each DNS zone group can support up to 5 DNS zones." (private-endpoint-dns-integration.md)
    const five = { ...four, ...regional("uksouth") };
    expect(
      reasons(
        validateEndpointSet(
          set("a", { dnsMode: "ExistingZones", existingZoneIds: { ...hubZoneIds, ...five } }),
        ),
      ),
    ).to.deep.equal([
      `existingZoneIds=${JSON.stringify(Object.keys({ ...hubZoneIds, ...five }))}: the registry endpoint's zone group would name 6 zones; Azure allows 5 per zone group: give at most 4 regional zones of registry`,
    ]);
  });

  it("reports an overlap on the later set, and one hub zone written by two sets whatever the ids' case", () => {
    const overlap = validateEndpointSets([
      set("services", { servicesSet: true }),
      set("clients", { addressSpace: ["10.1.0.0/24"], endpointSubnetPrefix: "10.1.0.0/27" }),
    ]);
    expect(overlap.map((p) => [p.set, p.property, p.value])).to.deep.equal([
      ["clients", "addressSpace", "10.1.0.0/24"],
    ]);
    const upper = Object.fromEntries(Object.entries(hubZoneIds).map(([z, id]) => [z, id.toUpperCase()]));
    const zones = validateEndpointSets([
      set("services", { servicesSet: true, dnsMode: "ExistingZones", existingZoneIds: hubZoneIds }),
      set("clients", {
        addressSpace: ["10.2.0.0/24"],
        endpointSubnetPrefix: "10.2.0.0/27",
        dnsMode: "ExistingZones",
        existingZoneIds: upper,
      }),
    ]);
    expect(zones.map((p) => `${p.set} ${p.property}`)).to.deep.equal(
      publicZones.map((z) => `clients existingZoneIds["${z}"]`),
    );
  });

  it("takes the services VNet as outside the program only when every set says servicesSet: false", () => {
    const clients = set("clients", {
      addressSpace: ["10.2.0.0/24"],
      endpointSubnetPrefix: "10.2.0.0/27",
      servicesSet: false,
    });
    expect(reasons(validateEndpointSets([set("services"), clients]))).to.deep.equal([
      "servicesSet=[]: exactly one set must be the services set (the VNet that holds the endpoints the workspace itself uses); mark one with servicesSet: true, or every set servicesSet: false when the services VNet is outside this program",
    ]);
    expect(validateEndpointSets([set("services", { servicesSet: false }), clients])).to.deep.equal([]);
  });

  // A managed network's sets are "inbound only, for clients, with endpoints to the workspace and its storage
  // (blob, file ...) but none to the key vault or registry" (WorkspaceTargetsArgs.managedNetwork).
  it("judges a managed network's set by the endpoints it creates: no key vault or registry zone or address", () => {
    const clientZones = Object.fromEntries(
      Object.entries(hubZoneIds).filter(([zone]) => !/vaultcore|azurecr/.test(zone)),
    );
    expect(
      validateEndpointSet(
        set("a", { managedNetwork: true, dnsMode: "ExistingZones", existingZoneIds: clientZones }),
      ),
    ).to.deep.equal([]);
    // 3 (workspace) + 2 (blob, file) + 3 × 2 (additional accounts) = 11 = 16 - 5.
    const accounts = { additionalStorageKeys: ["a", "b", "c"], endpointSubnetPrefix: "10.1.0.0/28" };
    expect(validateEndpointSet(set("a", { managedNetwork: true, ...accounts }))).to.deep.equal([]);
    expect(reasons(validateEndpointSet(set("a", accounts)))).to.deep.equal([
      "endpointSubnetPrefix=10.1.0.0/28: too small: the endpoints need 14 private IPs and Azure leaves 11 usable; use a larger prefix",
    ]);
  });

  it("refuses on dnsServers, not set, a spoke writing central zones it neither links nor resolves through a server; leaves links the program makes later to the update", () => {
    const spoke = set("spoke", {
      hubVirtualNetworkId: `${sub}/rg-hub/providers/Microsoft.Network/virtualNetworks/hub-vnet`,
      dnsMode: "ExistingZones",
      existingZoneIds: hubZoneIds,
    });
    const found = validateEndpointSet(spoke);
    expect(found.map((p) => [p.set, p.property, p.value])).to.deep.equal([
      ["spoke", "dnsServers", "(not set)"],
    ]);
    expect(found[0].reason)
      .to.include(
        "set spoke's VNet resolves through Azure DNS; privatelink.api.azureml.ms is not linked to set spoke's VNet",
      )
      .and.include(
        "give dnsServers (the hub's resolver, CentralPrivateDns.inboundEndpointIp) or linkExistingZones: true",
      );
    expect(validateEndpointSet({ ...spoke, programLinks: "pending" })).to.deep.equal([]);
    // The endpoints it omits are judged as reached through those links, not refused before they exist.
    expect(
      validateEndpointSet({ ...spoke, endpoints: ["workspace"], programLinks: "pending" }),
    ).to.deep.equal([]);
  });
});
