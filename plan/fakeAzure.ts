/**
 * A deterministic fake of Azure Resource Manager for the Pulumi SDK's mock monitor: realistic ARM ids,
 * the computed outputs our code reads (workspace discovery URL and identity, endpoint DNS configs) and
 * private IPs handed out in order from the subnets the program declares. The same program always gets
 * the same ids and addresses, so plans and tests are reproducible.
 *
 * At preview (`preview: true`) it answers like the engine does for resources not yet created: no id and no
 * computed outputs, so every in-stack id is unknown.
 */
import { createHash } from "crypto";
import type * as pulumi from "@pulumi/pulumi";
import { addressAt, parseCidr, type Cidr } from "../policy/azure/cidr";
import { armIdKey, parseArmId } from "../policy/azure/armId";
import { cloudOfRegion } from "../policy/azure/locations";
import type { AzureCloud, GroupId } from "../policy/azure/clouds";
import { translateClassic } from "../policy/model/classicShapes";
import type { Kind } from "../policy/model/kinds";
import {
  armError,
  functionApiVersions,
  identityInvokes,
  notFoundError,
  unknownInvokeError,
  unservedVersionError,
} from "./fakeInvokes";
import { egressIdShapes } from "./fakeEgress";
import { deployedResources } from "./fakeTemplates";
import { secretsOpened } from "./modelResources";

const sigKey = "4dabf18193072939515e22adb298388d";
const secretSig = "1b47061264138c4ac30d75fd1eb44270";
const isSecretValue = (v: unknown) =>
  typeof v === "object" && v !== null && (v as Record<string, unknown>)[sigKey] === secretSig;

export const fakeSubscriptionId = "00000000-1111-2222-3333-444444444444";
export const fakeTenantId = "99999999-8888-7777-6666-555555555555";
export const fakeClientObjectId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

/** How an azure-native token maps to an ARM id: provider namespace and (type segment, name input) pairs. */
export interface IdShape {
  provider: string;
  segments: [type: string, nameInput: string][];
}

const idShapes: Record<string, IdShape> = {
  "storage:StorageAccount": { provider: "Microsoft.Storage", segments: [["storageAccounts", "accountName"]] },
  "keyvault:Vault": { provider: "Microsoft.KeyVault", segments: [["vaults", "vaultName"]] },
  "containerregistry:Registry": {
    provider: "Microsoft.ContainerRegistry",
    segments: [["registries", "registryName"]],
  },
  "applicationinsights:Component": {
    provider: "Microsoft.Insights",
    segments: [["components", "resourceName"]],
  },
  "operationalinsights:Workspace": {
    provider: "Microsoft.OperationalInsights",
    segments: [["workspaces", "workspaceName"]],
  },
  "machinelearningservices:Workspace": {
    provider: "Microsoft.MachineLearningServices",
    segments: [["workspaces", "workspaceName"]],
  },
  "machinelearningservices:Compute": {
    provider: "Microsoft.MachineLearningServices",
    segments: [
      ["workspaces", "workspaceName"],
      ["computes", "computeName"],
    ],
  },
  "machinelearningservices:OnlineEndpoint": {
    provider: "Microsoft.MachineLearningServices",
    segments: [
      ["workspaces", "workspaceName"],
      ["onlineEndpoints", "endpointName"],
    ],
  },
  "machinelearningservices:BatchEndpoint": {
    provider: "Microsoft.MachineLearningServices",
    segments: [
      ["workspaces", "workspaceName"],
      ["batchEndpoints", "endpointName"],
    ],
  },
  "machinelearningservices:Datastore": {
    provider: "Microsoft.MachineLearningServices",
    segments: [
      ["workspaces", "workspaceName"],
      ["datastores", "name"],
    ],
  },
  "machinelearningservices:OnlineDeployment": {
    provider: "Microsoft.MachineLearningServices",
    segments: [
      ["workspaces", "workspaceName"],
      ["onlineEndpoints", "endpointName"],
      ["deployments", "deploymentName"],
    ],
  },
  "machinelearningservices:ManagedNetworkSettingsRule": {
    provider: "Microsoft.MachineLearningServices",
    segments: [
      ["workspaces", "workspaceName"],
      ["outboundRules", "ruleName"],
    ],
  },
  "machinelearningservices:OutboundRule": {
    provider: "Microsoft.MachineLearningServices",
    segments: [
      ["workspaces", "workspaceName"],
      ["managedNetworks", "managedNetworkName"],
      ["outboundRules", "ruleName"],
    ],
  },
  "network:NetworkInterface": {
    provider: "Microsoft.Network",
    segments: [["networkInterfaces", "networkInterfaceName"]],
  },
  "network:VirtualNetwork": {
    provider: "Microsoft.Network",
    segments: [["virtualNetworks", "virtualNetworkName"]],
  },
  "network:Subnet": {
    provider: "Microsoft.Network",
    segments: [
      ["virtualNetworks", "virtualNetworkName"],
      ["subnets", "subnetName"],
    ],
  },
  "network:PrivateEndpoint": {
    provider: "Microsoft.Network",
    segments: [["privateEndpoints", "privateEndpointName"]],
  },
  "network:PrivateDnsZoneGroup": {
    provider: "Microsoft.Network",
    segments: [
      ["privateEndpoints", "privateEndpointName"],
      ["privateDnsZoneGroups", "privateDnsZoneGroupName"],
    ],
  },
  "privatedns:PrivateZone": {
    provider: "Microsoft.Network",
    segments: [["privateDnsZones", "privateZoneName"]],
  },
  "privatedns:VirtualNetworkLink": {
    provider: "Microsoft.Network",
    segments: [
      ["privateDnsZones", "privateZoneName"],
      ["virtualNetworkLinks", "virtualNetworkLinkName"],
    ],
  },
  // The network graph: peerings, DNS private resolvers, forwarding rulesets, firewalls.
  "network:VirtualNetworkPeering": {
    provider: "Microsoft.Network",
    segments: [
      ["virtualNetworks", "virtualNetworkName"],
      ["virtualNetworkPeerings", "virtualNetworkPeeringName"],
    ],
  },
  "dnsresolver:DnsResolver": {
    provider: "Microsoft.Network",
    segments: [["dnsResolvers", "dnsResolverName"]],
  },
  "dnsresolver:InboundEndpoint": {
    provider: "Microsoft.Network",
    segments: [
      ["dnsResolvers", "dnsResolverName"],
      ["inboundEndpoints", "inboundEndpointName"],
    ],
  },
  "dnsresolver:OutboundEndpoint": {
    provider: "Microsoft.Network",
    segments: [
      ["dnsResolvers", "dnsResolverName"],
      ["outboundEndpoints", "outboundEndpointName"],
    ],
  },
  "dnsresolver:DnsForwardingRuleset": {
    provider: "Microsoft.Network",
    segments: [["dnsForwardingRulesets", "dnsForwardingRulesetName"]],
  },
  "dnsresolver:ForwardingRule": {
    provider: "Microsoft.Network",
    segments: [
      ["dnsForwardingRulesets", "dnsForwardingRulesetName"],
      ["forwardingRules", "forwardingRuleName"],
    ],
  },
  "dnsresolver:PrivateResolverVirtualNetworkLink": {
    provider: "Microsoft.Network",
    segments: [
      ["dnsForwardingRulesets", "dnsForwardingRulesetName"],
      ["virtualNetworkLinks", "virtualNetworkLinkName"],
    ],
  },
  "network:AzureFirewall": {
    provider: "Microsoft.Network",
    segments: [["azureFirewalls", "azureFirewallName"]],
  },
  "network:FirewallPolicy": {
    provider: "Microsoft.Network",
    segments: [["firewallPolicies", "firewallPolicyName"]],
  },
  "containerservice:ManagedCluster": {
    provider: "Microsoft.ContainerService",
    segments: [["managedClusters", "resourceName"]],
  },
  "synapse:Workspace": { provider: "Microsoft.Synapse", segments: [["workspaces", "workspaceName"]] },
  "resources:Deployment": { provider: "Microsoft.Resources", segments: [["deployments", "deploymentName"]] },
  "datafactory:Factory": { provider: "Microsoft.DataFactory", segments: [["factories", "factoryName"]] },
  "datafactory:ManagedVirtualNetwork": {
    provider: "Microsoft.DataFactory",
    segments: [
      ["factories", "factoryName"],
      ["managedVirtualNetworks", "managedVirtualNetworkName"],
    ],
  },
  "datafactory:ManagedPrivateEndpoint": {
    provider: "Microsoft.DataFactory",
    segments: [
      ["factories", "factoryName"],
      ["managedVirtualNetworks", "managedVirtualNetworkName"],
      ["managedPrivateEndpoints", "managedPrivateEndpointName"],
    ],
  },
};

