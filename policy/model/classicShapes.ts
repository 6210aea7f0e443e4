/**
 * The classic provider `@pulumi/azure` (6.x, Terraform-bridged) in the model: per token, how its inputs
 * translate into the azure-native input shape the parsers already read. Each field names the azure-native
 * input path it writes and the classic input it comes from, so property dependencies carry over (the
 * parsers ask for `workspaceName`, the program gave `machineLearningWorkspaceId`). Booleans invert where
 * the providers disagree (`publicNetworkAccessEnabled: false` is `publicNetworkAccess: "Disabled"`,
 * `localAuthEnabled` is `!disableLocalAuth`); names come from `name`, parents from their ARM ids.
 */
import { parseArmId } from "../azure/armId";
import { firewallDnsProperties } from "./firewallDns";
import type { Kind } from "./kinds";
import { at, isUnknown, unknown } from "./values";

type Props = Record<string, unknown>;

interface Field {
  /** Dotted path of the azure-native input written. */
  to: string;
  /** The classic input read; its property dependencies become those of the azure-native input. */
  from: string;
  /** Converts a known classic value (default: as is); the classic inputs are there for combined fields. */
  as?: (value: unknown, props: Props) => unknown;
  /** The classic value for an azure-native one, where `as` converts and a remediation writes the input. */
  back?: (value: unknown) => unknown;
}

interface ClassicShape {
  kind: Kind;
  fields: readonly Field[];
  /** azure-native inputs with one value for every resource of the token (a compute's type). */
  constants?: Readonly<Record<string, unknown>>;
  /** Classic names of azure-native input paths that a field converts inside a value, for messages. */
  inputNames?: Readonly<Record<string, string>>;
}

const access = (enabled: unknown) =>
  enabled === false ? "Disabled" : enabled === true ? "Enabled" : undefined;
const enabled = (access: unknown) =>
  typeof access === "string" ? access.toLowerCase() === "enabled" : undefined;
const not = (value: unknown) => (typeof value === "boolean" ? !value : undefined);
/** `publicNetworkAccessEnabled` as azure-native's `publicNetworkAccess` at `to`. */
const publicAccess = (to: string): Field => ({
  to,
  from: "publicNetworkAccessEnabled",
  as: access,
  back: enabled,
});
/** Classic firewall IP rules are plain strings; azure-native's are `{ value }`. */
const ipRuleValues = (rules: unknown) => (Array.isArray(rules) ? rules.map((value) => ({ value })) : rules);
/** A storage account's `networkRules` (bypasses as a list) as azure-native's `networkRuleSet`. */
const storageRules = (rules: unknown) =>
  rules && typeof rules === "object"
    ? {
        defaultAction: at(rules, "defaultAction"),
        bypass: Array.isArray(at(rules, "bypasses"))
          ? (at(rules, "bypasses") as unknown[]).join(", ")
          : undefined,
        ipRules: ipRuleValues(at(rules, "ipRules")),
        virtualNetworkRules: Array.isArray(at(rules, "virtualNetworkSubnetIds"))
          ? (at(rules, "virtualNetworkSubnetIds") as unknown[]).map((id) => ({
              virtualNetworkResourceId: id,
            }))
          : undefined,
      }
    : undefined;
/** A key vault's `networkAcls` with azure-native's IP rule shape. */
const vaultAcls = (acls: unknown) =>
  acls && typeof acls === "object"
    ? {
        defaultAction: at(acls, "defaultAction"),
        bypass: at(acls, "bypass"),
        ipRules: ipRuleValues(at(acls, "ipRules")),
      }
    : undefined;
/** A VNet's inline subnets with azure-native's `defaultOutboundAccess` beside the classic flag. */
const inlineSubnets = (subnets: unknown) =>
  Array.isArray(subnets)
    ? subnets.map((subnet) =>
        subnet && typeof subnet === "object"
          ? {
              ...subnet,
              defaultOutboundAccess: at(subnet, "defaultOutboundAccessEnabled"),
              routeTable: subResource(at(subnet, "routeTableId")),
            }
          : subnet,
      )
    : subnets;
