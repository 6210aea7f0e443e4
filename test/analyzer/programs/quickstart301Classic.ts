/**
 * The Azure/terraform quickstart `301-machine-learning-hub-spoke-secure` (main.tf, variables.tf,
 * network-hub.tf, network-spoke.tf, azure-firewall.tf, workspace.tf, compute.tf, dsvm.tf) translated to the
 * classic `@pulumi/azure` provider, one azurerm resource to one classic resource, with the quickstart's
 * default variables (`name` 301mlhss, `environment` dev, East US) and its settings, provider defaults
 * included (the computes set neither local auth nor node public IPs). The same subset as the azure-native
 * translation (quickstart301.ts): NSGs, route tables, IP groups, the firewall's rule collection group and
 * public IP, bastion, Log Analytics, diagnostics and the DSVM itself are left out; Application Insights
 * stays because the classic workspace requires its id. `random_string.suffix` is the value of a recorded
 * run of the quickstart (TestRecord.md: rg-301mlhss-dev-k09c); `random_string.ci_prefix` a fixed one.
 */
import * as appinsights from "@pulumi/azure/appinsights";
import * as containerservice from "@pulumi/azure/containerservice";
import * as core from "@pulumi/azure/core";
import * as keyvault from "@pulumi/azure/keyvault";
import * as ml from "@pulumi/azure/machinelearning";
import * as network from "@pulumi/azure/network";
import * as privatedns from "@pulumi/azure/privatedns";
import * as privatelink from "@pulumi/azure/privatelink";
import * as storage from "@pulumi/azure/storage";
import * as pulumi from "@pulumi/pulumi";
import { fakeTenantId } from "../../../plan/fakeAzure";
import { existingIds } from "./existingIds";
import type { Existing } from "./placement";

const name = "301mlhss";
const environment = "dev";
const suffix = "k09c";
const location = "East US";

/** The privatelink zones of network-hub.tf, by their Terraform names, with their link names. */
const zones = {
  dnsvault: { zone: "privatelink.vaultcore.azure.net", link: "vnetlinkvault", linkName: "dnsvaultlink" },
  dnsstorageblob: {
    zone: "privatelink.blob.core.windows.net",
    link: "vnetlinkblob",
    linkName: "dnsblobstoragelink",
  },
  dnsstoragefile: {
    zone: "privatelink.file.core.windows.net",
    link: "vnetlinkfile",
    linkName: "dnsfilestoragelink",
  },
  dnscontainerregistry: { zone: "privatelink.azurecr.io", link: "vnetlinkcr", linkName: "dnscrlink" },
  dnsazureml: { zone: "privatelink.api.azureml.ms", link: "vnetlinkml", linkName: "dnsazuremllink" },
  dnsnotebooks: {
    zone: "privatelink.notebooks.azure.net",
    link: "vnetlinknbs",
    linkName: "dnsnotebookslink",
  },
} as const;

type ZoneKey = keyof typeof zones;

/** What a negative variant changes; the quickstart itself is `{}`. */
export interface Quickstart301ClassicArgs {
  /** The firewall policy's `dns.proxy_enabled` (true in azure-firewall.tf). */
  proxyEnabled?: boolean;
  /** Drop the spoke VNet's `dns_servers` (the firewall's private IP in network-spoke.tf). */
  noSpokeDnsServers?: boolean;
  /** Drop the peering `direction2` (spoke to hub), leaving the hub peered one way. */
  oneWayPeering?: boolean;
  /** The firewall takes a child policy (`basePolicyId` the quickstart's policy) that sets no DNS settings. */
  childPolicy?: boolean;
}

