import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { settle, startRecording } from "../../plan/mockRun";
import { AttachedAksCompute } from "../../sdk/compute/attachedAksCompute";
import { PrivateCompute } from "../../sdk/compute/privateCompute";
import type { ManagedNetworkArgs } from "../../sdk/managedNetwork/managedNetworkArgs";
import { SecuredWorkspace } from "../../sdk/workspace/securedWorkspace";
import { existing, validArgs } from "../workspace/fixtures";

const approved = (extra: Partial<ManagedNetworkArgs> = {}): ManagedNetworkArgs => ({
  isolationMode: "AllowOnlyApprovedOutbound",
  ...extra,
});
const internet = (extra: Partial<ManagedNetworkArgs> = {}): ManagedNetworkArgs => ({
  isolationMode: "AllowInternetOutbound",
  ...extra,
});
const sql = existing.storageAccountId.replace(
  "Microsoft.Storage/storageAccounts/stshared",
  "Microsoft.Sql/servers/sql-shared",
);
const vnet = existing.storageAccountId.replace(
  "Microsoft.Storage/storageAccounts/stshared",
  "Microsoft.Network/virtualNetworks/vnet-shared",
);

interface BadCase {
  title: string;
  managedNetwork: ManagedNetworkArgs;
  property: string;
  /** The exact reason. */
  reason: string;
}

