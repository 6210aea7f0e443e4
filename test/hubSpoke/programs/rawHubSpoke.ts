/**
 * The same hub and spoke as componentHubSpoke, written with raw azure-native v3 only: what a platform team
 * writes without the components (loops where a careful author would use them).
 */
import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as containerregistry from "@pulumi/azure-native/containerregistry";
import * as dnsresolver from "@pulumi/azure-native/dnsresolver";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as ml from "@pulumi/azure-native/machinelearningservices";
import * as network from "@pulumi/azure-native/network";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as privatedns from "@pulumi/azure-native/privatedns";
import * as resources from "@pulumi/azure-native/resources";
import * as storage from "@pulumi/azure-native/storage";

export interface HubSpokeVariant {
  /** The compute spoke resolves through Azure DNS instead of the hub's resolver. */
  spokeWithoutDns?: boolean;
}

const zoneNames: Record<string, string[]> = {
  amlworkspace: ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"],
  blob: ["privatelink.blob.core.windows.net"],
  file: ["privatelink.file.core.windows.net"],
  vault: ["privatelink.vaultcore.azure.net"],
  registry: ["privatelink.azurecr.io"],
};

export function rawHubSpoke(variant: HubSpokeVariant = {}) {
  return () => {
    const tags = { costCenter: "4711", owner: "ml-platform" };
    const location = "westeurope";
    const group = new resources.ResourceGroup("rg", { location, tags });
    const placement = { resourceGroupName: group.name, location, tags };
    const clientConfig = authorization.getClientConfigOutput();

    const account = new storage.StorageAccount("st", {
      ...placement,
      kind: storage.Kind.StorageV2,
      sku: { name: storage.SkuName.Standard_ZRS },
      publicNetworkAccess: storage.PublicNetworkAccess.Disabled,
      allowBlobPublicAccess: false,
      allowSharedKeyAccess: false,
      minimumTlsVersion: storage.MinimumTlsVersion.TLS1_2,
      networkRuleSet: { defaultAction: storage.DefaultAction.Deny, bypass: storage.Bypass.AzureServices },
    });
    const vault = new keyvault.Vault("kv", {
      ...placement,
      properties: {
        tenantId: clientConfig.tenantId,
        sku: { family: keyvault.SkuFamily.A, name: keyvault.SkuName.Standard },
        enableRbacAuthorization: true,
        enablePurgeProtection: true,
        publicNetworkAccess: "Disabled",
        networkAcls: {
          defaultAction: keyvault.NetworkRuleAction.Deny,
          bypass: keyvault.NetworkRuleBypassOptions.AzureServices,
        },
      },
    });
    const registry = new containerregistry.Registry("cr", {
      ...placement,
      sku: { name: containerregistry.SkuName.Premium },
      adminUserEnabled: false,
      publicNetworkAccess: containerregistry.PublicNetworkAccess.Disabled,
      networkRuleBypassOptions: containerregistry.NetworkRuleBypassOptions.AzureServices,
    });
    const logs = new operationalinsights.Workspace("logs", { ...placement, sku: { name: "PerGB2018" } });
    const insights = new applicationinsights.Component("appi", {
      ...placement,
      kind: "web",
      applicationType: applicationinsights.ApplicationType.Web,
      workspaceResourceId: logs.id,
    });
    const workspace = new ml.Workspace("mlw", {
      ...placement,
      identity: { type: ml.ManagedServiceIdentityType.SystemAssigned },
      storageAccount: account.id,
      keyVault: vault.id,
      containerRegistry: registry.id,
      applicationInsights: insights.id,
      publicNetworkAccess: ml.PublicNetworkAccessType.Disabled,
      imageBuildCompute: "cpu-cluster",
    });

    // Central zones, linked to the hub.
    const hub = new network.VirtualNetwork("hub-vnet", {
      ...placement,
      addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
    });
    const zones: Record<string, privatedns.PrivateZone> = {};
    for (const name of Object.values(zoneNames).flat()) {
      const key = name.split(".")[1];
      zones[name] = new privatedns.PrivateZone(`zone-${key}`, {
        resourceGroupName: group.name,
        location: "global",
        privateZoneName: name,
        tags,
      });
      new privatedns.VirtualNetworkLink(`link-hub-${key}`, {
        resourceGroupName: group.name,
        privateZoneName: zones[name].name,
        location: "global",
        virtualNetwork: { id: hub.id },
        registrationEnabled: false,
        tags,
      });
    }

    // The resolver's inbound endpoint in a delegated subnet of the hub.
    const inboundSubnet = new network.Subnet("hub-inbound", {
      resourceGroupName: group.name,
      virtualNetworkName: hub.name,
      addressPrefix: "10.0.4.0/28",
      delegations: [{ name: "dnsResolvers", serviceName: "Microsoft.Network/dnsResolvers" }],
      defaultOutboundAccess: false,
    });
    const resolver = new dnsresolver.DnsResolver("resolver", {
      ...placement,
      virtualNetwork: { id: hub.id },
    });
    const inbound = new dnsresolver.InboundEndpoint("inbound", {
      ...placement,
      dnsResolverName: resolver.name,
      ipConfigurations: [
        {
          subnet: { id: inboundSubnet.id },
          privateIpAllocationMethod: dnsresolver.IpAllocationMethod.Dynamic,
        },
      ],
    });
    const resolverIp = inbound.ipConfigurations.apply((c) => c[0]?.privateIpAddress ?? "");

    // The shared endpoints in the hub, writing into the central zones.
    const hubSubnet = new network.Subnet("hub-endpoints", {
      resourceGroupName: group.name,
      virtualNetworkName: hub.name,
      addressPrefix: "10.0.1.0/24",
      privateEndpointNetworkPolicies: network.VirtualNetworkPrivateEndpointNetworkPolicies.Disabled,
      defaultOutboundAccess: false,
    });
    const targets: [string, pulumi.Output<string>, string][] = [
      ["workspace", workspace.id, "amlworkspace"],
      ["storage-blob", account.id, "blob"],
      ["storage-file", account.id, "file"],
      ["vault", vault.id, "vault"],
      ["registry", registry.id, "registry"],
    ];
    for (const [key, target, groupId] of targets) {
      const pe = new network.PrivateEndpoint(`pe-${key}`, {
        ...placement,
        subnet: { id: hubSubnet.id },
        privateLinkServiceConnections: [{ name: key, privateLinkServiceId: target, groupIds: [groupId] }],
      });
      new network.PrivateDnsZoneGroup(`zg-${key}`, {
        resourceGroupName: group.name,
        privateEndpointName: pe.name,
        privateDnsZoneGroupName: "default",
        privateDnsZoneConfigs: zoneNames[groupId].map((z) => ({
          name: z.split(".")[1],
          privateDnsZoneId: zones[z].id,
        })),
      });
      if (groupId === "blob" || groupId === "file") {
        // The studio reads storage behind a VNet through the workspace's identity.
        new authorization.RoleAssignment(`reader-${key}`, {
          scope: pe.id,
          principalId: workspace.identity.apply((i) => i?.principalId ?? ""),
          principalType: authorization.PrincipalType.ServicePrincipal,
          roleDefinitionId: pulumi.interpolate`/subscriptions/${clientConfig.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`,
        });
      }
    }

    // Spokes: peered both ways with the hub, using the resolver as DNS server, private subnets.
    const spokes: Record<string, { space: string; subnet: string; nat: boolean }> = {
      compute: { space: "10.1.0.0/16", subnet: "10.1.1.0/24", nat: true },
      clients: { space: "10.2.0.0/16", subnet: "10.2.1.0/24", nat: false },
    };
    const subnets: Record<string, network.Subnet> = {};
    for (const [name, spoke] of Object.entries(spokes)) {
      const withoutDns = variant.spokeWithoutDns && name === "compute";
      const vnet = new network.VirtualNetwork(`${name}-vnet`, {
        ...placement,
        addressSpace: { addressPrefixes: [spoke.space] },
        ...(withoutDns ? {} : { dhcpOptions: { dnsServers: [resolverIp] } }),
      });
      let natGateway: { id: pulumi.Output<string> } | undefined;
      if (spoke.nat) {
        const ip = new network.PublicIPAddress(`${name}-nat-ip`, {
          ...placement,
          sku: { name: network.PublicIPAddressSkuName.Standard },
          publicIPAllocationMethod: network.IPAllocationMethod.Static,
        });
        natGateway = {
          id: new network.NatGateway(`${name}-nat`, {
            ...placement,
            sku: { name: network.NatGatewaySkuName.Standard },
            publicIpAddresses: [{ id: ip.id }],
          }).id,
        };
      }
      subnets[name] = new network.Subnet(`${name}-subnet`, {
        resourceGroupName: group.name,
        virtualNetworkName: vnet.name,
        addressPrefix: spoke.subnet,
        defaultOutboundAccess: false,
        natGateway,
      });
      const toHub = new network.VirtualNetworkPeering(`${name}-to-hub`, {
        resourceGroupName: group.name,
        virtualNetworkName: vnet.name,
        remoteVirtualNetwork: { id: hub.id },
        allowVirtualNetworkAccess: true,
        allowForwardedTraffic: true,
      });
      new network.VirtualNetworkPeering(
        `hub-to-${name}`,
        {
          resourceGroupName: group.name,
          virtualNetworkName: hub.name,
          remoteVirtualNetwork: { id: vnet.id },
          allowVirtualNetworkAccess: true,
          allowForwardedTraffic: true,
        },
        { dependsOn: [toHub] },
      );
    }

    new ml.Compute("build", {
      resourceGroupName: group.name,
      workspaceName: workspace.name,
      computeName: "cpu-cluster",
      location,
      tags,
      properties: {
        computeType: "AmlCompute",
        computeLocation: location,
        disableLocalAuth: true,
        properties: {
          vmSize: "Standard_DS3_v2",
          subnet: { id: subnets.compute.id },
          enableNodePublicIp: false,
          remoteLoginPortPublicAccess: ml.RemoteLoginPortPublicAccess.Disabled,
          scaleSettings: { minNodeCount: 0, maxNodeCount: 4 },
        },
      },
    });
  };
}
