import * as pulumi from "@pulumi/pulumi";
import { replaceOnChangesOf } from "../../policy/azure/immutableProperties";
import * as dnsresolver from "@pulumi/azure-native/dnsresolver";
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import { ArmTypes, parseArmId } from "../../policy/azure/armId";
import { parseCidr } from "../../policy/azure/cidr";
import {
  AzureClouds,
  type AzureCloud,
  GroupIds,
  type GroupId,
  classifyRegionalZone,
  classifyZone,
  zonesFor,
} from "../../policy/azure/clouds";
import { optionalStorageGroupIds } from "../endpoints/endpointPlan";
import { memberPath, type ArgProblem } from "../validation/argProblem";
import { armId, cidr, cloud, listOf, mapOf, name, oneOf, region } from "../validation/argKinds";
import {
  checkedWhenResolved,
  decidesResources,
  schemaProblems,
  throwArgProblems,
  type ArgSchema,
} from "../validation/argSchema";
import { NameRules } from "../validation/names";
import { isDeferred } from "../validation/plainValues";
import { tagsKind, type Tags } from "../validation/tags";
import { recordZoneLinks } from "./programZoneLinks";
import { adoptedZoneKey } from "./zoneKeys";

/** Arguments of {@link CentralPrivateDns}. */
export interface CentralPrivateDnsArgs {
  /** Resource group of the zones, the links and the resolver (one group: it holds one zone of each name). */
  resourceGroupName: pulumi.Input<string>;
  /** Region of the resolver (its VNet's region). */
  location: pulumi.Input<string>;
  /** AzureCloud (default), AzureChinaCloud or AzureUSGovernment: decides the zone names. A plain value. */
  cloud?: pulumi.Input<string>;
  /** Zones beyond api, notebooks, blob, file, vault and registry: any of queue, table, dfs. Plain values. */
  storageGroupIds?: pulumi.Input<string>[];
  /**
   * VNets to link every zone to, by a stable key (e.g. `hub`): those resolving through Azure DNS, such as the
   * resolver's own VNet. Spokes using the resolver as DNS server need no links.
   */
  virtualNetworkIds?: { [key: string]: pulumi.Input<string> };
  /**
   * Zones that already exist, by zone name: adopted (linked, not created). Plain values. A registry's
   * regional data zone (`westeurope.data.privatelink.azurecr.io`) may be adopted too: where it is linked, the
   * registry endpoints' zone groups must name it.
   */
  existingZoneIds?: { [zoneName: string]: pulumi.Input<string> };
  /** The VNet of an Azure DNS Private Resolver to create; no resolver without it. */
  resolverVirtualNetworkId?: pulumi.Input<string>;
  /**
   * Prefix (/28 to /24) of a subnet created in the resolver's VNet for the inbound endpoint, delegated to
   * Microsoft.Network/dnsResolvers. Mutually exclusive with inboundSubnetId. A plain value.
   */
  inboundSubnetPrefix?: pulumi.Input<string>;
  /** An existing subnet for the inbound endpoint, delegated to Microsoft.Network/dnsResolvers. */
  inboundSubnetId?: pulumi.Input<string>;
  /** Tags for the zones, links, resolver and its endpoint (Azure's limits: 50, names ≤ 512, values ≤ 256). */
  tags?: Tags;
}

/** Each argument's kind. */
export const centralPrivateDnsArgSchema: ArgSchema<CentralPrivateDnsArgs> = {
  resourceGroupName: { kind: name(NameRules.resourceGroup), required: true },
  location: { kind: region, required: true },
  cloud: { kind: cloud, plain: decidesResources("cloud") },
  storageGroupIds: {
    kind: listOf(oneOf(optionalStorageGroupIds, "an optional storage sub-resource")),
    plain: decidesResources("storageGroupIds"),
  },
  virtualNetworkIds: { kind: mapOf(armId(ArmTypes.virtualNetwork), { key: NameRules.key }) },
  existingZoneIds: {
    kind: mapOf(armId(ArmTypes.privateDnsZone), { key: NameRules.zoneName }),
    plain:
      "existingZoneIds decides which zones are created and is checked against the cloud, so it must be plain values",
  },
  resolverVirtualNetworkId: { kind: armId(ArmTypes.virtualNetwork) },
  inboundSubnetPrefix: { kind: cidr, plain: decidesResources("inboundSubnetPrefix") },
  inboundSubnetId: { kind: armId(ArmTypes.subnet) },
  tags: { kind: tagsKind() },
};

/** The zone names the workspace's endpoints need in `cloud`, with the optional storage ones asked for. */
export function centralZoneNames(cloudName: AzureCloud, storageGroupIds: readonly string[] = []): string[] {
  const groups: GroupId[] = [
    GroupIds.amlworkspace,
    GroupIds.blob,
    GroupIds.file,
    ...(storageGroupIds as GroupId[]),
    GroupIds.vault,
    GroupIds.registry,
  ];
  return [...new Set(groups.flatMap((g) => zonesFor(cloudName, g)))];
}