const cases: BadCase[] = [
  {
    title: "an unknown isolation mode",
    managedNetwork: { isolationMode: "Approved" as never },
    property: "managedNetwork.isolationMode",
    reason:
      '"Approved" is not an isolation mode; use one of Disabled, AllowInternetOutbound, AllowOnlyApprovedOutbound',
  },
  {
    title: "FQDN rules in AllowInternetOutbound",
    managedNetwork: internet({ fqdnRules: { pypi: { destination: "pypi.org" } } }),
    property: "managedNetwork.fqdnRules",
    reason:
      '["pypi"] given but isolationMode is "AllowInternetOutbound", which takes no FQDN rules; set isolationMode to "AllowOnlyApprovedOutbound" or remove them',
  },
  {
    title: "service tag rules in AllowInternetOutbound",
    managedNetwork: internet({
      serviceTagRules: { adf: { serviceTag: "DataFactory", protocol: "TCP", portRanges: "443" } },
    }),
    property: "managedNetwork.serviceTagRules",
    reason:
      '["adf"] given but isolationMode is "AllowInternetOutbound", which takes no ServiceTag rules; set isolationMode to "AllowOnlyApprovedOutbound" or remove them',
  },
  {
    title: "private endpoint rules without a managed network",
    managedNetwork: {
      privateEndpointRules: {
        data: { serviceResourceId: existing.storageAccountId, subresourceTarget: "blob" },
      },
    },
    property: "managedNetwork.privateEndpointRules",
    reason:
      '["data"] given but isolationMode is "Disabled", which takes no PrivateEndpoint rules; set isolationMode to "AllowInternetOutbound" or "AllowOnlyApprovedOutbound" or remove them',
  },
  {
    title: "an FQDN rule on port 8080",
    managedNetwork: approved({ fqdnRules: { repo: { destination: "repo.contoso.com:8080" } } }),
    property: "managedNetwork.fqdnRules.repo.destination",
    reason:
      '"repo.contoso.com:8080" names port 8080; FQDN rules of a managed network allow only ports 80 and 443: use a service tag rule with addressPrefixes for other ports',
  },
  {
    title: "an FQDN rule naming port 443",
    managedNetwork: approved({ fqdnRules: { pypi: { destination: "pypi.org:443" } } }),
    property: "managedNetwork.fqdnRules.pypi.destination",
    reason:
      '"pypi.org:443" names a port; FQDN rules always cover ports 80 and 443, give the host name only ("pypi.org")',
  },
  {
    title: "an FQDN rule to a blob endpoint",
    managedNetwork: approved({ fqdnRules: { data: { destination: "stdata.blob.core.windows.net" } } }),
    property: "managedNetwork.fqdnRules.data.destination",
    reason:
      '"stdata.blob.core.windows.net" is an Azure Storage endpoint; in AllowOnlyApprovedOutbound storage is reached only through a private endpoint: add a privateEndpointRules entry with the account\'s ARM id and sub-resource "blob" instead',
  },
  {
    title: "an FQDN rule to every US Government file endpoint",
    managedNetwork: approved({ fqdnRules: { files: { destination: "*.file.core.usgovcloudapi.net" } } }),
    property: "managedNetwork.fqdnRules.files.destination",
    reason:
      '"*.file.core.usgovcloudapi.net" is an Azure Storage endpoint; in AllowOnlyApprovedOutbound storage is reached only through a private endpoint: add a privateEndpointRules entry with the account\'s ARM id and sub-resource "file" instead',
  },
  {
    title: "an FQDN rule given as a URL",
    managedNetwork: approved({ fqdnRules: { pypi: { destination: "https://pypi.org/simple" } } }),
    property: "managedNetwork.fqdnRules.pypi.destination",
    reason:
      '"https://pypi.org/simple" is not a host name; give a name such as "pypi.org" or "*.anaconda.com" (no scheme, path or port)',
  },
  {
    title: "a private endpoint rule to a VNet",
    managedNetwork: internet({
      privateEndpointRules: { net: { serviceResourceId: vnet, subresourceTarget: "vnet" } },
    }),
    property: "managedNetwork.privateEndpointRules.net.serviceResourceId",
    reason: `${JSON.stringify(vnet)} is the id of a Microsoft.Network/virtualNetworks, which is not a private endpoint target the managed network supports; give the ARM id of a supported resource (storage account, key vault, container registry, workspace, registry, AI Search, SQL, Cosmos DB...), e.g. /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<name>`,
  },
  {
    title: "a private endpoint rule given a name instead of an id",
    managedNetwork: internet({
      privateEndpointRules: { data: { serviceResourceId: "stdata", subresourceTarget: "blob" } },
    }),
    property: "managedNetwork.privateEndpointRules.data.serviceResourceId",
    reason:
      '"stdata" is not an ARM resource id; it is not a private endpoint target the managed network supports; give the ARM id of a supported resource (storage account, key vault, container registry, workspace, registry, AI Search, SQL, Cosmos DB...), e.g. /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<name>',
  },
  {
    title: "a private endpoint rule with a sub-resource of another type",
    managedNetwork: internet({
      privateEndpointRules: { sql: { serviceResourceId: sql, subresourceTarget: "blob" } },
    }),
    property: "managedNetwork.privateEndpointRules.sql.subresourceTarget",
    reason: '"blob" is not a sub-resource of a Microsoft.Sql/servers; use one of sqlServer',
  },
  {
    title: "a rule name Azure rejects",
    managedNetwork: approved({ fqdnRules: { "py.pi": { destination: "pypi.org" } } }),
    property: "managedNetwork.fqdnRules.py.pi",
    reason:
      "\"py.pi\" is not a rule name Azure accepts; use 3 to 33 letters, digits, '_' and '-', starting with a letter or digit (^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$)",
  },
  {
    title: "a rule name used twice",
    managedNetwork: approved({
      fqdnRules: { data: { destination: "data.contoso.com" } },
      privateEndpointRules: {
        Data: { serviceResourceId: existing.storageAccountId, subresourceTarget: "blob" },
      },
    }),
    property: "managedNetwork.fqdnRules.data",
    reason:
      '"data" is also a rule in privateEndpointRules; Azure keeps all rules in one map, so give each a distinct name',
  },
  {
    title: "a firewall SKU without FQDN rules",
    managedNetwork: approved({ firewallSku: "Basic" }),
    property: "managedNetwork.firewallSku",
    reason:
      '"Basic" is given but there are no fqdnRules; Azure creates the firewall only for FQDN rules, so add an FQDN rule or remove firewallSku',
  },
  {
    title: "the Premium firewall",
    managedNetwork: approved({
      firewallSku: "Premium" as never,
      fqdnRules: { pypi: { destination: "pypi.org" } },
    }),
    property: "managedNetwork.firewallSku",
    reason: '"Premium" is not a firewall SKU; use "Standard" or "Basic" (Premium is not offered)',
  },
  {
    title: "a service tag rule with neither tag nor prefixes",
    managedNetwork: approved({ serviceTagRules: { any: { protocol: "TCP", portRanges: "443" } } }),
    property: "managedNetwork.serviceTagRules.any.serviceTag",
    reason: 'is required; give a service tag (e.g. "DataFactory") or addressPrefixes',
  },
  {
    title: "a service tag rule with a private prefix",
    managedNetwork: approved({
      serviceTagRules: { onprem: { addressPrefixes: ["10.1.0.0/16"], protocol: "TCP", portRanges: "443" } },
    }),
    property: "managedNetwork.serviceTagRules.onprem.addressPrefixes[0]",
    reason:
      '"10.1.0.0/16" is not allowed: it overlaps 10.0.0.0/8 (private); only public internet addresses are allowed',
  },
  {
    title: "a service tag rule with port 70000",
    managedNetwork: approved({
      serviceTagRules: { adf: { serviceTag: "DataFactory", protocol: "TCP", portRanges: "443, 70000" } },
    }),
    property: "managedNetwork.serviceTagRules.adf.portRanges",
    reason:
      '"443, 70000" is not a port list; give ports or ranges from 1 to 65535, comma separated (e.g. "80, 8080-8089"), or "*"',
  },
  {
    title: "a service tag rule with an unknown protocol",
    managedNetwork: approved({
      serviceTagRules: { adf: { serviceTag: "DataFactory", protocol: "HTTPS", portRanges: "443" } },
    }),
    property: "managedNetwork.serviceTagRules.adf.protocol",
    reason: '"HTTPS" is not a protocol; use one of TCP, UDP, ICMP, *',
  },
];