/** An ARM id as azure-native's `{ id }` reference (absent stays absent). */
const subResource = (id: unknown) => (id === undefined ? undefined : { id });
/** Classic routes name their next hop `nextHopInIpAddress`. */
const nativeRoute = (route: unknown) => ({
  name: at(route, "name"),
  addressPrefix: at(route, "addressPrefix"),
  nextHopType: at(route, "nextHopType"),
  nextHopIpAddress: at(route, "nextHopInIpAddress"),
});
/** Classic network rule collections (`action` a string) as azure-native filter collections. */
const networkRuleCollections = (collections: unknown) =>
  Array.isArray(collections)
    ? collections.map((c) => ({
        name: at(c, "name"),
        action: { type: at(c, "action") },
        rules: Array.isArray(at(c, "rules"))
          ? (at(c, "rules") as unknown[]).map((rule) => ({ ...(rule as object), ruleType: "NetworkRule" }))
          : at(c, "rules"),
      }))
    : collections;
const parentName = (id: unknown) => (typeof id === "string" ? parseArmId(id)?.names[0] : undefined);
const groupOf = (id: unknown) => (typeof id === "string" ? parseArmId(id)?.resourceGroup : undefined);

/** Inputs every classic resource has: its own name, resource group, location and (after create) id. */
const own = (nameInput: string): Field[] => [
  { to: nameInput, from: "name" },
  { to: "resourceGroupName", from: "resourceGroupName" },
  { to: "location", from: "location" },
  { to: "id", from: "id" },
];

/** What a classic workspace and AI Foundry hub both write: name, managed network and dependency ids. */
const workspaceNetwork: Field[] = [
  ...own("workspaceName"),
  { to: "managedNetwork", from: "managedNetwork" },
  { to: "storageAccount", from: "storageAccountId" },
  { to: "keyVault", from: "keyVaultId" },
  { to: "containerRegistry", from: "containerRegistryId" },
];

/** A child of a workspace names it by ARM id: the workspace's name and resource group come from it. */
const workspaceChild = (idInput: string, nameInput: string): Field[] => [
  { to: "workspaceName", from: idInput, as: parentName },
  { to: "resourceGroupName", from: idInput, as: groupOf },
  { to: nameInput, from: "name" },
  { to: "location", from: "location" },
  { to: "id", from: "id" },
];

/** The single `privateServiceConnection` block goes to the automatic or the manual list, as its flag says. */
const connectionList = (manual: boolean) => (connection: unknown) => {
  const isManual = at(connection, "isManualConnection") === true;
  if (isManual !== manual) return undefined;
  return [
    {
      name: at(connection, "name"),
      privateLinkServiceId: at(connection, "privateConnectionResourceId"),
      groupIds: at(connection, "subresourceNames"),
    },
  ];
};

/** The inline `privateDnsZoneGroup` block as azure-native's `privateDnsZoneGroups` list. */
const zoneGroups = (group: unknown) => {
  const ids = at(group, "privateDnsZoneIds");
  return [
    {
      name: at(group, "name"),
      privateDnsZoneConfigs: Array.isArray(ids) ? ids.map((id) => ({ privateDnsZoneId: id })) : ids,
    },
  ];
};

/** A datastore names its storage by the container's or share's ARM id: the account is its first name. */
const datastore = (datastoreType: string, idInput: string): ClassicShape => ({
  kind: "datastore",
  constants: { "properties.datastoreType": datastoreType },
  fields: [
    ...workspaceChild("workspaceId", "name"),
    { to: "properties.accountName", from: idInput, as: parentName },
    { to: "properties.resourceGroup", from: idInput, as: groupOf },
  ],
});

/** A compute cluster or instance: subnet, public IPs and local auth sit under `properties.properties`. */
const nodeCompute = (computeType: string): ClassicShape => ({
  kind: "compute",
  constants: { "properties.computeType": computeType },
  fields: [
    ...workspaceChild("machineLearningWorkspaceId", "computeName"),
    { to: "properties.disableLocalAuth", from: "localAuthEnabled", as: not, back: not },
    { to: "properties.properties.subnet.id", from: "subnetResourceId" },
    { to: "properties.properties.enableNodePublicIp", from: "nodePublicIpEnabled" },
  ],
});

/** A workspace managed-network outbound rule, as azure-native's ManagedNetworkSettingsRule has it. */
const outboundRule = (type: string, destination: Field[]): ClassicShape => ({
  kind: "outboundRule",
  constants: { "properties.type": type },
  fields: [...workspaceChild("workspaceId", "ruleName"), ...destination],
});

