/**
 * Hub-and-spoke designs written with raw azure-native v3 resources (hub-spoke-dns-facts §2-§5): a hub VNet
 * holding the private DNS zones' links and a DNS path (DNS Private Resolver inbound endpoint, Azure Firewall
 * with DNS proxy, DNS server VM, or a forwarding ruleset linked to the spoke), a spoke peered with it, and
 * the workspace's endpoints in the spoke, split between spoke and hub, or all in the hub with a compute in
 * the spoke. Each option turns one documented design into one of its broken variants.
 */
import * as azure from "@pulumi/azure-native";
import type * as pulumi from "@pulumi/pulumi";
import { allGroupIds, targetOf, zoneNames, type GroupId } from "./endpointSet";
import type { Existing } from "./placement";
import { location, workspaceWithDependencies, type Targets } from "./workspaceWithDependencies";

/** How the spoke resolves names. */
export type SpokeDns = "resolver" | "firewall" | "dnsVm" | "ruleset" | "azureDns" | "outside";

export interface HubSpokeArgs {
  dns: SpokeDns;
  /** Both ways (default), none, one way (hub to spoke only), or with virtual network access disabled. */
  peering?: "both" | "none" | "oneWay" | "accessDisabled";
  /** The resolver, DNS VM or firewall sits in a third VNet not peered with the spoke. */
  dnsHostUnpeered?: boolean;
  /** The firewall policy's `dnsSettings.enableProxy` (default true). */
  firewallProxy?: boolean;
  /**
   * The firewall's policy sets no DNS settings and inherits them from a parent `basePolicy` (which sets
   * `firewallProxy`), in the stack or outside it.
   */
  firewallParent?: "inStack" | "outside";
  /** Which VNets the zones are linked to (default: the hub; with Azure DNS in the spoke, both). */
  zonesLinkedTo?: readonly ("hub" | "spoke")[];
  /** Where the endpoints are: all in the spoke, the workspace's in the spoke and the rest in the hub, all in the hub. */
  endpoints?: "spoke" | "split" | "hub";
  /** A compute in the spoke (with endpoints in the hub). */
  compute?: "AmlCompute" | "ComputeInstance";
  /** A second zone named privatelink.api.azureml.ms, holding no record, linked to this VNet too. */
  duplicateApiZone?: "spoke" | "hub";
  /** The Terraform AVM module's workspace endpoints: one writing the api zone, a second the notebooks zone. */
  avmSplit?: boolean;
  /**
   * The registry's regional data zone (`westeurope.data.privatelink.azurecr.io`) linked beside the others;
   * `written`: the registry endpoint's zone group names it too.
   */
  registryDataZone?: "linkedOnly" | "written";
  /** With `dns: "ruleset"`: a second ruleset linked to the spoke too, or the ruleset in another region. */
  rulesetMistake?: "secondRuleset" | "otherRegion";
  /** Zones of these group ids are linked to the hub only, whatever `zonesLinkedTo` says. */
  hubOnlyZones?: readonly GroupId[];
  /** The registry's endpoint asks by a manual connection, in this state after the update. */
  manualRegistry?: "Pending" | "Rejected" | "Approved" | "approved";
}

const registryDataZone = `${location}.data.privatelink.azurecr.io`;

const hubCidr = "10.1.0.0/16";
const spokeCidr = "10.0.0.0/16";
const outsideDnsServer = "192.168.10.10";
const outsideRg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-platform";

interface Net {
  vnet: azure.network.VirtualNetwork;
  /** The first two octets of its /16, so a host's subnet and IP lie in the VNet that holds it. */
  prefix: string;
  subnet(name: string, cidr: string, delegation?: string): azure.network.Subnet;
}

function vnetOf(
  name: string,
  cidr: string,
  rg: pulumi.Input<string>,
  dnsServers?: pulumi.Input<string>[],
): Net {
  const vnet = new azure.network.VirtualNetwork(`${name}-vnet`, {
    resourceGroupName: rg,
    virtualNetworkName: `vnet-${name}`,
    location,
    addressSpace: { addressPrefixes: [cidr] },
    ...(dnsServers ? { dhcpOptions: { dnsServers } } : {}),
  });
  return {
    vnet,
    prefix: cidr.split(".").slice(0, 2).join("."),
    subnet: (subnetName, subnetCidr, delegation) =>
      new azure.network.Subnet(`${name}-${subnetName}`, {
        resourceGroupName: rg,
        virtualNetworkName: vnet.name,
        subnetName,
        addressPrefix: subnetCidr,
        privateEndpointNetworkPolicies: "Disabled",
        ...(delegation ? { delegations: [{ name: "delegation", serviceName: delegation }] } : {}),
      }),
  };
}

