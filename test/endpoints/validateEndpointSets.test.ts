import { expect } from "chai";
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