/** `create` throws one structured error naming exactly `property` and `reason`, and registers nothing. */
async function expectRefused(create: () => unknown, want: { property: string; reason: string }) {
  const graph = await startRecording();
  let error: unknown;
  try {
    create();
  } catch (e) {
    error = e;
  }
  await settle();
  expect(graph.resources, "resources registered").to.have.length(0);
  expect(pulumi.InputPropertiesError.isInstance(error), String(error)).to.equal(true);
  const { errors } = error as pulumi.InputPropertiesError;
  expect(errors.map((e) => [e.propertyPath, e.reason])).to.deep.equal([[want.property, want.reason]]);
}

describe("SecuredWorkspace managed network: bad inputs", () => {
  for (const c of cases) {
    it(`refuses ${c.title} before registering anything`, () =>
      expectRefused(() => new SecuredWorkspace("ml", validArgs({ managedNetwork: c.managedNetwork })), c));
  }

  const computeArgs = {
    workspaceName: "mlw-prod",
    resourceGroupName: "rg-ml",
    workspaceLocation: "westeurope",
    vmSize: "Standard_DS3_v2",
  };
  const computeCases: { title: string; create: () => unknown; property: string; reason: string }[] = [
    {
      title: "a PrivateCompute with a subnet in a managed network",
      create: () =>
        new PrivateCompute("build", {
          ...computeArgs,
          kind: "Cluster",
          managedNetwork: true,
          subnetId: `${vnet}/subnets/snet`,
        }),
      property: "subnetId",
      reason: `${JSON.stringify(`${vnet}/subnets/snet`)} is given but the workspace has a managed network, whose computes run only in the Microsoft-managed VNet; remove subnetId`,
    },
    {
      title: "a PrivateCompute with neither subnet nor managed network",
      create: () => new PrivateCompute("build", { ...computeArgs, kind: "Instance" }),
      property: "subnetId",
      reason:
        "is required; give the services subnet (WorkspaceNetwork.servicesSubnetId), or set managedNetwork: true for a workspace with a managed network",
    },
    {
      title: "an attached AKS cluster in a managed network",
      create: () =>
        new AttachedAksCompute("aks", {
          ...computeArgs,
          clusterId: vnet.replace(
            "Microsoft.Network/virtualNetworks",
            "Microsoft.ContainerService/managedClusters",
          ),
          clusterLocation: "westeurope",
          managedNetwork: true,
        }),
      property: "managedNetwork",
      reason:
        'true: a workspace with a managed network cannot attach Kubernetes ("Kubernetes and attached VMs aren\'t supported"); use a managed online endpoint or a workspace without a managed network',
    },
  ];
  for (const c of computeCases) {
    it(`refuses ${c.title} before registering anything`, () => expectRefused(c.create, c));
  }
});