function peer(from: Net, to: Net, rg: pulumi.Input<string>, name: string, allow = true) {
  new azure.network.VirtualNetworkPeering(name, {
    resourceGroupName: rg,
    virtualNetworkName: from.vnet.name,
    virtualNetworkPeeringName: name,
    remoteVirtualNetwork: { id: to.vnet.id },
    allowVirtualNetworkAccess: allow,
  });
}

/** The DNS host in `net`, and the IP the spoke's DNS servers name (an output for the resolver and firewall). */
function dnsHost(
  dns: SpokeDns,
  net: Net,
  rg: pulumi.Input<string>,
  proxy: boolean,
  parent?: HubSpokeArgs["firewallParent"],
) {
  if (dns === "resolver" || dns === "ruleset") {
    const resolver = new azure.dnsresolver.DnsResolver("resolver", {
      resourceGroupName: rg,
      dnsResolverName: "dnspr-hub",
      location,
      virtualNetwork: { id: net.vnet.id },
    });
    const inbound = new azure.dnsresolver.InboundEndpoint("inbound", {
      resourceGroupName: rg,
      dnsResolverName: resolver.name,
      inboundEndpointName: "in",
      location,
      ipConfigurations: [
        {
          subnet: {
            id: net.subnet("snet-inbound", `${net.prefix}.4.0/28`, "Microsoft.Network/dnsResolvers").id,
          },
        },
      ],
    });
    return { resolver, ip: inbound.ipConfigurations.apply((c) => c[0].privateIpAddress!) };
  }
  if (dns === "firewall") {
    const dnsSettings = { enableProxy: proxy };
    const basePolicy =
      parent === "inStack"
        ? new azure.network.FirewallPolicy("fw-base-policy", {
            resourceGroupName: rg,
            firewallPolicyName: "afwp-base",
            location,
            dnsSettings,
          }).id
        : parent === "outside"
          ? `${outsideRg}/providers/Microsoft.Network/firewallPolicies/afwp-platform`
          : undefined;
    const policy = new azure.network.FirewallPolicy("fw-policy", {
      resourceGroupName: rg,
      firewallPolicyName: "afwp-hub",
      location,
      ...(basePolicy ? { basePolicy: { id: basePolicy } } : { dnsSettings }),
    });
    const firewall = new azure.network.AzureFirewall("fw", {
      resourceGroupName: rg,
      azureFirewallName: "afw-hub",
      location,
      sku: { name: "AZFW_VNet", tier: "Standard" },
      firewallPolicy: { id: policy.id },
      ipConfigurations: [
        {
          name: "configuration",
          subnet: { id: net.subnet("AzureFirewallSubnet", `${net.prefix}.6.0/26`).id },
        },
      ],
    });
    return { ip: firewall.ipConfigurations.apply((c) => c![0].privateIPAddress!) };
  }
  new azure.network.NetworkInterface("dns-vm-nic", {
    resourceGroupName: rg,
    networkInterfaceName: "nic-dns-vm",
    location,
    ipConfigurations: [
      {
        name: "ipconfig",
        subnet: { id: net.subnet("snet-dns", `${net.prefix}.7.0/24`).id },
        privateIPAllocationMethod: "Static",
        privateIPAddress: `${net.prefix}.7.10`,
      },
    ],
  });
  return { ip: `${net.prefix}.7.10` };
}