/** Ids as azure-native's `{ id }` sub-resources. */
const subResources = (ids: unknown) => (Array.isArray(ids) ? ids.map((id) => ({ id })) : ids);
/** One IP configuration block (or a list of them) with azure-native's subnet shape and IP input name. */
const ipConfigurations = (ipInput: string) => (configs: unknown) =>
  (Array.isArray(configs) ? configs : [configs]).map((c) => ({
    subnet: { id: at(c, "subnetId") },
    [ipInput]: at(c, "privateIpAddress"),
    privateIpAllocationMethod: at(c, "privateIpAllocationMethod"),
  }));
/**
 * A NIC's IP configurations as a firewall's (subnet and private IP: a DNS server VM answers on it), with
 * azure-native's `publicIPAddress` where the classic one names a public IP.
 */
const nicIpConfigurations = (configs: unknown) =>
  Array.isArray(configs)
    ? configs.map((config) => {
        if (isUnknown(config)) return config;
        const [native] = ipConfigurations("privateIPAddress")(config);
        const publicIp = at(config, "publicIpAddressId");
        return publicIp === undefined ? native : { ...native, publicIPAddress: { id: publicIp } };
      })
    : configs;
/** A child of a resolver or ruleset names it by ARM id: its name and resource group come from it. */
const childOf = (idInput: string, parentInput: string, nameInput: string): Field[] => [
  { to: parentInput, from: idInput, as: parentName },
  { to: "resourceGroupName", from: idInput, as: groupOf },
  { to: nameInput, from: "name" },
  { to: "id", from: "id" },
];

/** Peerings, DNS servers, DNS private resolvers, forwarding rulesets and firewalls (the network graph). */
function networkGraphShapes(): Record<string, ClassicShape> {
  return {
    "azure:network/virtualNetworkPeering:VirtualNetworkPeering": {
      kind: "vnetPeering",
      fields: [
        ...own("virtualNetworkPeeringName"),
        { to: "virtualNetworkName", from: "virtualNetworkName" },
        { to: "remoteVirtualNetwork.id", from: "remoteVirtualNetworkId" },
        { to: "allowVirtualNetworkAccess", from: "allowVirtualNetworkAccess" },
        { to: "allowForwardedTraffic", from: "allowForwardedTraffic" },
      ],
    },
    "azure:network/virtualNetworkDnsServers:VirtualNetworkDnsServers": {
      kind: "vnetDnsServers",
      fields: [
        { to: "name", from: "name" },
        { to: "id", from: "id" },
        { to: "virtualNetwork.id", from: "virtualNetworkId" },
        { to: "dhcpOptions.dnsServers", from: "dnsServers" },
      ],
    },
    "azure:privatedns/resolver:Resolver": {
      kind: "dnsResolver",
      fields: [...own("dnsResolverName"), { to: "virtualNetwork.id", from: "virtualNetworkId" }],
    },
    "azure:privatedns/resolverInboundEndpoint:ResolverInboundEndpoint": {
      kind: "resolverInboundEndpoint",
      fields: [
        ...childOf("privateDnsResolverId", "dnsResolverName", "inboundEndpointName"),
        { to: "ipConfigurations", from: "ipConfigurations", as: ipConfigurations("privateIpAddress") },
      ],
    },
    "azure:privatedns/resolverOutboundEndpoint:ResolverOutboundEndpoint": {
      kind: "resolverOutboundEndpoint",
      fields: [
        ...childOf("privateDnsResolverId", "dnsResolverName", "outboundEndpointName"),
        { to: "subnet.id", from: "subnetId" },
      ],
    },
    "azure:privatedns/resolverDnsForwardingRuleset:ResolverDnsForwardingRuleset": {
      kind: "forwardingRuleset",
      fields: [
        ...own("dnsForwardingRulesetName"),
        {
          to: "dnsResolverOutboundEndpoints",
          from: "privateDnsResolverOutboundEndpointIds",
          as: subResources,
        },
      ],
    },
    "azure:privatedns/resolverForwardingRule:ResolverForwardingRule": {
      kind: "forwardingRule",
      fields: [
        ...childOf("dnsForwardingRulesetId", "dnsForwardingRulesetName", "forwardingRuleName"),
        { to: "domainName", from: "domainName" },
        { to: "targetDnsServers", from: "targetDnsServers" },
        { to: "forwardingRuleState", from: "enabled", as: (e) => (e === false ? "Disabled" : "Enabled") },
      ],
    },
    "azure:privatedns/resolverVirtualNetworkLink:ResolverVirtualNetworkLink": {
      kind: "rulesetVnetLink",
      fields: [
        ...childOf("dnsForwardingRulesetId", "dnsForwardingRulesetName", "virtualNetworkLinkName"),
        { to: "virtualNetwork.id", from: "virtualNetworkId" },
      ],
    },
    "azure:network/firewall:Firewall": {
      kind: "firewall",
      fields: [
        ...own("azureFirewallName"),
        { to: "ipConfigurations", from: "ipConfigurations", as: ipConfigurations("privateIPAddress") },
        { to: "firewallPolicy.id", from: "firewallPolicyId" },
        // The firewall's own DNS settings (classic rules, no policy), as azure-native's additional properties.
        {
          to: "additionalProperties",
          from: "dnsProxyEnabled",
          as: (enabled, props) => ({
            [firewallDnsProperties.enableProxy]: String(enabled),
            ...(Array.isArray(props.dnsServers)
              ? { [firewallDnsProperties.servers]: props.dnsServers.join(",") }
              : {}),
          }),
        },
      ],
    },
    "azure:network/routeTable:RouteTable": {
      kind: "routeTable",
      fields: [
        ...own("routeTableName"),
        {
          to: "routes",
          from: "routes",
          as: (routes) => (Array.isArray(routes) ? routes.map(nativeRoute) : routes),
        },
        { to: "subnets", from: "subnets", as: (ids) => (Array.isArray(ids) ? ids.map(subResource) : ids) },
      ],
    },
    "azure:network/route:Route": {
      kind: "route",
      fields: [
        ...own("routeName"),
        { to: "routeTableName", from: "routeTableName" },
        { to: "addressPrefix", from: "addressPrefix" },
        { to: "nextHopType", from: "nextHopType" },
        { to: "nextHopIpAddress", from: "nextHopInIpAddress" },
      ],
    },
    "azure:network/subnetRouteTableAssociation:SubnetRouteTableAssociation": {
      kind: "routeTableAssociation",
      fields: [
        { to: "id", from: "id" },
        { to: "subnet.id", from: "subnetId" },
        { to: "routeTable.id", from: "routeTableId" },
      ],
    },
    // Classic network rule collections as azure-native's filter collections of network rules.
    "azure:network/firewallPolicyRuleCollectionGroup:FirewallPolicyRuleCollectionGroup": {
      kind: "firewallRuleGroup",
      fields: [
        ...childOf("firewallPolicyId", "firewallPolicyName", "ruleCollectionGroupName"),
        { to: "ruleCollections", from: "networkRuleCollections", as: networkRuleCollections },
      ],
    },
    "azure:network/firewallPolicy:FirewallPolicy": {
      kind: "firewallPolicy",
      fields: [
        ...own("firewallPolicyName"),
        { to: "basePolicy.id", from: "basePolicyId" },
        {
          to: "dnsSettings",
          from: "dns",
          as: (dns) => ({ enableProxy: at(dns, "proxyEnabled"), servers: at(dns, "servers") }),
        },
      ],
    },
  };
}

