/**
 * The Azure/terraform quickstart `301-machine-learning-hub-spoke-secure` (network-hub.tf, network-spoke.tf,
 * azure-firewall.tf, workspace.tf, compute.tf, dsvm.tf) translated to raw azure-native v3 resources: a hub
 * VNet with the jump host, bastion and firewall subnets, the six privatelink zones linked to the hub only,
 * peerings both ways, an Azure Firewall whose policy enables DNS proxy, a spoke VNet whose DNS server is the
 * firewall's private IP, the workspace and its dependencies' endpoints in the spoke, and a compute
 * instance, a compute cluster and the image-build cluster in the spoke's training subnet. Resources the pack
 * does not model (NSGs, route tables, public IPs, bastion, diagnostics, the DSVM itself) are left out; the
 * DSVM's NIC in the hub stays.
 */
import * as azure from "@pulumi/azure-native";
import { fakeTenantId } from "../../../plan/fakeAzure";
import { existingIds } from "./existingIds";
import type { Existing } from "./placement";

const location = "eastus";

const zones = {
  vault: "privatelink.vaultcore.azure.net",
  blob: "privatelink.blob.core.windows.net",
  file: "privatelink.file.core.windows.net",
  registry: "privatelink.azurecr.io",
  api: "privatelink.api.azureml.ms",
  notebooks: "privatelink.notebooks.azure.net",
} as const;