/** A forwarding ruleset with one rule per privatelink zone to the inbound endpoint, linked to the spoke. */
function ruleset(
  hub: Net,
  spoke: Net,
  rg: pulumi.Input<string>,
  resolver: azure.dnsresolver.DnsResolver,
  ip: pulumi.Input<string>,
  mistake?: HubSpokeArgs["rulesetMistake"],
) {
  const outbound = new azure.dnsresolver.OutboundEndpoint("outbound", {
    resourceGroupName: rg,
    dnsResolverName: resolver.name,
    outboundEndpointName: "out",
    location,
    subnet: { id: hub.subnet("snet-outbound", "10.1.5.0/28", "Microsoft.Network/dnsResolvers").id },
  });
  const rules = new azure.dnsresolver.DnsForwardingRuleset("ruleset", {
    resourceGroupName: rg,
    dnsForwardingRulesetName: "ruleset-privatelink",
    location: mistake === "otherRegion" ? "northeurope" : location,
    dnsResolverOutboundEndpoints: [{ id: outbound.id }],
  });
  if (mistake === "secondRuleset") {
    const second = new azure.dnsresolver.DnsForwardingRuleset("ruleset-second", {
      resourceGroupName: rg,
      dnsForwardingRulesetName: "ruleset-onprem",
      location,
      dnsResolverOutboundEndpoints: [{ id: outbound.id }],
    });
    new azure.dnsresolver.PrivateResolverVirtualNetworkLink("ruleset-second-spoke-link", {
      resourceGroupName: rg,
      dnsForwardingRulesetName: second.name,
      virtualNetworkLinkName: "link-spoke-second",
      virtualNetwork: { id: spoke.vnet.id },
    });
  }
  for (const zone of allGroupIds.flatMap((g) => zoneNames[g]))
    new azure.dnsresolver.ForwardingRule(`rule-${zone}`, {
      resourceGroupName: rg,
      dnsForwardingRulesetName: rules.name,
      forwardingRuleName: zone.replace(/\./g, "-"),
      domainName: `${zone}.`,
      targetDnsServers: [{ ipAddress: ip, port: 53 }],
    });
  new azure.dnsresolver.PrivateResolverVirtualNetworkLink("ruleset-spoke-link", {
    resourceGroupName: rg,
    dnsForwardingRulesetName: rules.name,
    virtualNetworkLinkName: "link-spoke",
    virtualNetwork: { id: spoke.vnet.id },
  });
}

function endpoint(
  name: string,
  subnet: azure.network.Subnet,
  rg: pulumi.Input<string>,
  target: pulumi.Input<string>,
  groupId: GroupId,
  zones: { name: string; zone: azure.privatedns.PrivateZone }[],
  manual?: HubSpokeArgs["manualRegistry"],
) {
  const connection = { name, privateLinkServiceId: target, groupIds: [groupId] };
  const pe = new azure.network.PrivateEndpoint(name, {
    resourceGroupName: rg,
    privateEndpointName: name,
    location,
    subnet: { id: subnet.id },
    ...(manual
      ? {
          manualPrivateLinkServiceConnections: [
            { ...connection, privateLinkServiceConnectionState: { status: manual } },
          ],
        }
      : { privateLinkServiceConnections: [connection] }),
  });
  new azure.network.PrivateDnsZoneGroup(`${name}-zg`, {
    resourceGroupName: rg,
    privateEndpointName: pe.name,
    privateDnsZoneGroupName: "default",
    privateDnsZoneConfigs: zones.map((z) => ({
      name: z.name.replace(/\./g, "-"),
      privateDnsZoneId: z.zone.id,
    })),
  });
}

