import * as pulumi from "@pulumi/pulumi";
import { replaceOnChangesOf } from "../../policy/azure/immutableProperties";
import * as authorization from "@pulumi/azure-native/authorization";
import * as network from "@pulumi/azure-native/network";
import { parseArmId } from "../../policy/azure/armId";
import { DnsModes, writesZoneGroups } from "../dns/dnsModes";
import { type DnsRecord, dnsRecordsOf } from "../dns/dnsRecords";
import {
  createPrivateZones,
  existingZoneIdsByKey,
  linkExistingZones,
  type ZoneRef,
} from "../dns/privateZones";
import { linksSetVnet } from "../dns/programZoneLinks";
import { heldEndpointProblem, omittedEndpointProblem } from "./spokeReach";
import { createEndpointNetwork, existingEndpointNetwork } from "../network/endpointNetwork";
import { peerVnets, type VnetPeering } from "../network/vnetPeering";
import { peeringPath } from "../network/setPeerings";
import { programHubAddressSpace } from "../network/programHub";
import { withPlatformHub } from "../network/platformHub";
import { HubPeerings, SubnetOutbounds } from "../network/networkModes";
import { planEndpoints } from "./endpointPlan";
import { zoneGroupKeysFor, zoneKeysOf } from "../dns/zoneKeys";
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
import { hubIdArgument, hubRangeArgument, peeredOverlapProblems, type PeeredRange } from "./validateSpoke";
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

/** Whose arguments a set's errors name: the WorkspaceNetwork that made it (its name, the set's path), or the set's own. */
interface ArgumentOwner {
  component: string;
  name: string;
  set: string;
  prefix: string;
}

const ownerOf = new WeakMap<object, ArgumentOwner>();

/** The args of a set made by another component, whose arguments the set's late errors then name. */
export function argsOwnedBy(args: PrivateEndpointSetArgs, owner: ArgumentOwner): PrivateEndpointSetArgs {
  ownerOf.set(args, owner);
  return args;
}

/**
 * The check of what the set's VNet resolves when only the program's CentralPrivateDns may link the zones to it,
 * known once the VNet exists: its own endpoints and those it omits (a clients set). Undefined when nothing waits.
 * A spoke linked nowhere then fails the preview as it would have before registration.
 */
function programLinksChecked(
  owner: ArgumentOwner,
  layout: EndpointSetLayout,
  givenZoneIds: PrivateEndpointSetArgs["existingZoneIds"],
  vnetId: pulumi.Output<string>,
  resource: pulumi.Resource,
): pulumi.Output<true> | undefined {
  if (layout.programLinks !== "pending") return undefined;
  return linksSetVnet(givenZoneIds, vnetId).apply((linked) => {
    const judged = { ...layout, name: owner.set, programLinks: linked ? ("linked" as const) : undefined };
    const problem = heldEndpointProblem(judged) ?? omittedEndpointProblem(judged);
    if (problem)
      throw new pulumi.ResourceError(
        argProblemsMessage(owner.component, owner.name, [
          {
            propertyPath: `${owner.prefix}${problem.property}`,
            reason: `${problem.value}: ${problem.reason}`,
          },
        ]),
        resource,
        true,
      );
    return true as const;
  });
}

/** `value` once `checked` has passed: the child given it waits for the check, and fails with its message. */
function afterCheck<V extends pulumi.Input<string>>(
  value: V,
  checked: pulumi.Output<true> | undefined,
): V | pulumi.Output<string> {
  return checked ? pulumi.all([value, checked]).apply(([v]) => v) : value;
}

/** A VNet the set peers with: the peering to create, and where its range comes from. */
interface PeeredVnet {
  peering: VnetPeering;
  /** Its prefixes as given (`hubAddressSpace`, `remoteAddressSpace`), under `rangeProperty`. */
  given?: readonly string[];
  rangeProperty: string;
  /** The argument of its id, named when its range is read from the VNet itself. */
  idProperty: string;
  noun: PeeredRange["noun"];
}

