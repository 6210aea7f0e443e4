import * as pulumi from "@pulumi/pulumi";
import { replaceOnChangesOf } from "../../policy/azure/immutableProperties";
import * as authorization from "@pulumi/azure-native/authorization";
import * as network from "@pulumi/azure-native/network";
import { parseArmId } from "../../policy/azure/armId";
import { DnsModes, writesZoneGroups } from "../dns/dnsModes";
import { type DnsRecord, dnsRecordsOf } from "../dns/dnsRecords";
import { createPrivateZones, existingZoneIdsByKey, linkExistingZones } from "../dns/privateZones";
import { createEndpointNetwork, existingEndpointNetwork } from "../network/endpointNetwork";
import { peerWithHub } from "../network/hubPeering";
import { programHubAddressSpace } from "../network/programHub";
import { withPlatformHub } from "../network/platformHub";
import { HubPeerings, SubnetOutbounds } from "../network/networkModes";
import { planEndpoints } from "./endpointPlan";
import { zoneKeysFor, zoneKeysOf } from "../dns/zoneKeys";
import {
  checkedWhenResolved,
  schemaProblems,
  throwArgProblems,
  type ArgSchema,
} from "../validation/argSchema";
import {
  type EndpointSetLayoutArgs,
  type WorkspaceTargetsArgs,
  endpointSetLayoutSchema,
  layoutOf,
  targetIdOf,
  throwProblems,
  workspaceTargetsSchema,
} from "./endpointSetArgs";
import { type EndpointSetLayout, dnsModeOf, validateEndpointSet } from "./validateEndpointSets";
import { hubOverlapProblems } from "./validateSpoke";
import { argProblemsMessage } from "../validation/argProblem";

/**
 * The subnet's egress: as given, else private for a subnet of endpoints only, and Azure's default outbound for
 * the services set's, whose computes existing stacks deployed with it.
 */
function subnetOutboundOf(layout: EndpointSetLayout): SubnetOutbounds {
  if (layout.subnetOutbound !== undefined) return layout.subnetOutbound as SubnetOutbounds;
  return layout.servicesSet === false || layout.managedNetwork === true
    ? SubnetOutbounds.None
    : SubnetOutbounds.Default;
}

/** Built-in Reader role. */
const readerRoleDefinitionGuid = "acdd72a7-3385-48ef-bd42-f606fba81ae7";

/** Arguments of {@link PrivateEndpointSet}: the workspace's ids plus this VNet's layout. */
export interface PrivateEndpointSetArgs extends WorkspaceTargetsArgs, EndpointSetLayoutArgs {}

/** Each argument's kind. */
export const privateEndpointSetArgSchema: ArgSchema<PrivateEndpointSetArgs> = {
  ...workspaceTargetsSchema,
  ...endpointSetLayoutSchema,
};

const componentName = "PrivateEndpointSet";

/**
 * The hub's id, waiting for the overlap check against the hub VNet's address space when the hub is a VNet of
 * this program and `hubAddressSpace` is not given: the peering Azure would refuse fails the preview instead.
 */
function hubCheckedForOverlap(
  name: string,
  layout: EndpointSetLayout,
  hubVirtualNetworkId: pulumi.Input<string>,
  resource: pulumi.Resource,
): pulumi.Output<string> {
  const checked = programHubAddressSpace(hubVirtualNetworkId).apply((space) => {
    const problems = hubOverlapProblems(layout, space ?? [], "hubVirtualNetworkId");
    if (problems.length > 0)
      throw new pulumi.ResourceError(
        argProblemsMessage(
          componentName,
          name,
          problems.map((p) => ({ propertyPath: p.property, reason: `${p.value}: ${p.reason}` })),
        ),
        resource,
        true,
      );
    return true;
  });
  return pulumi.all([hubVirtualNetworkId, checked]).apply(([id]) => id);
}