const classicShapes: Readonly<Record<string, ClassicShape>> = {
  "azure:machinelearning/workspace:Workspace": {
    kind: "workspace",
    fields: [
      ...workspaceNetwork,
      publicAccess("publicNetworkAccess"),
      { to: "imageBuildCompute", from: "imageBuildComputeName" },
      { to: "kind", from: "kind" },
    ],
  },
  // Azure AI Foundry hubs and hub-based projects are ML workspaces of kind Hub and Project.
  "azure:aifoundry/hub:Hub": {
    kind: "workspace",
    constants: { kind: "Hub" },
    fields: [...workspaceNetwork, { to: "publicNetworkAccess", from: "publicNetworkAccess" }],
  },
  "azure:aifoundry/project:Project": {
    kind: "workspace",
    constants: { kind: "Project" },
    fields: [
      { to: "workspaceName", from: "name" },
      { to: "resourceGroupName", from: "aiServicesHubId", as: groupOf },
      { to: "hubResourceId", from: "aiServicesHubId" },
      { to: "location", from: "location" },
      { to: "id", from: "id" },
    ],
  },
  "azure:storage/account:Account": {
    kind: "storageAccount",
    fields: [
      ...own("accountName"),
      publicAccess("publicNetworkAccess"),
      { to: "allowBlobPublicAccess", from: "allowNestedItemsToBePublic" },
      { to: "networkRuleSet", from: "networkRules", as: storageRules },
      {
        to: "sku.name",
        from: "accountReplicationType",
        as: (replication, props) =>
          typeof props.accountTier === "string" ? `${props.accountTier}_${String(replication)}` : undefined,
      },
    ],
    inputNames: { "networkRuleSet.bypass": "networkRules.bypasses" },
  },
  "azure:keyvault/keyVault:KeyVault": {
    kind: "keyVault",
    fields: [
      ...own("vaultName"),
      publicAccess("properties.publicNetworkAccess"),
      { to: "properties.sku.name", from: "skuName" },
      { to: "properties.networkAcls", from: "networkAcls", as: vaultAcls },
    ],
  },
  "azure:containerservice/registry:Registry": {
    kind: "containerRegistry",
    fields: [
      ...own("registryName"),
      publicAccess("publicNetworkAccess"),
      { to: "sku.name", from: "sku" },
      { to: "networkRuleSet", from: "networkRuleSet" },
    ],
  },
  "azure:network/virtualNetwork:VirtualNetwork": {
    kind: "virtualNetwork",
    fields: [
      ...own("virtualNetworkName"),
      { to: "addressSpace.addressPrefixes", from: "addressSpaces" },
      // Inline subnets use azure-native's names (name, addressPrefixes, privateEndpointNetworkPolicies) but one.
      { to: "subnets", from: "subnets", as: inlineSubnets },
      { to: "dhcpOptions.dnsServers", from: "dnsServers" },
    ],
    // A subnet declared inline is reported on its VNet.
    inputNames: { defaultOutboundAccess: "subnets[].defaultOutboundAccessEnabled" },
  },
  "azure:network/subnet:Subnet": {
    kind: "subnet",
    fields: [
      ...own("subnetName"),
      { to: "virtualNetworkName", from: "virtualNetworkName" },
      { to: "addressPrefixes", from: "addressPrefixes" },
      { to: "privateEndpointNetworkPolicies", from: "privateEndpointNetworkPolicies" },
      { to: "defaultOutboundAccess", from: "defaultOutboundAccessEnabled" },
      {
        to: "serviceEndpoints",
        from: "serviceEndpoints",
        as: (services) => (Array.isArray(services) ? services.map((service) => ({ service })) : services),
      },
    ],
  },
  "azure:network/networkInterface:NetworkInterface": {
    kind: "networkInterface",
    fields: [
      ...own("networkInterfaceName"),
      { to: "ipConfigurations", from: "ipConfigurations", as: nicIpConfigurations },
    ],
    inputNames: { "ipConfigurations.publicIPAddress": "ipConfigurations.publicIpAddressId" },
  },
  ...networkGraphShapes(),
  "azure:privatelink/endpoint:Endpoint": {
    kind: "privateEndpoint",
    fields: [
      ...own("privateEndpointName"),
      { to: "subnet.id", from: "subnetId" },
      { to: "privateLinkServiceConnections", from: "privateServiceConnection", as: connectionList(false) },
      {
        to: "manualPrivateLinkServiceConnections",
        from: "privateServiceConnection",
        as: connectionList(true),
      },
      { to: "privateDnsZoneGroups", from: "privateDnsZoneGroup", as: zoneGroups },
    ],
  },
  "azure:privatedns/zone:Zone": { kind: "privateZone", fields: own("privateZoneName") },
  "azure:privatedns/zoneVirtualNetworkLink:ZoneVirtualNetworkLink": {
    kind: "vnetLink",
    fields: [
      ...own("virtualNetworkLinkName"),
      { to: "privateZoneName", from: "privateDnsZoneName" },
      { to: "virtualNetwork.id", from: "virtualNetworkId" },
      { to: "resolutionPolicy", from: "resolutionPolicy" },
    ],
  },
  "azure:containerservice/kubernetesCluster:KubernetesCluster": {
    kind: "managedCluster",
    fields: [
      ...own("resourceName"),
      {
        to: "agentPoolProfiles",
        from: "defaultNodePool",
        as: (pool) => [{ vnetSubnetID: at(pool, "vnetSubnetId") }],
      },
    ],
  },
  "azure:machinelearning/computeCluster:ComputeCluster": nodeCompute("AmlCompute"),
  "azure:machinelearning/computeInstance:ComputeInstance": nodeCompute("ComputeInstance"),
  "azure:machinelearning/inferenceCluster:InferenceCluster": {
    kind: "compute",
    constants: { "properties.computeType": "AKS" },
    fields: [
      ...workspaceChild("machineLearningWorkspaceId", "computeName"),
      { to: "properties.resourceId", from: "kubernetesClusterId" },
    ],
  },
  "azure:machinelearning/datastoreBlobstorage:DatastoreBlobstorage": datastore(
    "AzureBlob",
    "storageContainerId",
  ),
  "azure:machinelearning/datastoreFileshare:DatastoreFileshare": datastore("AzureFile", "storageFileshareId"),
  "azure:machinelearning/datastoreDatalakeGen2:DatastoreDatalakeGen2": datastore(
    "AzureDataLakeGen2",
    "storageContainerId",
  ),
  "azure:machinelearning/workspaceNetworkOutboundRuleFqdn:WorkspaceNetworkOutboundRuleFqdn": outboundRule(
    "FQDN",
    [{ to: "properties.destination", from: "destinationFqdn" }],
  ),
  "azure:machinelearning/workspaceNetworkOutboundRulePrivateEndpoint:WorkspaceNetworkOutboundRulePrivateEndpoint":
    outboundRule("PrivateEndpoint", [
      { to: "properties.destination.serviceResourceId", from: "serviceResourceId" },
      { to: "properties.destination.subresourceTarget", from: "subResourceTarget" },
      { to: "properties.destination.sparkEnabled", from: "sparkEnabled" },
    ]),
  "azure:machinelearning/workspaceNetworkOutboundRuleServiceTag:WorkspaceNetworkOutboundRuleServiceTag":
    outboundRule("ServiceTag", [
      { to: "properties.destination.serviceTag", from: "serviceTag" },
      { to: "properties.destination.protocol", from: "protocol" },
      { to: "properties.destination.portRanges", from: "portRanges" },
    ]),
};