export function hubSpoke(args: HubSpokeArgs, existing: Existing = "none"): () => void {
  return () => {
    const targets: Targets = workspaceWithDependencies(existing);
    const hubRg = new azure.resources.ResourceGroup("hub-rg", { resourceGroupName: "rg-hub" }).name;
    const spokeRg = new azure.resources.ResourceGroup("spoke-rg", { resourceGroupName: "rg-spoke" }).name;
    const hub = vnetOf("hub", hubCidr, hubRg);
    const hostNet = args.dnsHostUnpeered ? vnetOf("dns", "10.2.0.0/16", hubRg) : hub;
    const host =
      args.dns === "azureDns" || args.dns === "outside"
        ? undefined
        : dnsHost(args.dns, hostNet, hubRg, args.firewallProxy ?? true, args.firewallParent);
    const servers =
      args.dns === "outside" ? [outsideDnsServer] : host && args.dns !== "ruleset" ? [host.ip] : undefined;
    const spoke = vnetOf("spoke", spokeCidr, spokeRg, servers);
    if (args.dns === "ruleset" && host && "resolver" in host && host.resolver)
      ruleset(hostNet, spoke, hubRg, host.resolver, host.ip, args.rulesetMistake);
    const peering = args.peering ?? "both";
    if (peering !== "none") {
      peer(hub, spoke, hubRg, "hub-to-spoke");
      if (peering !== "oneWay") peer(spoke, hub, spokeRg, "spoke-to-hub", peering !== "accessDisabled");
    }
    const linkedTo = args.zonesLinkedTo ?? (args.dns === "azureDns" ? ["hub", "spoke"] : ["hub"]);
    const zones = new Map<string, azure.privatedns.PrivateZone>();
    const dataZone = args.registryDataZone ? [registryDataZone] : [];
    for (const zoneName of [...allGroupIds.flatMap((g) => zoneNames[g]), ...dataZone]) {
      const zone = new azure.privatedns.PrivateZone(`zone-${zoneName}`, {
        resourceGroupName: hubRg,
        privateZoneName: zoneName,
        location: "global",
      });
      zones.set(zoneName, zone);
      const hubOnly = (args.hubOnlyZones ?? []).some((g) => zoneNames[g].includes(zoneName));
      for (const side of linkedTo.filter((side) => side === "hub" || !hubOnly))
        new azure.privatedns.VirtualNetworkLink(`${zoneName}-${side}-link`, {
          resourceGroupName: hubRg,
          privateZoneName: zone.name,
          virtualNetworkLinkName: `link-${side}`,
          location: "global",
          virtualNetwork: { id: (side === "hub" ? hub : spoke).vnet.id },
          registrationEnabled: false,
        });
    }
    if (args.duplicateApiZone) {
      const second = new azure.privatedns.PrivateZone("zone-api-second", {
        resourceGroupName: spokeRg,
        privateZoneName: zoneNames.amlworkspace[0],
        location: "global",
      });
      const linked = args.duplicateApiZone;
      new azure.privatedns.VirtualNetworkLink(`api-second-${linked}-link`, {
        resourceGroupName: spokeRg,
        privateZoneName: second.name,
        virtualNetworkLinkName: `link-${linked}-second`,
        location: "global",
        virtualNetwork: { id: (linked === "hub" ? hub : spoke).vnet.id },
        registrationEnabled: false,
      });
    }
    const placement = args.endpoints ?? "spoke";
    const spokePe = placement === "hub" ? undefined : spoke.subnet("snet-pe", "10.0.1.0/24");
    const hubPe = placement === "spoke" ? undefined : hub.subnet("snet-pe", "10.1.1.0/24");
    for (const groupId of allGroupIds) {
      const subnet =
        groupId === "amlworkspace" ? (spokePe ?? hubPe)! : (placement === "spoke" ? spokePe : hubPe)!;
      const side = subnet === spokePe ? "spoke" : "hub";
      const zonesOf = (names: readonly string[]) => names.map((name) => ({ name, zone: zones.get(name)! }));
      if (groupId === "amlworkspace" && args.avmSplit) {
        const [api, notebooks] = zoneNames.amlworkspace;
        endpoint(
          `pe-${side}-api`,
          subnet,
          side === "spoke" ? spokeRg : hubRg,
          targets.workspace,
          groupId,
          zonesOf([api]),
        );
        endpoint(
          `pe-${side}-notebooks`,
          subnet,
          side === "spoke" ? spokeRg : hubRg,
          targets.workspace,
          groupId,
          zonesOf([notebooks]),
        );
        continue;
      }
      endpoint(
        `pe-${side}-${groupId}`,
        subnet,
        side === "spoke" ? spokeRg : hubRg,
        targets[targetOf[groupId]],
        groupId,
        zonesOf([
          ...zoneNames[groupId],
          ...(groupId === "registry" && args.registryDataZone === "written" ? dataZone : []),
        ]),
        groupId === "registry" ? args.manualRegistry : undefined,
      );
    }
    if (args.compute)
      new azure.machinelearningservices.Compute(args.compute === "AmlCompute" ? "cluster" : "ci", {
        resourceGroupName: "rg-ml",
        workspaceName: "mlw-private",
        computeName: args.compute === "AmlCompute" ? "cpu-cluster" : "ci",
        location,
        // The compute schemas are a union the SDK types by computeType; this program writes both kinds.
        properties: {
          computeType: args.compute,
          disableLocalAuth: true,
          properties: {
            vmSize: "STANDARD_DS2_V2",
            subnet: { id: spoke.subnet("snet-compute", "10.0.2.0/24").id },
            enableNodePublicIp: false,
            ...(args.compute === "ComputeInstance" ? { idleTimeBeforeShutdown: "PT30M" } : {}),
          },
        } as azure.types.input.machinelearningservices.AmlComputeArgs,
      });
  };
}