/**
 * One VNet's private endpoints to a secured workspace: the workspace endpoint and the endpoints of its
 * storage (blob, file), key vault and registry, in a new VNet and endpoint subnet or an existing subnet;
 * their private DNS (own zone instances linked to this VNet, zone groups into existing zones, or the records
 * for a custom DNS server, by `dnsMode`) and the studio's Reader role on the storage endpoints. Usually made
 * by {@link WorkspaceNetwork}, one per set; use it directly for a single VNet.
 *
 * @example
 * ```ts
 * const ws = new SecuredWorkspace("ml", { resourceGroupName: "rg-ml", location: "westeurope", imageBuildCompute: "cpu-cluster" });
 * const clients = new PrivateEndpointSet("clients", {
 *   ...ws.endpointTargets(),
 *   addressSpace: ["10.20.0.0/16"],
 *   endpointSubnetPrefix: "10.20.1.0/24",
 * });
 * export const clientIps = clients.privateIpAddresses;
 * ```
 */
export class PrivateEndpointSet extends pulumi.ComponentResource {
  /** Private endpoint ids by endpoint key (e.g. `workspace-amlworkspace`, `storage-blob`). */
  public readonly endpointIds!: pulumi.Output<Record<string, string>>;
  /** Private IPs of each endpoint, by endpoint key. */
  public readonly privateIpAddresses!: pulumi.Output<Record<string, string[]>>;
  /** FQDNs each endpoint serves, by endpoint key. */
  public readonly fqdns!: pulumi.Output<Record<string, string[]>>;
  /** Every FQDN → private IP record of this set's endpoints (what a custom DNS server must hold). */
  public readonly dnsRecords!: pulumi.Output<DnsRecord[]>;
  /** Ids of the zones the endpoints write to, by zone name; empty with dnsMode None or AzurePolicy. */
  public readonly zoneIds!: pulumi.Output<Record<string, string>>;
  /** ARM id of the VNet holding the endpoints (created here, or the existing subnet's). */
  public readonly virtualNetworkId!: pulumi.Output<string>;
  /** Name of that VNet. */
  public readonly virtualNetworkName!: pulumi.Output<string>;
  /** The endpoint subnet (also where the services set's computes go). */
  public readonly subnetId!: pulumi.Output<string>;