/** A classic resource translated: its kind, azure-native inputs, and the classic inputs behind each. */
export interface ClassicTranslation {
  kind: Kind;
  inputs: Props;
  /** Classic inputs per top-level azure-native input, for property dependencies. */
  sources: ReadonlyMap<string, readonly string[]>;
}

/** Writes `value` at a dotted path, creating objects on the way. */
function put(target: Props, path: string, value: unknown): void {
  const keys = path.split(".");
  let current = target;
  for (const key of keys.slice(0, -1)) {
    const next = current[key];
    current = (next !== null && typeof next === "object" ? next : (current[key] = {})) as Props;
  }
  current[keys[keys.length - 1]] = value;
}

const sourcesByToken = new Map<string, ReadonlyMap<string, readonly string[]>>(
  Object.entries(classicShapes).map(([token, shape]) => {
    const sources = new Map<string, string[]>();
    for (const field of shape.fields) {
      const input = field.to.split(".")[0];
      sources.set(input, [...(sources.get(input) ?? []), field.from]);
    }
    return [token, sources];
  }),
);

/**
 * The classic input behind an azure-native input path of a classic token — its field, a field holding the
 * path's start (`networkRuleSet.defaultAction` is `networkRules.defaultAction`), or the token's named
 * inputs — and how to write an azure-native value into it (only for a whole field, converted back where
 * `as` converts); undefined for other tokens or paths.
 */
