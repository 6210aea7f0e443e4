/**
 * One raw azure-native v3 program for the Azure Policy parity tests: a compliant base (workspaces with their
 * storage, key vault and registry, private endpoints with zone groups, private subnets, computes in a VNet
 * or in a managed network, a NIC without public IP; zones unlinked, as no parity policy reads links) and, when `violating`, one extra resource per built-in
 * condition broken (or a few, named in `violators`). References go through outputs, or, in the literal
 * form, through literal names and ARM ids (no property dependencies).
 */
import * as azure from "@pulumi/azure-native";
import type * as pulumi from "@pulumi/pulumi";
import { fakeSubscriptionId, fakeTenantId } from "../../../plan/fakeAzure";
import { location } from "./workspaceWithDependencies";

const rgName = "rg-parity";
const rgId = `/subscriptions/${fakeSubscriptionId}/resourceGroups/${rgName}`;

export interface ParityArgs {
  violating: boolean;
  /** References by literal name and ARM id instead of outputs. */
  literal: boolean;
}

/**
 * Violators other than those of private link have no private endpoint either (fewer resources to run): they
 * count as the private-link built-ins' violators too.
 */
const usedStorage = ["stpublic", "stallow", "stiprules", "stnobypass"];

/** Per built-in id: the logical names of the resources of the violating program that break it. */
export const violators: Readonly<Record<string, readonly string[]>> = {
  "e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f": ["cpu-localauth"],
  "a6f9a2d0-cff7-4855-83ad-4cd750666512": ["cpu-localauth"],
  "7804b5c7-01dc-4723-969b-ae300cc07ff1": ["cpu-novnet"],
  "679ddf89-ab8f-48a5-9029-e76054077449": ["ci-noidle"],
  "438c38d2-3772-465a-a9cc-7a6666a275ce": ["mlw-public"],
  "6ddb1705-c8cf-450e-aa4b-19ad6703c440": ["mlw-internet"],
  "a10ee784-7409-4941-b091-663697637c0f": ["mlw-public"],
  "45e05259-1eb5-4f70-9574-baf73e9d219b": ["mlw-nopl", "mlw-kv1", "mlw-kv2", "mlw-kv3"],
  "7838fd83-5cbb-4b5d-888c-bfa240972597": ["mlw-nopl", "mlw-kv1", "mlw-kv2", "mlw-kv3"],
  "ee40564d-486e-4f68-a5ca-7a621edae0fb": ["zg-mlw-public-amlworkspace"],
  "b2982f36-99f2-4db5-8eff-283140c09693": ["stpublic"],
  "a06d0189-92e8-4dba-b0c4-08d7669fce7d": ["stpublic"],
  "34c877ad-507e-4c82-993e-3452a6e0ad3c": ["stallow"],
  "2a1a9cdf-e04d-429a-8416-3bfb72a1b26f": ["stallow", "stiprules"],
  "c9d007d0-c057-4772-b18c-01e546713bcd": ["stnobypass"],
  "4fa4b6c0-31ca-4c0d-b10d-24b96f62a751": ["stblob"],
  "13502221-8df0-4414-9937-de9c5c4e396b": ["stblob"],
  "6edd7eda-6dd8-40f7-810d-67160c639cd9": ["stnopl", ...usedStorage],
  "9f766f00-8d11-464e-80e1-4091d7874074": ["stnopl", ...usedStorage],
  "75973700-529f-4de2-b794-fb9b6781b6b0": ["pe-st-blob-nodns"],
  "6df98d03-368a-4438-8730-a93c4d7693d6": ["pe-st-file-nodns"],
  "83c6fe0f-2316-444a-99a1-1ecd8a7872ca": ["pe-st-dfs-nodns"],
  "bcff79fb-2b0d-47c9-97e5-3023479b00d1": ["pe-st-queue-nodns"],
  "028bbd88-e9b5-461f-9424-a1b63a7bee1a": ["pe-st-table-nodns"],
  "405c5871-3e91-4644-8a63-58e19d68ff5b": ["kvpublic", "kvopen"],
  "55615ac9-af46-4a59-874e-391cc3dfb490": ["kvopen"],
  "ac673a9a-f77d-4846-b2d8-a57f8e1c01dc": ["kvopen"],
  "ac673a9a-f77d-4846-b2d8-a57f8e1c01d4": ["pe-kv-vault-nodns"],
  "a6abeaec-4d90-4a02-805f-6b26c4d3fbe9": ["kvnopl", "kvpublic", "kvopen"],
  "9d4fad1f-5189-4a42-b29e-cf7929c6b6df": ["kvnopl", "kvpublic", "kvopen"],
  "0fdf0491-d080-4575-b627-ad0e843cba0f": ["acrpublic", "acropen"],
  "a3701552-92ea-433e-9d17-33b7f1208fc9": ["acrpublic", "acropen"],
  "d0793b48-0edc-4296-a390-4c75d1bdfd71": ["acropen"],
  "e8eef0a8-67cf-4eb4-9386-14b0e78733d4": ["acrpublic", "acropen", "acrbasic"],
  "d85c6833-7d33-4cf5-a915-aaa2de84405f": ["acrpublic", "acropen", "acrbasic"],
  "e9585a95-5b8c-4d03-b193-dc7eb5ac4c32": ["pe-acr-registry-nodns"],
  "bd560fc0-3c69-498a-ae9f-aa8eb7de0e13": ["acrbasic"],
  "7bca8353-aa3b-429b-904a-9229c4385837": ["snet-open", "vnet-open"],
  "83a86a26-fd1f-447c-b59d-e51f44264114": ["nic-public"],
};

