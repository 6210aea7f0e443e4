/**
 * Findings in the user's words: when a finding is on a resource one of this package's components made, its fix
 * names the component and the argument to change (`WorkspaceNetwork 'net' → sets.clients.dnsServers`) before
 * the Azure-level change a raw program makes. One table from (component, rule, the child's type) to arguments;
 * the component and its name come from the resource's parent chain, as the analyzer gives it (AnalyzeStack: the
 * parent resources; Analyze: the parent's URN, whose type chain names every enclosing component's type but only
 * the parent's own name).
 */

/** A resource and the components it is in: its type, its name where known, its parent. */
export interface MadeResource {
  type: string;
  name?: string;
  parent?: MadeResource;
}

const packagePrefix = "azureml-network-isolation:index:";

/** One row: on a child of `role` type made by the component, the rule's finding is fixed by these arguments. */
interface ArgumentRow {
  rule: string;
  role: string;
  /** The arguments, relative to the component that made the child (a set's, inside WorkspaceNetwork). */
  arguments: readonly string[];
}

/**
 * Stands for the argument of the peering a VirtualNetworkPeering child is a side of, read from the child's name
 * (peeringArgumentOf); kept as written when the name is not known.
 */
const peeringArgument = "peerings.<key>";

/** The arguments by the component that makes the resource. */
export const componentArguments: Readonly<Record<string, readonly ArgumentRow[]>> = {
  PrivateEndpointSet: [
    {
      rule: "private-dns-zone-linked-to-endpoint-vnet",
      role: "azure-native:network:PrivateDnsZoneGroup",
      arguments: ["dnsServers", "linkExistingZones"],
    },
    {
      rule: "private-dns-zone-linked-to-endpoint-vnet",
      role: "azure-native:network:VirtualNetwork",
      arguments: ["dnsServers"],
    },
    {
      rule: "dependency-endpoints-per-vnet",
      role: "azure-native:network:VirtualNetwork",
      arguments: ["endpoints", "dnsServers"],
    },
    {
      rule: "endpoint-dns-zone-group",
      role: "azure-native:network:PrivateEndpoint",
      arguments: ["dnsMode", "existingZoneIds"],
    },
    { rule: "subnet-private", role: "azure-native:network:Subnet", arguments: ["subnetOutbound"] },
    // On a side of a peering the set made: its own range, or that peering (named from its child's name).
    {
      rule: "platform-network",
      role: "azure-native:network:VirtualNetworkPeering",
      arguments: ["addressSpace", peeringArgument],
    },
  ],
  PrivateCompute: [
    {
      rule: "compute-in-endpoint-vnet",
      role: "azure-native:machinelearningservices:Compute",
      arguments: ["subnetId"],
    },
    // Resource rules: the finding is on the compute the component made.
    {
      rule: "compute-instance-idle-shutdown",
      role: "azure-native:machinelearningservices:Compute",
      arguments: ["idleShutdownMinutes"],
    },
  ],
  SecuredWorkspace: [
    {
      rule: "workspace-public-access-with-private-endpoints",
      role: "azure-native:resources:Resource",
      arguments: ["publicNetworkAccess"],
    },
    {
      rule: "workspace-public-network-access-disabled",
      role: "azure-native:resources:Resource",
      arguments: ["publicNetworkAccess"],
    },
  ],
};

/** A component of this package by its type token: its short name, or undefined for any other type. */
function componentOf(resource: MadeResource | undefined): string | undefined {
  return resource?.type.startsWith(packagePrefix) ? resource.type.slice(packagePrefix.length) : undefined;
}

/** A member path in the engine's syntax: `a.b`, or `a["b.c"]` for keys that are not identifiers. */
const member = (path: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

/**
 * Where the arguments of the component that made a child are written: its own, or, for a set WorkspaceNetwork
 * made (named `<network>-<set>`), the network's `sets.<set>`.
 */
function argumentOwner(maker: MadeResource & { name: string }): {
  component: string;
  name: string;
  prefix?: string;
} {
  const outer = maker.parent;
  // The network's name is not known from a URN alone: the set is then named as the set component it is.
  if (
    componentOf(maker) === "PrivateEndpointSet" &&
    componentOf(outer) === "WorkspaceNetwork" &&
    outer!.name !== undefined
  ) {
    const setName = maker.name.startsWith(`${outer!.name}-`) ? maker.name.slice(outer!.name.length + 1) : "";
    if (setName) return { component: "WorkspaceNetwork", name: outer!.name, prefix: member("sets", setName) };
  }
  return { component: componentOf(maker)!, name: maker.name };
}

/**
 * The argument of the peering a set's child `<set>-to-<key>` or `<set>-from-<key>` is a side of
 * (sdk/network/vnetPeering.ts): `peerings.<key>`, or `hubVirtualNetworkId` for the hub's.
 */
function peeringArgumentOf(child: string | undefined, set: string): string | undefined {
  const side = ["-to-", "-from-"]
    .map((s) => `${set}${s}`)
    .find((prefix) => child?.startsWith(prefix) && child.length > prefix.length);
  if (side === undefined) return undefined;
  const key = child!.slice(side.length);
  return key === "hub" ? "hubVirtualNetworkId" : member("peerings", key);
}

/** The component's argument to change for `rule`'s finding on `resource`, e.g. `WorkspaceNetwork 'net' → sets.a.b`. */
export function componentFix(rule: string, resource: MadeResource | undefined): string | undefined {
  const maker = resource?.parent;
  const component = componentOf(maker);
  if (!resource || !maker?.name || !component) return undefined;
  const row = componentArguments[component]?.find((r) => r.rule === rule && r.role === resource.type);
  if (!row) return undefined;
  const owner = argumentOwner({ ...maker, name: maker.name });
  const args = row.arguments.map((a) =>
    a === peeringArgument ? (peeringArgumentOf(resource.name, maker.name!) ?? a) : a,
  );
  const paths = args.map((a) => (owner.prefix ? `${owner.prefix}.${a}` : a));
  return `${owner.component} ${JSON.stringify(owner.name)} → ${paths.join(" or ")}`;
}

/**
 * A resource as Analyze sees it, from its type and its parent's URN (`urn:pulumi:<stack>::<project>::<types>::<name>`,
 * the types of the enclosing components joined by `$`): the parent with its name, the components around it
 * with their types only.
 */
export function madeFromUrn(type: string, parentUrn: string | undefined): MadeResource {
  const parts = parentUrn?.startsWith("urn:pulumi:") ? parentUrn.split("::") : [];
  if (parts.length < 4) return { type };
  const types = parts[2].split("$");
  const name = parts.slice(3).join("::");
  const parent = types.reduce<MadeResource | undefined>(
    (outer, t) => ({ type: t, parent: outer }),
    undefined,
  )!;
  return { type, parent: { ...parent, name } };
}