/**
 * How a classic `@pulumi/azure` token maps to an ARM id: under its resource group like an azure-native
 * shape (the last segment is the resource's name), or under a parent whose id an input holds.
 */
type ClassicIdShape = IdShape | { parentId: string; path: string };

const classicIdShapes: Record<string, ClassicIdShape> = {
  "azure:machinelearning/workspace:Workspace": {
    provider: "Microsoft.MachineLearningServices",
    segments: [["workspaces", "name"]],
  },
  "azure:storage/account:Account": { provider: "Microsoft.Storage", segments: [["storageAccounts", "name"]] },
  "azure:keyvault/keyVault:KeyVault": { provider: "Microsoft.KeyVault", segments: [["vaults", "name"]] },
  "azure:containerservice/registry:Registry": {
    provider: "Microsoft.ContainerRegistry",
    segments: [["registries", "name"]],
  },
  "azure:appinsights/insights:Insights": {
    provider: "Microsoft.Insights",
    segments: [["components", "name"]],
  },
  "azure:network/virtualNetwork:VirtualNetwork": {
    provider: "Microsoft.Network",
    segments: [["virtualNetworks", "name"]],
  },
  "azure:network/subnet:Subnet": {
    provider: "Microsoft.Network",
    segments: [
      ["virtualNetworks", "virtualNetworkName"],
      ["subnets", "name"],
    ],
  },
  "azure:privatelink/endpoint:Endpoint": {
    provider: "Microsoft.Network",
    segments: [["privateEndpoints", "name"]],
  },
  "azure:privatedns/zone:Zone": { provider: "Microsoft.Network", segments: [["privateDnsZones", "name"]] },
  "azure:privatedns/zoneVirtualNetworkLink:ZoneVirtualNetworkLink": {
    provider: "Microsoft.Network",
    segments: [
      ["privateDnsZones", "privateDnsZoneName"],
      ["virtualNetworkLinks", "name"],
    ],
  },
  // The network graph (classic): peerings, DNS servers, DNS private resolvers, rulesets, firewalls.
  "azure:network/virtualNetworkPeering:VirtualNetworkPeering": {
    provider: "Microsoft.Network",
    segments: [
      ["virtualNetworks", "virtualNetworkName"],
      ["virtualNetworkPeerings", "name"],
    ],
  },
  "azure:network/virtualNetworkDnsServers:VirtualNetworkDnsServers": {
    parentId: "virtualNetworkId",
    path: "dnsServers",
  },
  "azure:privatedns/resolver:Resolver": {
    provider: "Microsoft.Network",
    segments: [["dnsResolvers", "name"]],
  },
  "azure:privatedns/resolverInboundEndpoint:ResolverInboundEndpoint": {
    parentId: "privateDnsResolverId",
    path: "inboundEndpoints",
  },
  "azure:privatedns/resolverOutboundEndpoint:ResolverOutboundEndpoint": {
    parentId: "privateDnsResolverId",
    path: "outboundEndpoints",
  },
  "azure:privatedns/resolverDnsForwardingRuleset:ResolverDnsForwardingRuleset": {
    provider: "Microsoft.Network",
    segments: [["dnsForwardingRulesets", "name"]],
  },
  "azure:privatedns/resolverForwardingRule:ResolverForwardingRule": {
    parentId: "dnsForwardingRulesetId",
    path: "forwardingRules",
  },
  "azure:privatedns/resolverVirtualNetworkLink:ResolverVirtualNetworkLink": {
    parentId: "dnsForwardingRulesetId",
    path: "virtualNetworkLinks",
  },
  "azure:network/firewall:Firewall": {
    provider: "Microsoft.Network",
    segments: [["azureFirewalls", "name"]],
  },
  "azure:network/networkInterface:NetworkInterface": {
    provider: "Microsoft.Network",
    segments: [["networkInterfaces", "name"]],
  },
  "azure:network/firewallPolicy:FirewallPolicy": {
    provider: "Microsoft.Network",
    segments: [["firewallPolicies", "name"]],
  },
  "azure:containerservice/kubernetesCluster:KubernetesCluster": {
    provider: "Microsoft.ContainerService",
    segments: [["managedClusters", "name"]],
  },
  "azure:machinelearning/computeCluster:ComputeCluster": {
    parentId: "machineLearningWorkspaceId",
    path: "computes",
  },
  "azure:machinelearning/computeInstance:ComputeInstance": {
    parentId: "machineLearningWorkspaceId",
    path: "computes",
  },
  "azure:machinelearning/inferenceCluster:InferenceCluster": {
    parentId: "machineLearningWorkspaceId",
    path: "computes",
  },
  "azure:machinelearning/datastoreBlobstorage:DatastoreBlobstorage": {
    parentId: "workspaceId",
    path: "datastores",
  },
  "azure:machinelearning/datastoreFileshare:DatastoreFileshare": {
    parentId: "workspaceId",
    path: "datastores",
  },
  "azure:machinelearning/datastoreDatalakeGen2:DatastoreDatalakeGen2": {
    parentId: "workspaceId",
    path: "datastores",
  },
  "azure:machinelearning/workspaceNetworkOutboundRuleFqdn:WorkspaceNetworkOutboundRuleFqdn": {
    parentId: "workspaceId",
    path: "outboundRules",
  },
  "azure:machinelearning/workspaceNetworkOutboundRulePrivateEndpoint:WorkspaceNetworkOutboundRulePrivateEndpoint":
    {
      parentId: "workspaceId",
      path: "outboundRules",
    },
  "azure:machinelearning/workspaceNetworkOutboundRuleServiceTag:WorkspaceNetworkOutboundRuleServiceTag": {
    parentId: "workspaceId",
    path: "outboundRules",
  },
  "azure:storage/container:Container": {
    parentId: "storageAccountId",
    path: "blobServices/default/containers",
  },
  "azure:storage/share:Share": { parentId: "storageAccountId", path: "fileServices/default/shares" },
};