  constructor(name: string, args: PrivateEndpointSetArgs, opts?: pulumi.ComponentResourceOptions) {
    // Checked before registering anything, the component itself included: each argument by its kind, then the
    // layout as a whole. Rehydration (opts.urn) has no args.
    if (!opts?.urn) throwArgProblems(componentName, name, schemaProblems(privateEndpointSetArgSchema, args));
    const layout = opts?.urn ? undefined : layoutOf(name, args);
    if (layout) throwProblems(componentName, name, validateEndpointSet(layout), () => "");
    super(`azureml-network-isolation:index:${componentName}`, name, {}, opts);
    if (!layout) return;
    args = withPlatformHub(checkedWhenResolved(componentName, name, privateEndpointSetArgSchema, args, this));

    const endpoints = planEndpoints(layout);
    const net = layout.usesExistingSubnet
      ? existingEndpointNetwork(args.subnetId!)
      : createEndpointNetwork(
          name,
          {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            addressSpace: [...layout.addressSpace!],
            endpointSubnetPrefix: layout.endpointSubnetPrefix!,
            dnsServers: args.dnsServers,
            outbound: subnetOutboundOf(layout),
            firewallPrivateIp: args.firewallPrivateIp,
            tags: args.tags,
            azureNamePrefix: layout.azureNamePrefix,
          },
          this,
        );
    if (args.hubVirtualNetworkId !== undefined)
      peerWithHub(
        name,
        net,
        layout.hubAddressSpace === undefined
          ? hubCheckedForOverlap(name, layout, args.hubVirtualNetworkId, this)
          : args.hubVirtualNetworkId,
        (layout.hubPeering as HubPeerings | undefined) ?? HubPeerings.BothWays,
        this,
      );
    const cloud = pulumi.output(args.cloud ?? "AzureCloud");
    const mode = dnsModeOf(layout);
    const zones =
      mode === DnsModes.OwnZones
        ? createPrivateZones(
            name,
            {
              zoneKeys: zoneKeysOf(endpoints.map((e) => e.groupId)),
              cloud,
              location: args.location,
              virtualNetworkId: net.virtualNetworkId,
              tags: args.tags,
            },
            this,
          )
        : mode === DnsModes.ExistingZones
          ? existingZoneIdsByKey(args.existingZoneIds ?? {})
          : {};
    if (mode === DnsModes.ExistingZones && layout.linkExistingZones === true)
      linkExistingZones(name, zones, args.existingZoneIds ?? {}, net.virtualNetworkId, args.tags, this);

    const created = endpoints.map((endpoint) => {
      const pe = new network.PrivateEndpoint(
        `${name}-pe-${endpoint.key}`,
        {
          resourceGroupName: args.resourceGroupName,
          location: args.location,
          subnet: { id: net.subnetId },
          ...(args.tags ? { tags: args.tags } : {}),
          // Explicit names only when a prefix is given, so existing endpoints keep theirs.
          ...(layout.azureNamePrefix
            ? {
                privateEndpointName: `${layout.azureNamePrefix}-pe-${endpoint.key}`,
                customNetworkInterfaceName: `${layout.azureNamePrefix}-pe-${endpoint.key}-nic`,
              }
            : {}),
          privateLinkServiceConnections: [
            {
              name: endpoint.key,
              privateLinkServiceId: targetIdOf(args, endpoint),
              groupIds: [endpoint.groupId],
            },
          ],
        },
        { parent: this, ...replaceOnChangesOf("privateEndpoint") },
      );
      if (writesZoneGroups(mode)) {
        new network.PrivateDnsZoneGroup(
          `${name}-zg-${endpoint.key}`,
          {
            resourceGroupName: args.resourceGroupName,
            privateEndpointName: pe.name,
            privateDnsZoneGroupName: "default",
            // One group per endpoint with every zone of its group id: the workspace's api and notebooks zones together.
            privateDnsZoneConfigs: zoneKeysFor(endpoint.groupId).map((key) => ({
              name: key,
              privateDnsZoneId: zones[key].id,
            })),
          },
          { parent: this },
        );
      }
      if (endpoint.studioReader && args.workspacePrincipalId !== undefined) {
        new authorization.RoleAssignment(
          `${name}-reader-${endpoint.key}`,
          {
            scope: pe.id,
            principalId: args.workspacePrincipalId,
            principalType: authorization.PrincipalType.ServicePrincipal,
            roleDefinitionId: pe.id.apply(
              (id) =>
                `/subscriptions/${parseArmId(id)?.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${readerRoleDefinitionGuid}`,
            ),
          },
          { parent: this },
        );
      }
      return { key: endpoint.key, pe };
    });

    const byKey = <T>(pick: (pe: network.PrivateEndpoint) => pulumi.Output<T>) =>
      pulumi.all(Object.fromEntries(created.map(({ key, pe }) => [key, pick(pe)]))) as pulumi.Output<
        Record<string, T>
      >;
    const configs = byKey((pe) => pe.customDnsConfigs.apply((c) => c ?? []));
    this.endpointIds = byKey((pe) => pe.id);
    this.privateIpAddresses = configs.apply((all) =>
      mapValues(all, (c) => [...new Set(c.flatMap((x) => x.ipAddresses ?? []))]),
    );
    this.fqdns = configs.apply((all) => mapValues(all, (c) => c.flatMap((x) => (x.fqdn ? [x.fqdn] : []))));
    this.dnsRecords = configs.apply((all) => dnsRecordsOf(Object.values(all)));
    this.zoneIds = pulumi
      .all(Object.values(zones).map((z) => pulumi.all([z.name, z.id])))
      .apply((pairs) => Object.fromEntries(pairs));
    this.virtualNetworkId = net.virtualNetworkId;
    this.virtualNetworkName = net.virtualNetworkName;
    this.subnetId = net.subnetId;
    this.registerOutputs({
      endpointIds: this.endpointIds,
      privateIpAddresses: this.privateIpAddresses,
      fqdns: this.fqdns,
      dnsRecords: this.dnsRecords,
      zoneIds: this.zoneIds,
      virtualNetworkId: this.virtualNetworkId,
      virtualNetworkName: this.virtualNetworkName,
      subnetId: this.subnetId,
    });
  }
}

function mapValues<A, B>(record: Record<string, A>, f: (a: A) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}