/** Problems across arguments: adopted zones that are not this cloud's, and the resolver's subnet. */
export function centralPrivateDnsProblems(args: CentralPrivateDnsArgs): ArgProblem[] {
  const problems = schemaProblems(centralPrivateDnsArgSchema, args);
  if (problems.length === 0 && isDeferred(args.virtualNetworkIds))
    problems.push({
      propertyPath: "virtualNetworkIds",
      reason: "is an output; its keys name the links, so give a plain map (its ids may be outputs)",
    });
  if (problems.length > 0) return problems;
  const cloudName = (args.cloud ?? AzureClouds.AzureCloud) as AzureCloud;
  const wanted = centralZoneNames(cloudName, args.storageGroupIds as string[] | undefined);
  for (const [zoneName, id] of Object.entries(args.existingZoneIds ?? {})) {
    const path = memberPath("existingZoneIds", zoneName);
    if (!wanted.includes(zoneName.toLowerCase()) && classifyRegionalZone(zoneName)?.cloud !== cloudName) {
      const other = classifyZone(zoneName);
      problems.push({
        propertyPath: path,
        reason: other
          ? `${JSON.stringify(zoneName)} is a zone of ${other.cloud}, not ${cloudName}; give the ${cloudName} zone (${zonesFor(cloudName, other.groupId).join(", ")})`
          : `${JSON.stringify(zoneName)} is not a zone a workspace's endpoints write to; use one of ${wanted.join(", ")}`,
      });
      continue;
    }
    const idName = typeof id === "string" ? parseArmId(id)?.name.toLowerCase() : undefined;
    if (idName !== undefined && idName !== zoneName.toLowerCase())
      problems.push({
        propertyPath: path,
        reason: `${JSON.stringify(id)} is the id of zone ${idName}, not of ${zoneName}; give the id of the zone of that name`,
      });
  }
  const resolver = args.resolverVirtualNetworkId !== undefined;
  const subnets = [args.inboundSubnetPrefix, args.inboundSubnetId].filter((s) => s !== undefined).length;
  if (resolver && subnets !== 1)
    problems.push({
      propertyPath: "inboundSubnetPrefix",
      reason: `${subnets === 0 ? "neither" : "both"} inboundSubnetPrefix and inboundSubnetId given; give one: the inbound endpoint needs a subnet delegated to Microsoft.Network/dnsResolvers`,
    });
  if (!resolver && subnets > 0)
    problems.push({
      propertyPath: args.inboundSubnetPrefix !== undefined ? "inboundSubnetPrefix" : "inboundSubnetId",
      reason: "only used with resolverVirtualNetworkId: give the VNet of the resolver",
    });
  const prefix =
    typeof args.inboundSubnetPrefix === "string" ? parseCidr(args.inboundSubnetPrefix) : undefined;
  if (prefix && (prefix.bits < 24 || prefix.bits > 28))
    problems.push({
      propertyPath: "inboundSubnetPrefix",
      reason: `${JSON.stringify(prefix.text)} is a /${prefix.bits}; a resolver endpoint's subnet is a /28 to a /24`,
    });
  return problems;
}

const componentName = "CentralPrivateDns";

/** Each component's zones, kept off the class: the schema analyzer reads every class property as an output. */
const zonesOf = new WeakMap<pulumi.Resource, Record<string, pulumi.Output<string>>>();

/**
 * The private DNS of a hub: every zone an Azure Machine Learning workspace's endpoints write to in one cloud
 * (api, notebooks, blob, file, vault, registry; queue, table, dfs on request), in one resource group, linked to
 * the VNets given, and optionally an Azure DNS Private Resolver whose inbound endpoint spokes use as their DNS
 * server (dns/private-resolver-architecture). Existing zones are adopted by id: linked, not created.
 *
 * Feed `zoneIds` to the endpoint sets' `existingZoneIds` and `inboundEndpointIp` to the spokes' `dnsServers`.
 *
 * @example
 * ```ts
 * const dns = new CentralPrivateDns("hub-dns", {
 *   resourceGroupName: "rg-hub",
 *   location: "westeurope",
 *   virtualNetworkIds: { hub: hubVnet.id },
 *   resolverVirtualNetworkId: hubVnet.id,
 *   inboundSubnetPrefix: "10.0.4.0/28",
 * });
 * ```
 */
export class CentralPrivateDns extends pulumi.ComponentResource {
  /** Every zone's id by zone name (to feed endpoint sets' `existingZoneIds`). */
  public readonly zoneIds!: pulumi.Output<Record<string, string>>;
  /** The resolver inbound endpoint's private IP (spokes' `dnsServers`); "" without a resolver. */
  public readonly inboundEndpointIp!: pulumi.Output<string>;
  /** ARM id of the resolver; "" without one. */
  public readonly resolverId!: pulumi.Output<string>;

  /** Each zone's id by zone name, with plain keys (TypeScript only): what `existingZoneIds` takes. */
  zoneIdsByName(): Record<string, pulumi.Output<string>> {
    return zonesOf.get(this) ?? {};
  }