/** workspace.tf: the workspace with its Application Insights, key vault, storage account and registry. */
export function classicWorkspaceWithDependencies(rg: core.ResourceGroup) {
  const insights = new appinsights.Insights("default", {
    name: `appi-${name}-${environment}-${suffix}`,
    location: rg.location,
    resourceGroupName: rg.name,
    applicationType: "web",
  });
  const vault = new keyvault.KeyVault("default", {
    name: `kv-${name}-${environment}-${suffix}`,
    location: rg.location,
    resourceGroupName: rg.name,
    tenantId: fakeTenantId,
    skuName: "premium",
    purgeProtectionEnabled: true,
    networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
  });
  const account = new storage.Account("default", {
    name: `st${name}${environment}${suffix}`,
    location: rg.location,
    resourceGroupName: rg.name,
    accountTier: "Standard",
    accountReplicationType: "GRS",
    allowNestedItemsToBePublic: false,
    networkRules: { defaultAction: "Deny", bypasses: ["AzureServices"] },
  });
  const registry = new containerservice.Registry("default", {
    name: `cr${name}${environment}${suffix}`,
    location: rg.location,
    resourceGroupName: rg.name,
    sku: "Premium",
    adminEnabled: true,
    networkRuleSet: { defaultAction: "Deny" },
    publicNetworkAccessEnabled: false,
  });
  const workspace = new ml.Workspace("default", {
    name: `mlw-${name}-${environment}-${suffix}`,
    location: rg.location,
    resourceGroupName: rg.name,
    applicationInsightsId: insights.id,
    keyVaultId: vault.id,
    storageAccountId: account.id,
    containerRegistryId: registry.id,
    identity: { type: "SystemAssigned" },
    publicNetworkAccessEnabled: false,
    imageBuildComputeName: "image-builder",
  });
  return { workspace: workspace.id, storage: account.id, vault: vault.id, registry: registry.id };
}