/** The azure-native resource whose computed outputs a classic resource of each kind shares. */
const nativeKeys: Partial<Record<Kind, string>> = {
  workspace: "machinelearningservices:Workspace",
  storageAccount: "storage:StorageAccount",
  keyVault: "keyvault:Vault",
  containerRegistry: "containerregistry:Registry",
  virtualNetwork: "network:VirtualNetwork",
  subnet: "network:Subnet",
  privateEndpoint: "network:PrivateEndpoint",
  vnetPeering: "network:VirtualNetworkPeering",
  resolverInboundEndpoint: "dnsresolver:InboundEndpoint",
  firewall: "network:AzureFirewall",
  networkInterface: "network:NetworkInterface",
};

/** A classic firewall's or NIC's IP configuration blocks, each with the private IP Azure gave it. */
const classicPrivateIps = (native: Record<string, unknown>, classic: Record<string, unknown>) =>
  ((classic.ipConfigurations as object[] | undefined) ?? []).map((config, i) => ({
    ...config,
    privateIpAddress: (native.ipConfigurations as { privateIPAddress?: string }[])[i]?.privateIPAddress,
  }));

/** The azure-native computed outputs under the classic provider's names. */
const classicOutputs: Partial<
  Record<Kind, (native: Record<string, unknown>, classic: Record<string, unknown>) => Record<string, unknown>>
> = {
  workspace: (n) => ({ discoveryUrl: n.discoveryUrl, workspaceId: n.workspaceId, identity: n.identity }),
  storageAccount: (n) =>
    Object.fromEntries(
      Object.entries((n.primaryEndpoints as Record<string, string>) ?? {}).map(([service, url]) => [
        `primary${service[0].toUpperCase()}${service.slice(1)}Endpoint`,
        url,
      ]),
    ),
  keyVault: (n) => ({ vaultUri: (n.properties as { vaultUri?: string }).vaultUri }),
  containerRegistry: (n) => ({ loginServer: n.loginServer }),
  privateEndpoint: (n) => ({ customDnsConfigs: n.customDnsConfigs, networkInterfaces: n.networkInterfaces }),
  // The private IPs Azure hands out, under the classic names (one inbound block; a list of firewall blocks).
  resolverInboundEndpoint: (n, c) => ({
    ipConfigurations: {
      ...(c.ipConfigurations as object),
      privateIpAddress: (n.ipConfigurations as { privateIpAddress?: string }[])[0]?.privateIpAddress,
    },
  }),
  firewall: (n, c) => ({ ipConfigurations: classicPrivateIps(n, c) }),
  // azurerm's NIC also returns its first private IP and the list of them.
  networkInterface: (n, c) => {
    const ipConfigurations = classicPrivateIps(n, c);
    const ips = ipConfigurations.map((config) => config.privateIpAddress);
    return { ipConfigurations, privateIpAddress: ips[0], privateIpAddresses: ips };
  },
  // Azure gives inline subnets their ids.
  virtualNetwork: (n) => ({
    subnets: ((n.subnets as { name?: string }[] | undefined) ?? []).map((s) => ({
      ...s,
      id: `${String(n.id)}/subnets/${s.name}`,
    })),
  }),
};

/**
 * The IP configuration inputs of resources Azure hands a private IP from their subnet (ARM names per type:
 * InboundEndpoint IpConfiguration, AzureFirewallIPConfiguration, NetworkInterfaceIPConfiguration).
 */
const privateIpInputs: Record<string, { ip: string; method?: string }> = {
  "dnsresolver:InboundEndpoint": { ip: "privateIpAddress", method: "privateIpAllocationMethod" },
  "network:AzureFirewall": { ip: "privateIPAddress" },
  "network:NetworkInterface": { ip: "privateIPAddress", method: "privateIPAllocationMethod" },
};