export function classicInputOf(
  token: string,
  nativePath: string,
): { name: string; write?: (value: unknown) => unknown } | undefined {
  const shape = classicShapes[token];
  if (!shape) return undefined;
  const field = shape.fields.find((f) => f.to === nativePath);
  if (field) return { name: field.from, write: field.as ? field.back : (value) => value };
  const named = shape.inputNames?.[nativePath];
  if (named) return { name: named };
  const holder = shape.fields.find((f) => nativePath.startsWith(`${f.to}.`));
  return holder && { name: `${holder.from}${nativePath.slice(holder.to.length)}` };
}

export function isClassicToken(token: string): boolean {
  return Object.hasOwn(classicShapes, token);
}

/** The kind a classic token translates to, or undefined for a token not in the table. */
export function classicKindOf(token: string): Kind | undefined {
  return isClassicToken(token) ? classicShapes[token].kind : undefined;
}

/** The azure-native view of a classic resource's plain inputs, or undefined for a token not in the table. */
export function translateClassic(token: string, props: Props): ClassicTranslation | undefined {
  const shape = classicShapes[token];
  if (!shape) return undefined;
  const inputs: Props = {};
  for (const [path, value] of Object.entries(shape.constants ?? {})) put(inputs, path, value);
  for (const field of shape.fields) {
    const value = props[field.from];
    if (value === undefined) continue;
    const converted = isUnknown(value) ? unknown : field.as ? field.as(value, props) : value;
    if (converted !== undefined) put(inputs, field.to, converted);
  }
  return { kind: shape.kind, inputs, sources: sourcesByToken.get(token)! };
}