/** The VNets the set peers with: the hub (children `<set>-to-hub`, as always), then each of `peerings`. */
function peeredVnets(layout: EndpointSetLayout, args: PrivateEndpointSetArgs): PeeredVnet[] {
  const hub: PeeredVnet[] =
    args.hubVirtualNetworkId === undefined
      ? []
      : [
          {
            peering: {
              key: "hub",
              remoteVirtualNetworkId: args.hubVirtualNetworkId,
              mode: (layout.hubPeering as HubPeerings | undefined) ?? HubPeerings.BothWays,
              modeArgument: "hubPeering",
              remoteNoun: "hub",
            },
            given: layout.hubAddressSpace,
            rangeProperty: hubRangeArgument(layout),
            idProperty: hubIdArgument(layout),
            noun: "hub",
          },
        ];
  return [
    ...hub,
    ...Object.entries(args.peerings ?? {}).map(([key, p]): PeeredVnet => ({
      peering: {
        key,
        remoteVirtualNetworkId: p.remoteVirtualNetworkId,
        mode: (layout.peerings?.[key]?.peering as HubPeerings | undefined) ?? HubPeerings.BothWays,
        modeArgument: peeringPath(key, "peering"),
        remoteNoun: "remote",
      },
      given: layout.peerings?.[key]?.remoteAddressSpace,
      rangeProperty: peeringPath(key, "remoteAddressSpace"),
      idProperty: peeringPath(key, "remoteVirtualNetworkId"),
      noun: "remote",
    })),
  ];
}

/**
 * The peerings, each remote id that is an Output of this program without a given range waiting for the overlap
 * checks against the address space read from that VNet: the peering Azure would refuse fails the preview instead.
 */
function checkedForOverlap(
  owner: ArgumentOwner,
  layout: EndpointSetLayout,
  vnets: readonly PeeredVnet[],
  resource: pulumi.Resource,
): VnetPeering[] {
  const read = vnets.filter(
    (v) => v.given === undefined && pulumi.Output.isInstance(v.peering.remoteVirtualNetworkId),
  );
  if (read.length === 0) return vnets.map((v) => v.peering);
  const spaces = vnets.map((v) =>
    v.given !== undefined
      ? pulumi.output([...v.given])
      : programHubAddressSpace(v.peering.remoteVirtualNetworkId),
  );
  const checked = pulumi.all(spaces).apply((resolved) => {
    const ranges = vnets.flatMap((v, i): PeeredRange[] => {
      const prefixes = resolved[i];
      if (prefixes === undefined) return [];
      const given = v.given !== undefined;
      return [{ property: given ? v.rangeProperty : v.idProperty, prefixes, read: !given, noun: v.noun }];
    });
    const problems = peeredOverlapProblems(layout, ranges);
    if (problems.length > 0)
      throw new pulumi.ResourceError(
        argProblemsMessage(
          owner.component,
          owner.name,
          problems.map((p) => ({
            propertyPath: `${owner.prefix}${p.property}`,
            reason: `${p.value}: ${p.reason}`,
          })),
        ),
        resource,
        true,
      );
    return true as const;
  });
  return vnets.map((v) =>
    read.includes(v)
      ? { ...v.peering, remoteVirtualNetworkId: afterCheck(v.peering.remoteVirtualNetworkId, checked) }
      : v.peering,
  );
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
    const owner = ownerOf.get(args) ?? { component: componentName, name, set: name, prefix: "" };
    // The zone ids as given: the program's links are recorded against these Outputs, not the checked copies.
    const givenZoneIds = (args as PrivateEndpointSetArgs | undefined)?.existingZoneIds;
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
    const linksChecked = programLinksChecked(owner, layout, givenZoneIds, net.virtualNetworkId, this);
    for (const peering of checkedForOverlap(owner, layout, peeredVnets(layout, args), this))
      peerVnets(
        name,
        net,
        { ...peering, remoteVirtualNetworkId: afterCheck(peering.remoteVirtualNetworkId, linksChecked) },
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
          ? mapValues(existingZoneIdsByKey(args.existingZoneIds ?? {}), (z): ZoneRef => ({
              ...z,
              id: afterCheck(z.id, linksChecked),
            }))
          : {};
    if (mode === DnsModes.ExistingZones && layout.linkExistingZones === true)
      linkExistingZones(name, zones, args.existingZoneIds ?? {}, net.virtualNetworkId, args.tags, this);

    const existingZoneNames = mode === DnsModes.ExistingZones ? Object.keys(args.existingZoneIds ?? {}) : [];
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
            privateDnsZoneConfigs: zoneGroupKeysFor(endpoint.groupId, existingZoneNames).map((key) => ({
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