/** Public FQDN patterns per group id and cloud: `{name}`, `{region}`, `{guid}` are filled in. */
const endpointFqdns: Record<AzureCloud, Record<GroupId, string[]>> = {
  AzureCloud: {
    amlworkspace: [
      "{guid}.workspace.{region}.api.azureml.ms",
      "{guid}.workspace.{region}.cert.api.azureml.ms",
      "ml-{name}-{region}-{guid}.{region}.notebooks.azure.net",
    ],
    blob: ["{name}.blob.core.windows.net"],
    file: ["{name}.file.core.windows.net"],
    queue: ["{name}.queue.core.windows.net"],
    table: ["{name}.table.core.windows.net"],
    dfs: ["{name}.dfs.core.windows.net"],
    vault: ["{name}.vault.azure.net"],
    registry: ["{name}.azurecr.io", "{name}.{region}.data.azurecr.io"],
  },
  AzureChinaCloud: {
    amlworkspace: [
      "{guid}.workspace.{region}.api.ml.azure.cn",
      "{guid}.workspace.{region}.cert.api.ml.azure.cn",
      "ml-{name}-{region}-{guid}.{region}.notebooks.chinacloudapi.cn",
    ],
    blob: ["{name}.blob.core.chinacloudapi.cn"],
    file: ["{name}.file.core.chinacloudapi.cn"],
    queue: ["{name}.queue.core.chinacloudapi.cn"],
    table: ["{name}.table.core.chinacloudapi.cn"],
    dfs: ["{name}.dfs.core.chinacloudapi.cn"],
    vault: ["{name}.vault.azure.cn"],
    registry: ["{name}.azurecr.cn", "{name}.{region}.data.azurecr.cn"],
  },
  AzureUSGovernment: {
    amlworkspace: [
      "{guid}.workspace.{region}.api.ml.azure.us",
      "{guid}.workspace.{region}.cert.api.ml.azure.us",
      "ml-{name}-{region}-{guid}.{region}.notebooks.usgovcloudapi.net",
    ],
    blob: ["{name}.blob.core.usgovcloudapi.net"],
    file: ["{name}.file.core.usgovcloudapi.net"],
    queue: ["{name}.queue.core.usgovcloudapi.net"],
    table: ["{name}.table.core.usgovcloudapi.net"],
    dfs: ["{name}.dfs.core.usgovcloudapi.net"],
    vault: ["{name}.vault.usgovcloudapi.net"],
    registry: ["{name}.azurecr.us", "{name}.{region}.data.azurecr.us"],
  },
};

/** A private endpoint connection as it appears on its target. */
interface FakeConnection {
  id: string;
  name: string;
  privateEndpoint: { id: string };
  privateLinkServiceConnectionState: { status: string; description: string };
}

/** The fake's resources and connections as a plan's state file keeps them. */
export interface FakeAzureSnapshot {
  live: Record<string, Record<string, unknown>>;
  connections: Record<string, FakeConnection[]>;
}

/** Invokes that GET a private-link target: its ARM type, the argument naming it, where connections sit. */
const targetReads: Record<
  string,
  {
    type: string;
    nameArg: string;
    result: (c: FakeConnection[]) => Record<string, unknown>;
    /** The function's result has the ARM `properties` at its top level. */
    flatten?: boolean;
  }
> = {
  "azure-native:machinelearningservices:getWorkspace": {
    type: "Microsoft.MachineLearningServices/workspaces",
    nameArg: "workspaceName",
    flatten: true,
    result: (c) => ({ privateEndpointConnections: c }),
  },
  "azure-native:storage:getStorageAccount": {
    type: "Microsoft.Storage/storageAccounts",
    nameArg: "accountName",
    result: (c) => ({ privateEndpointConnections: c }),
  },
  "azure-native:keyvault:getVault": {
    type: "Microsoft.KeyVault/vaults",
    nameArg: "vaultName",
    result: (c) => ({ properties: { privateEndpointConnections: c } }),
  },
  "azure-native:containerregistry:getRegistry": {
    type: "Microsoft.ContainerRegistry/registries",
    nameArg: "registryName",
    result: (c) => ({ privateEndpointConnections: c }),
  },
};

/**
 * The rules Azure adds to a managed network itself (category Required, [MN] §List of required rules): private
 * endpoint rules to the workspace's dependencies (in AllowInternetOutbound only those with public network access
 * disabled) and, in AllowOnlyApprovedOutbound, service tag rules. Which storage sub-resources are covered and what
 * the rules are named is undocumented (facts §1.6): blob and file (the studio and compute instances use both) and
 * `__SYS_PE_<target>_<sub-resource>` / `__SYS_ST_<tag>` names are this fake's choice.
 */
const requiredDependencyRules: { property: string; subresources: string[] }[] = [
  { property: "storageAccount", subresources: ["blob", "file"] },
  { property: "keyVault", subresources: ["vault"] },
  { property: "containerRegistry", subresources: ["registry"] },
];
const requiredServiceTags = [
  "AzureActiveDirectory",
  "AzureMachineLearning",
  "BatchNodeManagement.{region}",
  "AzureResourceManager",
  "AzureFrontDoor.FirstParty",
  "MicrosoftContainerRegistry",
  "AzureMonitor",
];

interface FakeManagedNetwork {
  isolationMode?: string;
  outboundRules?: Record<string, { type: string; destination?: unknown }>;
  firewallSku?: string;
}

/** A subnet's `addressPrefix`, or the first of its `addressPrefixes` (the classic provider's only form). */
function firstPrefix(subnet: Record<string, unknown>): string | undefined {
  const single = subnet.addressPrefix;
  const first = Array.isArray(subnet.addressPrefixes) ? (subnet.addressPrefixes[0] as unknown) : undefined;
  return typeof single === "string" ? single : typeof first === "string" ? first : undefined;
}