export function quickstart301Classic(existing: Existing, args: Quickstart301ClassicArgs = {}): () => void {
  return () => {
    const rg = new core.ResourceGroup("default", { name: `rg-${name}-${environment}-${suffix}`, location });
    const hubRg = new core.ResourceGroup("hub_rg", {
      name: `rg-hub-${name}-${environment}-${suffix}`,
      location,
    });

    // network-hub.tf
    const hub = new network.VirtualNetwork("hub", {
      name: `vnet-hub-${name}-${environment}`,
      addressSpaces: ["10.1.0.0/16"],
      location: rg.location,
      resourceGroupName: hubRg.name,
    });
    const hubSubnet = (logical: string, subnetName: string, prefix: string) =>
      new network.Subnet(logical, {
        name: subnetName,
        resourceGroupName: hubRg.name,
        virtualNetworkName: hub.name,
        addressPrefixes: [prefix],
      });
    const jumphost = hubSubnet("snet_jumphost", "snet-jumphost", "10.1.2.0/24");
    hubSubnet("azure_bastion", "AzureBastionSubnet", "10.1.3.0/24");
    const firewallSubnet = hubSubnet("azure_firewall", "AzureFirewallSubnet", "10.1.4.0/24");

    const zoneIds = Object.fromEntries(
      (Object.keys(zones) as ZoneKey[]).map((key) => {
        const zone = new privatedns.Zone(key, { name: zones[key].zone, resourceGroupName: hubRg.name });
        new privatedns.ZoneVirtualNetworkLink(zones[key].link, {
          name: zones[key].linkName,
          resourceGroupName: hubRg.name,
          privateDnsZoneName: zone.name,
          virtualNetworkId: hub.id,
        });
        return [key, zone.id];
      }),
    ) as Record<ZoneKey, pulumi.Output<string>>;

    // azure-firewall.tf
    const policy = new network.FirewallPolicy("base_policy", {
      name: "afwp-base-01",
      resourceGroupName: hubRg.name,
      location: rg.location,
      dns: { proxyEnabled: args.proxyEnabled ?? true },
    });
    const firewall = new network.Firewall("azure_firewall_instance", {
      name: `afw-${name}-${environment}`,
      location: rg.location,
      resourceGroupName: hubRg.name,
      skuName: "AZFW_VNet",
      skuTier: "Standard",
      firewallPolicyId: args.childPolicy
        ? new network.FirewallPolicy("child_policy", {
            name: "afwp-child-01",
            resourceGroupName: hubRg.name,
            location: rg.location,
            basePolicyId: policy.id,
          }).id
        : policy.id,
      ipConfigurations: [{ name: "configuration", subnetId: firewallSubnet.id }],
    });

    // network-spoke.tf
    const spoke = new network.VirtualNetwork("default", {
      name: `vnet-${name}-${environment}`,
      addressSpaces: ["10.0.0.0/16"],
      location: rg.location,
      resourceGroupName: rg.name,
      dnsServers: args.noSpokeDnsServers
        ? undefined
        : [firewall.ipConfigurations.apply((c) => c![0].privateIpAddress!)],
    });
    // enforce_private_link_endpoint_network_policies = true (azurerm 3.x) disables the policies.
    const spokeSubnet = (subnetName: string, prefix: string) =>
      new network.Subnet(subnetName, {
        name: subnetName,
        resourceGroupName: rg.name,
        virtualNetworkName: spoke.name,
        addressPrefixes: [prefix],
        privateEndpointNetworkPolicies: "Disabled",
      });
    const training = spokeSubnet("snet-training", "10.0.1.0/24");
    spokeSubnet("snet-aks", "10.0.2.0/23");
    const workspaceSubnet = spokeSubnet("snet-workspace", "10.0.0.0/24");

    // The peerings of network-hub.tf, named after the resource groups.
    const peering = (logical: string, from: typeof rg, vnet: typeof hub, to: typeof rg, remote: typeof hub) =>
      new network.VirtualNetworkPeering(logical, {
        name: pulumi.interpolate`${from.name}-to-${to.name}`,
        resourceGroupName: from.name,
        virtualNetworkName: vnet.name,
        remoteVirtualNetworkId: remote.id,
        allowVirtualNetworkAccess: true,
        allowForwardedTraffic: false,
        allowGatewayTransit: false,
        useRemoteGateways: false,
      });
    peering("direction1", hubRg, hub, rg, spoke);
    if (!args.oneWayPeering) peering("direction2", rg, spoke, hubRg, hub);

    // dsvm.tf: the jump host's NIC, in the spoke's resource group but the hub's jump host subnet.
    new network.NetworkInterface("dsvm", {
      name: "nic-vmdsvm01",
      location: rg.location,
      resourceGroupName: rg.name,
      ipConfigurations: [
        { name: "configuration", subnetId: jumphost.id, privateIpAddressAllocation: "Dynamic" },
      ],
    });

    // workspace.tf
    const targets = existing === "workspace" ? existingIds : classicWorkspaceWithDependencies(rg);

    const endpoint = (
      logical: string,
      endpointName: string,
      connectionName: string,
      target: pulumi.Input<string>,
      subresource: string,
      zoneKeys: ZoneKey[],
    ) =>
      new privatelink.Endpoint(logical, {
        name: `ple-${name}-${environment}-${endpointName}`,
        location: rg.location,
        resourceGroupName: rg.name,
        subnetId: workspaceSubnet.id,
        privateDnsZoneGroup: {
          name: "private-dns-zone-group",
          privateDnsZoneIds: zoneKeys.map((key) => zoneIds[key]),
        },
        privateServiceConnection: {
          name: `psc-${name}-${connectionName}`,
          privateConnectionResourceId: target,
          subresourceNames: [subresource],
          isManualConnection: false,
        },
      });
    endpoint("kv_ple", "kv", "kv", targets.vault, "vault", ["dnsvault"]);
    endpoint("st_ple_blob", "st-blob", "st", targets.storage, "blob", ["dnsstorageblob"]);
    endpoint("storage_ple_file", "st-file", "st", targets.storage, "file", ["dnsstoragefile"]);
    endpoint("cr_ple", "cr", "cr", targets.registry, "registry", ["dnscontainerregistry"]);
    endpoint("mlw_ple", "mlw", "mlw", targets.workspace, "amlworkspace", ["dnsazureml", "dnsnotebooks"]);

    if (existing === "workspace") return;
    // workspace.tf (the image-build cluster) and compute.tf; local auth and node public IPs as defaulted.
    const cluster = (logical: string, clusterName: string, vmPriority: string, vmSize: string) =>
      new ml.ComputeCluster(logical, {
        name: clusterName,
        location: rg.location,
        vmPriority,
        vmSize,
        machineLearningWorkspaceId: targets.workspace,
        subnetResourceId: training.id,
        scaleSettings: { minNodeCount: 0, maxNodeCount: 3, scaleDownNodesAfterIdleDuration: "PT15M" },
        identity: { type: "SystemAssigned" },
      });
    cluster("image-builder", "image-builder", "LowPriority", "Standard_DS2_v2");
    cluster("compute", "cpu-cluster", "Dedicated", "STANDARD_DS2_V2");
    new ml.ComputeInstance("compute_instance", {
      name: "qkbzwmtainstance",
      machineLearningWorkspaceId: targets.workspace,
      virtualMachineSize: "STANDARD_DS2_V2",
      subnetResourceId: training.id,
    });
  };
}
