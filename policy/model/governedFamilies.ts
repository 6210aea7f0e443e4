/**
 * The families of resources the pack governs, by Pulumi token (either Azure provider) and by ARM type (a
 * generic resource, another provider, anything read back with an ARM id or type). A resource of one of
 * them that the model cannot read goes unchecked, and the pack says so rather than pass it silently.
 */
import { parseArmId } from "../azure/armId";
import type { StackResource } from "./stackResource";
import { plainProperty, str } from "./values";

interface Family {
  name: string;
  tokens: RegExp;
  armTypes: RegExp;
}

const families: readonly Family[] = [
  {
    name: "Azure Machine Learning",
    tokens: /^(azure-native:machinelearningservices(\/v[0-9a-z]+)?:|azure:machinelearning\/)/,
    armTypes: /^Microsoft\.MachineLearningServices\//i,
  },
  {
    name: "private endpoint",
    tokens:
      /^(azure-native:network(\/v[0-9a-z]+)?:(PrivateEndpoint|PrivateDnsZoneGroup)$|azure:privatelink\/)/,
    armTypes: /^Microsoft\.Network\/privateEndpoints(\/privateDnsZoneGroups)?$/i,
  },
  {
    name: "private DNS",
    tokens:
      /^(azure-native:(privatedns|network)(\/v[0-9a-z]+)?:(PrivateZone|VirtualNetworkLink)$|azure:privatedns\/(zone|zoneVirtualNetworkLink):)/,
    armTypes: /^Microsoft\.Network\/privateDnsZones(\/virtualNetworkLinks)?$/i,
  },
  {
    name: "virtual network",
    tokens:
      /^(azure-native:network(\/v[0-9a-z]+)?:(VirtualNetwork|Subnet|VirtualNetworkPeering)$|azure:network\/(virtualNetwork|subnet|virtualNetworkPeering|virtualNetworkDnsServers):)/,
    armTypes: /^Microsoft\.Network\/virtualNetworks(\/(subnets|virtualNetworkPeerings))?$/i,
  },
  {
    name: "DNS private resolver",
    tokens:
      /^(azure-native:dnsresolver(\/v[0-9a-z]+)?:(DnsResolver|InboundEndpoint|OutboundEndpoint|DnsForwardingRuleset|ForwardingRule|PrivateResolverVirtualNetworkLink)$|azure:privatedns\/resolver(InboundEndpoint|OutboundEndpoint|DnsForwardingRuleset|ForwardingRule|VirtualNetworkLink)?:)/,
    armTypes:
      /^Microsoft\.Network\/(dnsResolvers(\/(inboundEndpoints|outboundEndpoints))?|dnsForwardingRulesets(\/(forwardingRules|virtualNetworkLinks))?)$/i,
  },
  {
    name: "Azure Firewall",
    tokens:
      /^(azure-native:network(\/v[0-9a-z]+)?:(AzureFirewall|FirewallPolicy)$|azure:network\/(firewall|firewallPolicy):)/,
    armTypes: /^Microsoft\.Network\/(azureFirewalls|firewallPolicies)$/i,
  },
  {
    name: "storage",
    tokens: /^(azure-native:storage(\/v[0-9a-z]+)?:StorageAccount$|azure:storage\/account:)/,
    armTypes: /^Microsoft\.Storage\/storageAccounts$/i,
  },
  {
    name: "key vault",
    tokens:
      /^(azure-native:keyvault(\/v[0-9a-z]+)?:(Vault|ManagedHsm)$|azure:keyvault\/(keyVault|managedHardwareSecurityModule):)/,
    armTypes: /^Microsoft\.KeyVault\/(vaults|managedHSMs)$/i,
  },
  {
    name: "container registry",
    tokens: /^(azure-native:containerregistry(\/v[0-9a-z]+)?:Registry$|azure:containerservice\/registry:)/,
    armTypes: /^Microsoft\.ContainerRegistry\/registries$/i,
  },
];

/** ML assets (code, data, models, environments, jobs, schedules) carry no network setting. */
const mlAssetTokens = /:\w*(Container|Version|Job|Schedule)$/;
const mlAssetTypes =
  /\/(codes|components|data|environments|models|featuresets|featurestoreEntities|jobs|schedules)(\/versions)?$/i;

const genericToken = /^azure-native:resources(\/v[0-9a-z]+)?:Resource$/;

/** The ARM type a resource states: generic path inputs, a read-back `type` (`@version` dropped), or its id. */
function armTypeOf(resource: StackResource): string | undefined {
  const read = (key: string) => plainProperty(resource.props, key);
  if (genericToken.test(resource.type)) {
    const namespace = str(read("resourceProviderNamespace"));
    const type = str(read("resourceType"));
    const parent = str(read("parentResourcePath"));
    if (typeof namespace === "string" && typeof type === "string") {
      const parentTypes = typeof parent === "string" ? parent.split("/").filter((_, i) => i % 2 === 0) : [];
      return [namespace, ...parentTypes.filter((t) => t !== ""), type].join("/");
    }
  }
  const stated = str(read("type"));
  if (typeof stated === "string" && /^Microsoft\.\w+\/[\w/]+(@.*)?$/i.test(stated))
    return stated.split("@")[0];
  const id = str(read("id"));
  return typeof id === "string" ? parseArmId(id)?.type : undefined;
}

/** The governed family of a resource the model does not read, or undefined when it is none of ours. */
export function governedFamilyOf(resource: StackResource): string | undefined {
  if (resource.type.startsWith("pulumi:")) return undefined;
  const byToken = families.find((f) => f.tokens.test(resource.type));
  if (byToken) return mlAssetTokens.test(resource.type) ? undefined : byToken.name;
  const armType = armTypeOf(resource);
  if (armType === undefined || mlAssetTypes.test(armType)) return undefined;
  return families.find((f) => f.armTypes.test(armType))?.name;
}