export function quickstart301(existing: Existing): () => void {
  return () => {
    const rg = new azure.resources.ResourceGroup("default", { resourceGroupName: "rg-mlw-dev" }).name;
    const hubRg = new azure.resources.ResourceGroup("hub_rg", { resourceGroupName: "rg-hub-mlw-dev" }).name;

    const hub = new azure.network.VirtualNetwork("hub", {
      resourceGroupName: hubRg,
      virtualNetworkName: "vnet-hub-mlw-dev",
      location,
      addressSpace: { addressPrefixes: ["10.1.0.0/16"] },
    });
    const hubSubnet = (name: string, subnetName: string, prefix: string) =>
      new azure.network.Subnet(name, {
        resourceGroupName: hubRg,
        virtualNetworkName: hub.name,
        subnetName,
        addressPrefix: prefix,
      });
    const jumphost = hubSubnet("snet_jumphost", "snet-jumphost", "10.1.2.0/24");
    hubSubnet("azure_bastion", "AzureBastionSubnet", "10.1.3.0/24");
    const firewallSubnet = hubSubnet("azure_firewall", "AzureFirewallSubnet", "10.1.4.0/24");

    const policy = new azure.network.FirewallPolicy("base_policy", {
      resourceGroupName: hubRg,
      firewallPolicyName: "afwp-base-01",
      location,
      dnsSettings: { enableProxy: true },
    });
    const firewall = new azure.network.AzureFirewall("azure_firewall_instance", {
      resourceGroupName: hubRg,
      azureFirewallName: "afw-mlw-dev",
      location,
      sku: { name: "AZFW_VNet", tier: "Standard" },
      firewallPolicy: { id: policy.id },
      ipConfigurations: [{ name: "configuration", subnet: { id: firewallSubnet.id } }],
    });

    const spoke = new azure.network.VirtualNetwork("default-vnet", {
      resourceGroupName: rg,
      virtualNetworkName: "vnet-mlw-dev",
      location,
      addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
      dhcpOptions: { dnsServers: [firewall.ipConfigurations.apply((c) => c![0].privateIPAddress!)] },
    });
    const spokeSubnet = (name: string, subnetName: string, prefix: string) =>
      new azure.network.Subnet(name, {
        resourceGroupName: rg,
        virtualNetworkName: spoke.name,
        subnetName,
        addressPrefix: prefix,
        privateEndpointNetworkPolicies: "Disabled",
      });
    const training = spokeSubnet("snet-training", "snet-training", "10.0.1.0/24");
    spokeSubnet("snet-aks", "snet-aks", "10.0.2.0/23");
    const workspaceSubnet = spokeSubnet("snet-workspace", "snet-workspace", "10.0.0.0/24");

    new azure.network.VirtualNetworkPeering("direction1", {
      resourceGroupName: hubRg,
      virtualNetworkName: hub.name,
      virtualNetworkPeeringName: "rg-hub-mlw-dev-to-rg-mlw-dev",
      remoteVirtualNetwork: { id: spoke.id },
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: false,
      allowGatewayTransit: false,
      useRemoteGateways: false,
    });
    new azure.network.VirtualNetworkPeering("direction2", {
      resourceGroupName: rg,
      virtualNetworkName: spoke.name,
      virtualNetworkPeeringName: "rg-mlw-dev-to-rg-hub-mlw-dev",
      remoteVirtualNetwork: { id: hub.id },
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: false,
      allowGatewayTransit: false,
      useRemoteGateways: false,
    });

    const zoneIds = Object.fromEntries(
      Object.entries(zones).map(([key, zoneName]) => {
        const zone = new azure.privatedns.PrivateZone(`dns${key}`, {
          resourceGroupName: hubRg,
          privateZoneName: zoneName,
          location: "global",
        });
        new azure.privatedns.VirtualNetworkLink(`vnetlink${key}`, {
          resourceGroupName: hubRg,
          privateZoneName: zone.name,
          virtualNetworkLinkName: `dns${key}link`,
          location: "global",
          virtualNetwork: { id: hub.id },
          registrationEnabled: false,
        });
        return [key, zone.id];
      }),
    ) as Record<keyof typeof zones, typeof hub.id>;

    // The DSVM jump host's NIC in the hub (it resolves through the hub's Azure DNS and links).
    new azure.network.NetworkInterface("dsvm", {
      resourceGroupName: hubRg,
      networkInterfaceName: "nic-dsvm",
      location,
      ipConfigurations: [
        { name: "configuration", subnet: { id: jumphost.id }, privateIPAllocationMethod: "Dynamic" },
      ],
    });

    const targets =
      existing === "workspace"
        ? existingIds
        : (() => {
            const storage = new azure.storage.StorageAccount("default-st", {
              resourceGroupName: rg,
              accountName: "stmlwdev",
              location,
              kind: "StorageV2",
              sku: { name: "Standard_GRS" },
              allowBlobPublicAccess: false,
              networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
            });
            const vault = new azure.keyvault.Vault("default-kv", {
              resourceGroupName: rg,
              vaultName: "kv-mlw-dev",
              location,
              properties: {
                tenantId: fakeTenantId,
                sku: { family: "A", name: "premium" },
                enablePurgeProtection: true,
                networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
              },
            });
            const registry = new azure.containerregistry.Registry("default-cr", {
              resourceGroupName: rg,
              registryName: "crmlwdev",
              location,
              sku: { name: "Premium" },
              adminUserEnabled: true,
              networkRuleSet: { defaultAction: "Deny" },
              publicNetworkAccess: "Disabled",
            });
            const workspace = new azure.machinelearningservices.Workspace("default-mlw", {
              resourceGroupName: rg,
              workspaceName: "mlw-mlw-dev",
              location,
              identity: { type: "SystemAssigned" },
              storageAccount: storage.id,
              keyVault: vault.id,
              containerRegistry: registry.id,
              publicNetworkAccess: "Disabled",
              imageBuildCompute: "image-builder",
            });
            return { workspace: workspace.id, storage: storage.id, vault: vault.id, registry: registry.id };
          })();

    const endpoint = (
      name: string,
      target: typeof hub.id | string,
      groupId: string,
      zoneKeys: (keyof typeof zones)[],
    ) => {
      const pe = new azure.network.PrivateEndpoint(name, {
        resourceGroupName: rg,
        privateEndpointName: `ple-mlw-dev-${name}`,
        location,
        subnet: { id: workspaceSubnet.id },
        privateLinkServiceConnections: [
          { name: `psc-mlw-${name}`, privateLinkServiceId: target, groupIds: [groupId] },
        ],
      });
      new azure.network.PrivateDnsZoneGroup(`${name}-zg`, {
        resourceGroupName: rg,
        privateEndpointName: pe.name,
        privateDnsZoneGroupName: "private-dns-zone-group",
        privateDnsZoneConfigs: zoneKeys.map((key) => ({ name: key, privateDnsZoneId: zoneIds[key] })),
      });
    };
    endpoint("kv_ple", targets.vault, "vault", ["vault"]);
    endpoint("st_ple_blob", targets.storage, "blob", ["blob"]);
    endpoint("storage_ple_file", targets.storage, "file", ["file"]);
    endpoint("cr_ple", targets.registry, "registry", ["registry"]);
    endpoint("mlw_ple", targets.workspace, "amlworkspace", ["api", "notebooks"]);

    if (existing === "workspace") return;
    const compute = (
      name: string,
      computeName: string,
      computeType: "AmlCompute" | "ComputeInstance",
      extra: object,
    ) =>
      new azure.machinelearningservices.Compute(name, {
        resourceGroupName: rg,
        workspaceName: "mlw-mlw-dev",
        computeName,
        location,
        // The compute schemas are a union the SDK types by computeType; this program writes both kinds.
        properties: {
          computeType,
          disableLocalAuth: true,
          properties: {
            vmSize: "STANDARD_DS2_V2",
            subnet: { id: training.id },
            enableNodePublicIp: false,
            ...extra,
          },
        } as azure.types.input.machinelearningservices.AmlComputeArgs,
      });
    compute("image-builder", "image-builder", "AmlCompute", {
      scaleSettings: { minNodeCount: 0, maxNodeCount: 3 },
    });
    compute("compute", "cpu-cluster", "AmlCompute", { scaleSettings: { minNodeCount: 0, maxNodeCount: 3 } });
    compute("compute_instance", "instance", "ComputeInstance", { idleTimeBeforeShutdown: "PT15M" });
  };
}