  constructor(name: string, args: CentralPrivateDnsArgs, opts?: pulumi.ComponentResourceOptions) {
    if (!opts?.urn) throwArgProblems(componentName, name, centralPrivateDnsProblems(args));
    super(`azureml-network-isolation:index:${componentName}`, name, {}, opts);
    if (opts?.urn) return;
    args = checkedWhenResolved(componentName, name, centralPrivateDnsArgSchema, args, this);
    const tags = args.tags ? { tags: args.tags } : {};
    const cloudName = (args.cloud ?? AzureClouds.AzureCloud) as AzureCloud;
    const adopted = Object.fromEntries(
      Object.entries(args.existingZoneIds ?? {}).map(([zone, id]) => [zone.toLowerCase(), id]),
    );
    const zones: Record<string, pulumi.Output<string>> = {};
    const regional = Object.keys(adopted).filter((z) => classifyRegionalZone(z)?.cloud === cloudName);
    for (const zoneName of [
      ...centralZoneNames(cloudName, args.storageGroupIds as string[] | undefined),
      ...regional,
    ]) {
      // Children are named by zone key, the same in every cloud (a regional zone's by group id and region).
      const key = adoptedZoneKey(zoneName)!;
      const existing = adopted[zoneName];
      const created =
        existing === undefined
          ? new privatedns.PrivateZone(
              `${name}-zone-${key}`,
              {
                resourceGroupName: args.resourceGroupName,
                location: "global",
                privateZoneName: zoneName,
                ...tags,
              },
              { parent: this },
            )
          : undefined;
      // Links wait for a created zone through its name; an adopted zone's group is read from its id.
      const zone = created
        ? { id: created.id, group: pulumi.output(args.resourceGroupName), name: created.name }
        : {
            id: pulumi.output(existing),
            group: pulumi.output(existing).apply((z) => parseArmId(z)?.resourceGroup ?? ""),
            name: pulumi.output(zoneName),
          };
      zones[zoneName] = zone.id;
      for (const [vnetKey, vnetId] of Object.entries(args.virtualNetworkIds ?? {})) {
        new privatedns.VirtualNetworkLink(
          `${name}-link-${vnetKey}-${key}`,
          {
            resourceGroupName: zone.group,
            privateZoneName: zone.name,
            location: "global",
            virtualNetwork: { id: vnetId },
            registrationEnabled: false,
            ...tags,
          },
          { parent: this, ...replaceOnChangesOf("virtualNetworkLink") },
        );
      }
    }
    const linked = Object.values(args.virtualNetworkIds ?? {});
    for (const id of Object.values(zones)) recordZoneLinks(id, linked);
    zonesOf.set(this, zones);
    const resolver = args.resolverVirtualNetworkId
      ? createResolver(name, args, args.resolverVirtualNetworkId, tags, this)
      : undefined;
    this.zoneIds = pulumi.all(zones);
    this.inboundEndpointIp = resolver?.ip ?? pulumi.output("");
    this.resolverId = resolver?.id ?? pulumi.output("");
    this.registerOutputs({
      zoneIds: this.zoneIds,
      inboundEndpointIp: this.inboundEndpointIp,
      resolverId: this.resolverId,
    });
  }
}

/** The resolver, its inbound endpoint and (from a prefix) the endpoint's delegated subnet. */
function createResolver(
  name: string,
  args: CentralPrivateDnsArgs,
  vnetId: pulumi.Input<string>,
  tags: { tags?: Tags },
  parent: pulumi.Resource,
): { id: pulumi.Output<string>; ip: pulumi.Output<string> } {
  const vnet = pulumi.output(vnetId).apply((v) => parseArmId(v));
  const subnetId =
    args.inboundSubnetId ??
    new network.Subnet(
      `${name}-inbound`,
      {
        resourceGroupName: vnet.apply((v) => v?.resourceGroup ?? ""),
        virtualNetworkName: vnet.apply((v) => v?.name ?? ""),
        addressPrefix: args.inboundSubnetPrefix,
        delegations: [{ name: "dnsResolvers", serviceName: "Microsoft.Network/dnsResolvers" }],
        // The endpoint answers queries; it needs no outbound access.
        defaultOutboundAccess: false,
      },
      { parent },
    ).id;
  const placement = { resourceGroupName: args.resourceGroupName, location: args.location, ...tags };
  const resolver = new dnsresolver.DnsResolver(
    `${name}-resolver`,
    { ...placement, virtualNetwork: { id: vnetId } },
    { parent, ...replaceOnChangesOf("dnsResolver") },
  );
  const inbound = new dnsresolver.InboundEndpoint(
    `${name}-inbound`,
    {
      ...placement,
      dnsResolverName: resolver.name,
      ipConfigurations: [
        { subnet: { id: subnetId }, privateIpAllocationMethod: dnsresolver.IpAllocationMethod.Dynamic },
      ],
    },
    { parent, ...replaceOnChangesOf("inboundEndpoint") },
  );
  return {
    id: resolver.id,
    ip: inbound.ipConfigurations.apply((c) => c[0]?.privateIpAddress ?? ""),
  };
}