const zonesOf: Record<string, readonly string[]> = {
  amlworkspace: ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"],
  blob: ["privatelink.blob.core.windows.net"],
  file: ["privatelink.file.core.windows.net"],
  vault: ["privatelink.vaultcore.azure.net"],
  registry: ["privatelink.azurecr.io"],
};

const armTypes = {
  storage: "Microsoft.Storage/storageAccounts",
  vault: "Microsoft.KeyVault/vaults",
  registry: "Microsoft.ContainerRegistry/registries",
  workspace: "Microsoft.MachineLearningServices/workspaces",
  vnet: "Microsoft.Network/virtualNetworks",
  zone: "Microsoft.Network/privateDnsZones",
} as const;

interface Named {
  name: string;
  id: pulumi.Input<string>;
}

interface WorkspaceRef extends Named {
  workspaceName: pulumi.Input<string>;
}

type ComputeProperties = azure.machinelearningservices.ComputeArgs["properties"];

export function parityProgram(args: ParityArgs): () => void {
  return () => {
    const rg = new azure.resources.ResourceGroup("parity-rg", { resourceGroupName: rgName });
    const resourceGroupName = args.literal ? rgName : rg.name;
    /** An output, or in the literal form the literal value. */
    const pick = <T>(output: pulumi.Input<T>, literal: T): pulumi.Input<T> =>
      args.literal ? literal : output;
    const idOf = (type: keyof typeof armTypes, name: string, res: { id: pulumi.Output<string> }) =>
      pick(res.id, `${rgId}/providers/${armTypes[type]}/${name}`);

    const storage = (name: string, overrides: Record<string, unknown> = {}): Named => {
      const res = new azure.storage.StorageAccount(name, {
        resourceGroupName,
        accountName: name,
        location,
        kind: "StorageV2",
        sku: { name: "Standard_LRS" },
        publicNetworkAccess: "Disabled",
        allowBlobPublicAccess: false,
        networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
        ...overrides,
      });
      return { name, id: idOf("storage", name, res) };
    };
    const vault = (name: string, overrides: Record<string, unknown> = {}): Named => {
      const res = new azure.keyvault.Vault(name, {
        resourceGroupName,
        vaultName: name,
        location,
        properties: {
          tenantId: fakeTenantId,
          sku: { family: "A", name: "standard" },
          publicNetworkAccess: "Disabled",
          networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
          ...overrides,
        },
      });
      return { name, id: idOf("vault", name, res) };
    };
    const registry = (name: string, overrides: Record<string, unknown> = {}): Named => {
      const res = new azure.containerregistry.Registry(name, {
        resourceGroupName,
        registryName: name,
        location,
        sku: { name: "Premium" },
        publicNetworkAccess: "Disabled",
        ...overrides,
      });
      return { name, id: idOf("registry", name, res) };
    };

    const vnet = new azure.network.VirtualNetwork("vnet", {
      resourceGroupName,
      virtualNetworkName: "vnet-parity",
      location,
      addressSpace: { addressPrefixes: ["10.30.0.0/16"] },
    });
    const vnetName = pick(vnet.name, "vnet-parity");
    const subnet = (name: string, prefix: string, overrides: Record<string, unknown>) => {
      const res = new azure.network.Subnet(name, {
        resourceGroupName,
        virtualNetworkName: vnetName,
        subnetName: name,
        addressPrefix: prefix,
        privateEndpointNetworkPolicies: "Disabled",
        ...overrides,
      });
      return pick(res.id, `${rgId}/providers/${armTypes.vnet}/vnet-parity/subnets/${name}`);
    };
    const subnetId = subnet("snet", "10.30.1.0/24", { defaultOutboundAccess: false });
    const inlineVnet = (name: string, defaultOutboundAccess: boolean) =>
      new azure.network.VirtualNetwork(name, {
        resourceGroupName,
        virtualNetworkName: name,
        location,
        addressSpace: { addressPrefixes: ["10.40.0.0/16"] },
        subnets: [{ name: "snet-inline", addressPrefix: "10.40.1.0/24", defaultOutboundAccess }],
      });
    inlineVnet("vnet-inline", false);

    const zones = new Map<string, pulumi.Input<string>>();
    const zoneId = (zoneName: string) => {
      if (!zones.has(zoneName)) {
        const zone = new azure.privatedns.PrivateZone(zoneName, {
          resourceGroupName,
          privateZoneName: zoneName,
          location: "global",
        });
        zones.set(zoneName, idOf("zone", zoneName, zone));
      }
      return zones.get(zoneName)!;
    };
    /** An endpoint to `target` for `groupId`, with a zone group naming `zoneNames` unless they are none. */
    const endpoint = (
      name: string,
      target: Named,
      groupId: string,
      zoneNames: readonly string[] = zonesOf[groupId],
    ) => {
      const pe = new azure.network.PrivateEndpoint(name, {
        resourceGroupName,
        privateEndpointName: name,
        location,
        subnet: { id: subnetId },
        privateLinkServiceConnections: [{ name, privateLinkServiceId: target.id, groupIds: [groupId] }],
      });
      if (zoneNames.length === 0) return;
      new azure.network.PrivateDnsZoneGroup(`zg-${target.name}-${groupId}`, {
        resourceGroupName,
        privateEndpointName: pick(pe.name, name),
        privateDnsZoneGroupName: "default",
        privateDnsZoneConfigs: zoneNames.map((z) => ({
          name: z.replace(/\./g, "-"),
          privateDnsZoneId: zoneId(z),
        })),
      });
    };
    const workspace = (
      name: string,
      deps: { storage: Named; vault: Named; registry: Named },
      overrides: Record<string, unknown> = {},
    ): WorkspaceRef => {
      const res = new azure.machinelearningservices.Workspace(name, {
        resourceGroupName,
        workspaceName: name,
        location,
        identity: { type: "SystemAssigned" },
        storageAccount: deps.storage.id,
        keyVault: deps.vault.id,
        containerRegistry: deps.registry.id,
        publicNetworkAccess: "Disabled",
        imageBuildCompute: "cpu",
        ...overrides,
      });
      return { name, id: idOf("workspace", name, res), workspaceName: pick(res.name, name) };
    };
    const compute = (
      name: string,
      ws: WorkspaceRef,
      type: string,
      properties: Record<string, unknown>,
      disableLocalAuth = true,
    ) =>
      new azure.machinelearningservices.Compute(name, {
        resourceGroupName,
        workspaceName: ws.workspaceName,
        computeName: name,
        location,
        // The typed union picks its member by computeType; the tests vary it, so the body is built plainly.
        properties: {
          computeType: type,
          disableLocalAuth,
          properties: { vmSize: "STANDARD_DS3_V2", ...properties },
        } as ComputeProperties,
      });
    const instanceProps = { subnet: { id: subnetId }, idleTimeBeforeShutdown: "PT30M" };
    const clusterProps = { subnet: { id: subnetId }, enableNodePublicIp: false };
    const nic = (name: string, publicIp: boolean) => {
      const pip = publicIp
        ? new azure.network.PublicIPAddress(`${name}-pip`, {
            resourceGroupName,
            location,
            publicIPAllocationMethod: "Static",
            sku: { name: "Standard" },
          })
        : undefined;
      new azure.network.NetworkInterface(name, {
        resourceGroupName,
        networkInterfaceName: name,
        location,
        ipConfigurations: [
          { name: "ipconfig", subnet: { id: subnetId }, ...(pip && { publicIPAddress: { id: pip.id } }) },
        ],
      });
    };

    // The compliant base.
    const deps = { storage: storage("st"), vault: vault("kv"), registry: registry("acr") };
    const mlw = workspace("mlw", deps);
    endpoint("pe-mlw", mlw, "amlworkspace");
    endpoint("pe-st-blob", deps.storage, "blob");
    endpoint("pe-st-file", deps.storage, "file");
    endpoint("pe-kv", deps.vault, "vault");
    endpoint("pe-acr", deps.registry, "registry");
    compute("cpu", mlw, "AmlCompute", clusterProps);
    compute("ci", mlw, "ComputeInstance", instanceProps);
    const managed = workspace("mlw-managed", deps, {
      managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" },
    });
    endpoint("pe-mlw-managed", managed, "amlworkspace");
    compute("cpu-managed", managed, "AmlCompute", { enableNodePublicIp: false });
    nic("nic-private", false);
    if (!args.violating) return;

    // One violation each (see `violators`).
    compute("cpu-localauth", mlw, "AmlCompute", clusterProps, false);
    compute("cpu-novnet", mlw, "AmlCompute", { enableNodePublicIp: false });
    compute("ci-noidle", mlw, "ComputeInstance", { subnet: { id: subnetId } });
    const open = workspace("mlw-public", deps, { publicNetworkAccess: "Enabled" });
    endpoint("pe-mlw-public", open, "amlworkspace", zonesOf.amlworkspace.slice(0, 1));
    workspace("mlw-nopl", deps);
    const internet = workspace("mlw-internet", deps, {
      managedNetwork: { isolationMode: "AllowInternetOutbound" },
    });
    endpoint("pe-mlw-internet", internet, "amlworkspace");

    const datastore = (account: Named) =>
      new azure.machinelearningservices.Datastore(`ds-${account.name}`, {
        resourceGroupName,
        workspaceName: mlw.workspaceName,
        name: `ds_${account.name}`,
        properties: {
          datastoreType: "AzureBlob",
          accountName: account.name,
          containerName: "data",
          credentials: { credentialsType: "None" },
        },
      });
    const usedAccounts: [string, Record<string, unknown>][] = [
      ["stpublic", { publicNetworkAccess: "Enabled" }],
      ["stallow", { networkRuleSet: { defaultAction: "Allow", bypass: "AzureServices" } }],
      [
        "stiprules",
        {
          networkRuleSet: {
            defaultAction: "Deny",
            bypass: "AzureServices",
            ipRules: [{ iPAddressOrRange: "16.17.18.0/24", action: "Allow" }],
          },
        },
      ],
      ["stnobypass", { networkRuleSet: { defaultAction: "Deny", bypass: "None" } }],
    ];
    for (const [name, overrides] of usedAccounts) datastore(storage(name, overrides));
    datastore(storage("stnopl"));
    // Not used by a workspace: out of the dependency rules' default scope, but anonymous access is flagged on any.
    storage("stunused", { publicNetworkAccess: "Enabled" });
    storage("stblob", { allowBlobPublicAccess: true });
    for (const groupId of ["blob", "file", "dfs", "queue", "table"])
      endpoint(`pe-st-${groupId}-nodns`, deps.storage, groupId, []);

    const kvpublic = vault("kvpublic", { publicNetworkAccess: "Enabled" });
    const kvopen = vault("kvopen", { publicNetworkAccess: "Enabled", networkAcls: undefined });
    const acrpublic = registry("acrpublic", {
      publicNetworkAccess: "Enabled",
      networkRuleSet: { defaultAction: "Deny" },
    });
    const acropen = registry("acropen", { publicNetworkAccess: "Enabled" });
    const acrbasic = registry("acrbasic", { sku: { name: "Basic" } });
    workspace("mlw-kv1", { storage: deps.storage, vault: kvpublic, registry: acrpublic });
    workspace("mlw-kv2", { storage: deps.storage, vault: kvopen, registry: acropen });
    workspace("mlw-kv3", { storage: deps.storage, vault: vault("kvnopl"), registry: acrbasic });
    endpoint("pe-kv-vault-nodns", deps.vault, "vault", []);
    endpoint("pe-acr-registry-nodns", deps.registry, "registry", []);

    subnet("snet-open", "10.30.2.0/24", {});
    inlineVnet("vnet-open", true);
    nic("nic-public", true);
  };
}