/** A GUID-shaped value derived from `seed`. */
export function fakeGuid(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function suffix(seed: string, length: number): string {
  return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

/** The fake ARM, one per program run. */
export class FakeAzure implements pulumi.runtime.Mocks {
  private readonly subnets = new Map<string, { cidr: Cidr; next: number }>();
  /** Private endpoint connections by target (ARM id key), in creation order. */
  private readonly connections: Map<string, FakeConnection[]>;
  /** Every resource's state as a GET returns it, by ARM id key. */
  private readonly live: Map<string, Record<string, unknown>>;

  /**
   * `preview`: answer like the engine at preview. `existing`: the fake of an earlier run, whose resources this one
   * sees as live (a later `pulumi preview` or `pulumi up` of the same stack).
   */
  constructor(
    readonly preview: boolean,
    existing?: FakeAzure,
  ) {
    this.connections = existing?.connections ?? new Map();
    this.live = existing?.live ?? new Map();
  }

  /**
   * A resource as ARM creates it. The fake reads its inputs with their secret envelopes opened (a secret is a
   * value like any other to Azure), and answers with the outputs of a secret input secret again, as the engine
   * marks them; what it keeps live keeps those envelopes, so a state file can hash them.
   */
  newResource(args: pulumi.runtime.MockResourceArgs): {
    id: string | undefined;
    state: Record<string, unknown>;
  } {
    const sent = args.inputs as Record<string, unknown>;
    const secrets = new Set(Object.keys(sent).filter((key) => isSecretValue(sent[key])));
    const answer = this.answer({ ...args, inputs: secretsOpened(sent) }, secrets);
    for (const key of secrets)
      if (answer.state[key] !== undefined)
        answer.state[key] = { [sigKey]: secretSig, value: answer.state[key] };
    return answer;
  }

  private answer(
    args: pulumi.runtime.MockResourceArgs,
    secrets: ReadonlySet<string>,
  ): {
    id: string | undefined;
    state: Record<string, unknown>;
  } {
    const inputs = args.inputs as Record<string, unknown>;
    if (this.preview) return this.previewOf(args);
    const [pkg, module, type] = args.type.split(":");
    if (pkg === "random") return this.randomResource(args);
    if (pkg === "azure") return this.classicResource(args);
    if (pkg !== "azure-native") return { id: `${args.name}-id`, state: { ...inputs } };
    const name = this.azureName(`${module}:${type}`, args);
    const id = this.armId(`${module}:${type}`, args.type, inputs, name);
    if (`${module}:${type}` === "datafactory:ManagedPrivateEndpoint") this.requireManagedVnet(id);
    const state: Record<string, unknown> = { ...inputs, id, name };
    this.addComputedOutputs(`${module}:${type}`, id, inputs, state);
    this.addConnections(`${module}:${type}`, id, name, inputs);
    // ARM validates a template before it stores the deployment.
    if (`${module}:${type}` === "resources:Deployment") this.deploy(inputs, secrets.has("properties"));
    this.live.set(armIdKey(id), state);
    return { id, state };
  }

  /**
   * A template deployment's resources, as Azure leaves them: each is live with the body it sent, and an
   * approved private endpoint connection takes the state the template gives it. A deployment whose properties
   * are secret leaves its resources' bodies secret.
   */
  private deploy(inputs: Record<string, unknown>, secret: boolean) {
    const group = `/subscriptions/${fakeSubscriptionId}/resourceGroups/${String(inputs.resourceGroupName)}`;
    for (const resource of deployedResources(group, inputs)) {
      this.live.set(armIdKey(resource.id), {
        ...resource,
        ...(secret && { properties: { [sigKey]: secretSig, value: resource.properties } }),
      });
      const [targetId] = resource.id.split("/privateEndpointConnections/");
      if (targetId === resource.id) continue;
      const state = (resource.properties as { privateLinkServiceConnectionState?: object } | undefined)
        ?.privateLinkServiceConnectionState;
      const list = this.connections.get(armIdKey(targetId)) ?? [];
      this.connections.set(
        armIdKey(targetId),
        list.map((c) =>
          armIdKey(c.id) === armIdKey(resource.id) && state
            ? {
                ...c,
                privateLinkServiceConnectionState: { ...c.privateLinkServiceConnectionState, ...state },
              }
            : c,
        ),
      );
    }
  }

  /**
   * A managed private endpoint lives in its factory's managed VNet: in a factory this fake made, one whose
   * managed VNet does not exist is refused as ARM refuses a child of a missing parent. (A factory made
   * elsewhere is not known here, so its managed VNet is taken to exist.)
   */
  private requireManagedVnet(id: string) {
    const vnetId = id.split("/managedPrivateEndpoints/")[0];
    const factoryId = vnetId.split("/managedVirtualNetworks/")[0];
    if (!this.live.has(armIdKey(factoryId)) || this.live.has(armIdKey(vnetId))) return;
    throw armError(
      `request failed ${id}: Status=404 Code="ParentResourceNotFound" Message="Failed to perform 'write' on ` +
        `resource(s) of type 'factories/managedVirtualNetworks/managedPrivateEndpoints', because the parent ` +
        `resource '${vnetId}' could not be found."`,
    );
  }

  /**
   * `getResource` of the generic provider: a GET at the function's own API version (not the `apiVersion` it is
   * given), so a type that has no such version answers ARM's 400; else the stored state, or ARM's 404.
   */
  private getResource(inputs: Record<string, string>): Record<string, unknown> {
    const parent = inputs.parentResourcePath ? `/${inputs.parentResourcePath}` : "";
    const id = `/subscriptions/${fakeSubscriptionId}/resourceGroups/${inputs.resourceGroupName}/providers/${inputs.resourceProviderNamespace}${parent}/${inputs.resourceType}/${inputs.resourceName}`;
    const apiVersion = functionApiVersions["azure-native:resources:getResource"];
    const state = this.live.get(armIdKey(id));
    const refused = unservedVersionError(
      id,
      inputs.resourceProviderNamespace,
      inputs.resourceType,
      apiVersion,
      String(state?.location ?? "eastus"),
    );
    if (refused) throw refused;
    if (!state)
      throw notFoundError(
        id,
        inputs.resourceProviderNamespace,
        inputs.resourceType,
        inputs.resourceName,
        inputs.resourceGroupName,
      );
    return { ...state, azureApiVersion: apiVersion };
  }

  /**
   * The managed network as Azure reads it back: the user's rules, Azure's Required rules, the provisioning
   * status (Active once provisioned at creation) and the firewall's public IP when FQDN rules exist.
   */
  private managedNetworkReadBack(id: string, location: string, properties: Record<string, unknown>) {
    const sent = properties.managedNetwork as FakeManagedNetwork | undefined;
    const mode = sent?.isolationMode ?? "Disabled";
    if (!sent || mode === "Disabled") return undefined;
    const approved = mode === "AllowOnlyApprovedOutbound";
    const rules: Record<string, unknown> = {};
    for (const [name, rule] of Object.entries(sent.outboundRules ?? {}))
      rules[name] = { ...rule, category: "UserDefined", status: "Active" };
    for (const { property, subresources } of requiredDependencyRules) {
      const targetId = properties[property];
      if (typeof targetId !== "string") continue;
      const target = this.liveOpened(targetId);
      const publicAccess = (target?.publicNetworkAccess ??
        (target?.properties as { publicNetworkAccess?: string } | undefined)?.publicNetworkAccess) as
        string | undefined;
      if (!approved && publicAccess !== "Disabled") continue;
      for (const sub of subresources) {
        rules[`__SYS_PE_${parseArmId(targetId)?.name ?? property}_${sub}`] = {
          type: "PrivateEndpoint",
          category: "Required",
          status: "Active",
          destination: {
            serviceResourceId: targetId,
            subresourceTarget: sub,
            sparkEnabled: false,
            sparkStatus: "Inactive",
          },
        };
      }
    }
    if (approved) {
      for (const tag of requiredServiceTags) {
        const serviceTag = tag.replace("{region}", location);
        rules[`__SYS_ST_${serviceTag}`] = {
          type: "ServiceTag",
          category: "Required",
          status: "Active",
          destination: { serviceTag, protocol: "TCP", portRanges: "443", action: "Allow" },
        };
      }
    }
    const hasFqdn = Object.values(sent.outboundRules ?? {}).some((r) => r.type === "FQDN");
    return {
      ...sent,
      outboundRules: rules,
      networkId: fakeGuid(`managed-network:${id}`),
      status: { status: properties.provisionNetworkNow === true ? "Active" : "Inactive", sparkReady: false },
      ...(hasFqdn
        ? {
            firewallSku: sent.firewallSku ?? "Standard",
            firewallPublicIpAddress: `20.${parseInt(suffix(id, 2), 16)}.${parseInt(suffix(`${id}:ip`, 2), 16)}.4`,
          }
        : {}),
    };
  }

  call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    const identity = identityInvokes[args.token];
    if (identity) return identity(args.inputs as Record<string, unknown>);
    if (args.token === "azure-native:resources:getResource")
      return this.getResource(args.inputs as Record<string, string>);
    const read = targetReads[args.token];
    if (read) return this.targetRead(args.token, read, args.inputs as Record<string, string>);
    throw unknownInvokeError(args.token);
  }

  /**
   * A typed GET of a private-link target: the live resource as the function returns it (the workspace's
   * `properties` flattened, as its SDK shape has them) with the connections made to it; ARM's 404 for one that
   * neither this stack made nor has connections to (so a workspace's first deployment reads as absent).
   */
  private targetRead(
    token: string,
    read: (typeof targetReads)[string],
    inputs: Record<string, string>,
  ): Record<string, unknown> {
    const [namespace, type] = read.type.split("/");
    const targetId = `/subscriptions/${fakeSubscriptionId}/resourceGroups/${inputs.resourceGroupName}/providers/${read.type}/${inputs[read.nameArg]}`;
    const state = this.live.get(armIdKey(targetId));
    const connections = this.connections.get(armIdKey(targetId));
    if (!state && !connections)
      throw notFoundError(targetId, namespace, type, inputs[read.nameArg], inputs.resourceGroupName);
    const shown = read.flatten
      ? { ...state, ...(state?.properties as Record<string, unknown> | undefined), properties: undefined }
      : state;
    return {
      ...shown,
      id: targetId,
      ...read.result(connections ?? []),
      azureApiVersion: functionApiVersions[token],
    };
  }

  /**
   * The resource as a GET returns it once the program has run (what cloud discovery reads): `state` with
   * its id and ARM `type`, and for a private-link target the connections of the endpoints made to it.
   */
  readBack(id: string, state: Record<string, unknown>): Record<string, unknown> {
    const parsed = parseArmId(id);
    const out: Record<string, unknown> = { ...state, id, ...(parsed && { type: parsed.type }) };
    const read = Object.values(targetReads).find((r) => r.type.toLowerCase() === parsed?.type.toLowerCase());
    if (!read) return out;
    for (const [key, value] of Object.entries(read.result(this.connections.get(armIdKey(id)) ?? []))) {
      const current = out[key];
      out[key] =
        current && typeof current === "object" && value && typeof value === "object"
          ? { ...current, ...value }
          : value;
    }
    return out;
  }

  /**
   * The connections an endpoint creates on its target: a VNet private endpoint's are Approved (automatic
   * approval, or Pending for manual connections); a Data Factory managed private endpoint's is Pending and
   * its private endpoint, in a Microsoft-managed subscription, is named `<factory>.<managed endpoint>`.
   */
  private addConnections(key: string, id: string, name: string, inputs: Record<string, unknown>) {
    const add = (targetId: string | undefined, privateEndpointId: string, status: string) => {
      if (!targetId) return;
      const peName = privateEndpointId.split("/").pop()!;
      const connection = {
        id: `${targetId}/privateEndpointConnections/${peName}.${fakeGuid(privateEndpointId)}`,
        name: `${peName}.${fakeGuid(privateEndpointId)}`,
        privateEndpoint: { id: privateEndpointId },
        privateLinkServiceConnectionState: { status, description: "" },
      };
      // A later run's update of the same endpoint keeps one connection, as Azure does.
      const list = (this.connections.get(armIdKey(targetId)) ?? []).filter((c) => c.id !== connection.id);
      this.connections.set(armIdKey(targetId), [...list, connection]);
    };
    if (key === "network:PrivateEndpoint") {
      for (const [list, status] of [
        ["privateLinkServiceConnections", "Approved"],
        ["manualPrivateLinkServiceConnections", "Pending"],
      ] as const) {
        for (const c of (inputs[list] as { privateLinkServiceId?: string }[] | undefined) ?? [])
          add(c.privateLinkServiceId, id, status);
      }
    }
    if (key === "datafactory:ManagedPrivateEndpoint") {
      const factory = String(inputs.factoryName);
      const target = (inputs.properties as { privateLinkResourceId?: string } | undefined)
        ?.privateLinkResourceId;
      const managedSubscription = fakeGuid(`managed-vnet:${factory}`);
      add(
        target,
        `/subscriptions/${managedSubscription}/resourceGroups/managed-${factory}/providers/Microsoft.Network/privateEndpoints/${factory}.${name}`,
        "Pending",
      );
    }
  }

  /**
   * A classic `@pulumi/azure` resource: the Terraform-bridged state is every input plus its id, its name
   * (auto-named like the provider: logical name plus a random suffix) and the computed outputs our code
   * reads, taken from the azure-native answer for the same resource.
   */
  private classicResource(args: pulumi.runtime.MockResourceArgs) {
    const inputs = args.inputs as Record<string, unknown>;
    const name = typeof inputs.name === "string" ? inputs.name : `${args.name}${suffix(args.name, 7)}`;
    const shape = classicIdShapes[args.type];
    const id =
      args.type === "azure:core/resourceGroup:ResourceGroup"
        ? `/subscriptions/${fakeSubscriptionId}/resourceGroups/${name}`
        : shape && "parentId" in shape
          ? `${String(inputs[shape.parentId])}/${shape.path}/${name}`
          : this.armIdOf(shape, args.type, inputs, name);
    const state: Record<string, unknown> = { ...inputs, id, name };
    const native = translateClassic(args.type, state);
    const key = native && nativeKeys[native.kind];
    if (native && key) {
      const nativeState: Record<string, unknown> = { ...native.inputs, name };
      this.addComputedOutputs(key, id, native.inputs, nativeState);
      this.addConnections(key, id, name, native.inputs);
      Object.assign(state, classicOutputs[native.kind]?.(nativeState, state));
    }
    // With `storageAccountId`, azurerm 4.x gives containers and shares their Resource Manager id.
    if (shape && "parentId" in shape && shape.parentId === "storageAccountId") state.resourceManagerId = id;
    return { id, state };
  }

  private randomResource(args: pulumi.runtime.MockResourceArgs) {
    const inputs = args.inputs as Record<string, unknown>;
    const length = typeof inputs.length === "number" ? inputs.length : 8;
    const result = suffix(args.name, Math.max(length, 1)).slice(0, length);
    return { id: `${args.name}-id`, state: { ...inputs, result } };
  }

  /** The resource's Azure name: its explicit name input, else Pulumi's auto-name (logical name + suffix). */
  private azureName(key: string, args: pulumi.runtime.MockResourceArgs): string {
    const inputs = args.inputs as Record<string, unknown>;
    const shape = idShapes[key] ?? egressIdShapes[key];
    const nameInput = shape
      ? shape.segments[shape.segments.length - 1][1]
      : (
          { "resources:ResourceGroup": "resourceGroupName", "resources:Resource": "resourceName" } as Record<
            string,
            string
          >
        )[key];
    const explicit = nameInput ? inputs[nameInput] : undefined;
    return typeof explicit === "string" ? explicit : `${args.name}${suffix(args.name, 7)}`;
  }

  private armId(key: string, token: string, inputs: Record<string, unknown>, name: string): string {
    const sub = `/subscriptions/${fakeSubscriptionId}`;
    if (key === "resources:ResourceGroup") return `${sub}/resourceGroups/${name}`;
    if (key === "authorization:RoleAssignment") {
      return `${String(inputs.scope)}/providers/Microsoft.Authorization/roleAssignments/${fakeGuid(JSON.stringify(inputs))}`;
    }
    if (key === "resources:Resource") {
      const rg = `${sub}/resourceGroups/${String(inputs.resourceGroupName ?? "rg")}`;
      const parentPath = inputs.parentResourcePath ? `/${String(inputs.parentResourcePath)}` : "";
      return `${rg}/providers/${String(inputs.resourceProviderNamespace)}${parentPath}/${String(inputs.resourceType)}/${name}`;
    }
    return this.armIdOf(idShapes[key] ?? egressIdShapes[key], token, inputs, name);
  }

  /** The id of a resource under its resource group: its shape's segments, the last one named `name`. */
  private armIdOf(
    shape: IdShape | undefined,
    token: string,
    inputs: Record<string, unknown>,
    name: string,
  ): string {
    const rg = `/subscriptions/${fakeSubscriptionId}/resourceGroups/${String(inputs.resourceGroupName ?? "rg")}`;
    if (!shape) return `${rg}/providers/Pulumi.Fake/${token.replace(/[:/]/g, "_")}/${name}`;
    const path = shape.segments
      .map(([type, input], i) => `${type}/${i === shape.segments.length - 1 ? name : String(inputs[input])}`)
      .join("/");
    return `${rg}/providers/${shape.provider}/${path}`;
  }

  private addComputedOutputs(
    key: string,
    id: string,
    inputs: Record<string, unknown>,
    state: Record<string, unknown>,
  ) {
    const location = String(inputs.location ?? "eastus");
    const isWorkspace =
      key === "machinelearningservices:Workspace" ||
      (key === "resources:Resource" &&
        inputs.resourceProviderNamespace === "Microsoft.MachineLearningServices");
    if (isWorkspace) {
      const identity = {
        ...(inputs.identity as object),
        principalId: fakeGuid(`principal:${id}`),
        tenantId: fakeTenantId,
      };
      state.identity = identity;
      const computed = {
        workspaceId: fakeGuid(`workspace:${id}`),
        discoveryUrl: `https://${location}.api.azureml.ms/discovery`,
      };
      if (key === "resources:Resource") {
        const properties = { ...(inputs.properties as Record<string, unknown>), ...computed };
        const managedNetwork = this.managedNetworkReadBack(id, location, properties);
        state.properties = managedNetwork ? { ...properties, managedNetwork } : properties;
      } else Object.assign(state, computed);
    }
    if (key === "network:VirtualNetwork") {
      for (const subnet of (inputs.subnets as Record<string, unknown>[] | undefined) ?? []) {
        const prefix = firstPrefix(subnet);
        if (typeof subnet.name === "string" && prefix) this.addSubnet(`${id}/subnets/${subnet.name}`, prefix);
      }
    }
    const subnetPrefix = key === "network:Subnet" ? firstPrefix(inputs) : undefined;
    if (subnetPrefix) this.addSubnet(id, subnetPrefix);
    if (key === "network:PrivateEndpoint") Object.assign(state, this.endpointOutputs(id, inputs, location));
    Object.assign(state, this.networkGraphOutputs(key, id, inputs));
    if (key === "storage:StorageAccount") {
      const cloud = cloudOfRegion(location) ?? "AzureCloud";
      state.primaryEndpoints = Object.fromEntries(
        (["blob", "file", "queue", "table", "dfs"] as const).map((g) => [
          g,
          `https://${endpointFqdns[cloud][g][0].replace("{name}", String(state.name))}/`,
        ]),
      );
    }
    if (key === "containerregistry:Registry") state.loginServer = `${String(state.name)}.azurecr.io`;
    if (key === "keyvault:Vault") {
      state.properties = {
        ...(inputs.properties as object),
        vaultUri: `https://${String(state.name)}.vault.azure.net/`,
      };
    }
  }

  private addSubnet(id: string, prefix: string) {
    const cidr = parseCidr(prefix);
    // Azure keeps the first four addresses of every subnet.
    if (cidr) this.subnets.set(armIdKey(id), { cidr, next: 4 });
  }

  /** A live resource's state with its secrets opened, for the fake's own reads. */
  private liveOpened(id: string): Record<string, unknown> | undefined {
    return secretsOpened(this.live.get(armIdKey(id))) as Record<string, unknown> | undefined;
  }

  // ---- Kept between plans (the plan's --state) ----

  /**
   * At preview, a resource a previous update made is known: its id and last state, as the engine has them in
   * the stack's state; any other resource has no id and no computed outputs yet.
   */
  private previewOf(args: pulumi.runtime.MockResourceArgs) {
    const inputs = args.inputs as Record<string, unknown>;
    const [pkg, module, type] = args.type.split(":");
    if (pkg !== "azure-native") return { id: undefined, state: { ...inputs } };
    const id = this.armId(`${module}:${type}`, args.type, inputs, this.azureName(`${module}:${type}`, args));
    const live = this.live.get(armIdKey(id));
    return live ? { id, state: { ...live, ...inputs } } : { id: undefined, state: { ...inputs } };
  }

  /** What a later plan needs of this fake: every live resource and every connection on a target. */
  snapshot(): FakeAzureSnapshot {
    return { live: Object.fromEntries(this.live), connections: Object.fromEntries(this.connections) };
  }

  /** A fake holding what an earlier plan left (see {@link snapshot}). */
  static restored(preview: boolean, snapshot: FakeAzureSnapshot): FakeAzure {
    const azure = new FakeAzure(preview);
    for (const [key, state] of Object.entries(snapshot.live)) azure.live.set(key, state);
    for (const [key, list] of Object.entries(snapshot.connections)) azure.connections.set(key, list);
    return azure;
  }

  /**
   * Outputs of what the network graph reads: a peering's state (Connected once the remote VNet peers back,
   * which also connects the remote side, as Azure does; Initiated until then), and the private IPs Azure
   * hands out from their subnets to a resolver inbound endpoint, a firewall and a NIC (a Static address as
   * given).
   */
  private networkGraphOutputs(
    key: string,
    id: string,
    inputs: Record<string, unknown>,
  ): Record<string, unknown> {
    if (key === "network:VirtualNetworkPeering") return { peeringState: this.peeringState(id, inputs) };
    const names = privateIpInputs[key];
    if (!names) return {};
    const configs = (inputs.ipConfigurations as Record<string, unknown>[] | undefined) ?? [];
    return {
      ipConfigurations: configs.map((config) => {
        const subnetId = (config.subnet as { id?: string } | undefined)?.id;
        const subnet = subnetId ? this.subnets.get(armIdKey(subnetId)) : undefined;
        const given = config[names.ip];
        const ip =
          typeof given === "string" ? given : subnet ? addressAt(subnet.cidr, subnet.next++) : undefined;
        const method = names.method
          ? { [names.method]: typeof given === "string" ? "Static" : "Dynamic" }
          : {};
        return { ...config, [names.ip]: ip, ...method };
      }),
    };
  }

  private peeringState(id: string, inputs: Record<string, unknown>): string {
    const localVnet = id.split("/virtualNetworkPeerings/")[0];
    const remoteVnet = (inputs.remoteVirtualNetwork as { id?: string } | undefined)?.id;
    if (!remoteVnet) return "Initiated";
    const prefix = `${armIdKey(remoteVnet)}/virtualnetworkpeerings/`;
    const back = [...this.live.entries()].find(
      ([key, state]) =>
        key.startsWith(prefix) &&
        armIdKey(
          String((secretsOpened(state.remoteVirtualNetwork) as { id?: string } | undefined)?.id ?? ""),
        ) === armIdKey(localVnet),
    );
    if (!back) return "Initiated";
    back[1].peeringState = "Connected";
    return "Connected";
  }

  /** Hands out private IPs from the endpoint's subnet and fills in the FQDNs Azure would register. */
  private endpointOutputs(id: string, inputs: Record<string, unknown>, location: string) {
    const connections = [
      ...((inputs.privateLinkServiceConnections as unknown[]) ?? []),
      ...((inputs.manualPrivateLinkServiceConnections as unknown[]) ?? []),
    ] as { privateLinkServiceId?: string; groupIds?: string[] }[];
    const target = connections[0]?.privateLinkServiceId
      ? parseArmId(connections[0].privateLinkServiceId)
      : undefined;
    const groupId = connections[0]?.groupIds?.[0] as GroupId | undefined;
    // Azure names the FQDNs by the target's region (an endpoint may sit in another region than its target);
    // a target this fake did not create is taken to be in the endpoint's region.
    const targetId = connections[0]?.privateLinkServiceId;
    const targetLocation = targetId ? this.liveOpened(targetId)?.location : undefined;
    const region = (typeof targetLocation === "string" ? targetLocation : location)
      .replace(/ /g, "")
      .toLowerCase();
    const cloud = cloudOfRegion(region) ?? "AzureCloud";
    const patterns = groupId && target && endpointFqdns[cloud][groupId] ? endpointFqdns[cloud][groupId] : [];
    const subnetId = (inputs.subnet as { id?: string } | undefined)?.id;
    const subnet = subnetId ? this.subnets.get(armIdKey(subnetId)) : undefined;
    const customDnsConfigs = patterns.map((pattern) => {
      const fqdn = pattern
        .replace(/\{name\}/g, target!.name.toLowerCase())
        .replace(/\{region\}/g, region)
        .replace(/\{guid\}/g, fakeGuid(`workspace:${connections[0].privateLinkServiceId}`));
      const ipAddresses = subnet ? [addressAt(subnet.cidr, subnet.next++)] : [];
      return { fqdn, ipAddresses };
    });
    const nicId = id.replace(
      /privateEndpoints\/([^/]+)$/,
      (_, pe: string) => `networkInterfaces/${pe}.nic.${fakeGuid(id)}`,
    );
    return { customDnsConfigs, networkInterfaces: [{ id: nicId }] };
  }
}

/**
 * The inputs of an azure-native resource that are parameters of its ARM path (its resource group and the names
 * in its id): changing one means another resource, which the provider replaces (pulumi-azure-native
 * provider/pkg/provider/diff.go, calculateDetailedDiff). Undefined for a type this fake has no id shape for.
 */
export function armPathInputs(token: string): string[] | undefined {
  const key = token.split(":").slice(1).join(":");
  if (key === "resources:ResourceGroup") return ["resourceGroupName"];
  if (key === "resources:Resource")
    return [
      "resourceGroupName",
      "resourceProviderNamespace",
      "parentResourcePath",
      "resourceType",
      "resourceName",
    ];
  const shape = idShapes[key];
  return shape && ["resourceGroupName", ...shape.segments.map(([, input]) => input)];
}
