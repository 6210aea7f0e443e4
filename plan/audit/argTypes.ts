/**
 * The Azure resource types the audit reads, one row each: the azure-native token whose read-back (discovered)
 * form the pack's model reads, and where an export gets the rows — ARG's `resources` table, or a companion
 * file of `az rest` GETs for what that table lacks (docs: governance/resource-graph/reference/
 * supported-tables-resources.md lists no zone groups, computes, forwarding rules or ruleset links). The
 * README's query selects exactly the `resources` rows (a test compares them).
 */

/** Where an export gets rows of a type. */
export type ArgSource = "resources" | "companion";

export interface ArgType {
  /** The azure-native token of the resource read back. */
  token: string;
  source: ArgSource;
  /** For a companion: the `az rest` GET, relative to the parent's id, that lists the rows. */
  companion?: { parent: string; path: string; apiVersion: string; /** Plural, for messages. */ noun: string };
}

/** By ARM type in lower case, as ARG prints `type`. */
export const argTypes: Readonly<Record<string, ArgType>> = {
  "microsoft.network/virtualnetworks": { token: "azure-native:network:VirtualNetwork", source: "resources" },
  "microsoft.network/privateendpoints": {
    token: "azure-native:network:PrivateEndpoint",
    source: "resources",
  },
  "microsoft.network/networkinterfaces": {
    token: "azure-native:network:NetworkInterface",
    source: "resources",
  },
  "microsoft.network/privatednszones": { token: "azure-native:privatedns:PrivateZone", source: "resources" },
  "microsoft.network/privatednszones/virtualnetworklinks": {
    token: "azure-native:privatedns:VirtualNetworkLink",
    source: "resources",
  },
  "microsoft.network/dnsresolvers": { token: "azure-native:dnsresolver:DnsResolver", source: "resources" },
  "microsoft.network/dnsresolvers/inboundendpoints": {
    token: "azure-native:dnsresolver:InboundEndpoint",
    source: "resources",
  },
  "microsoft.network/dnsresolvers/outboundendpoints": {
    token: "azure-native:dnsresolver:OutboundEndpoint",
    source: "resources",
  },
  "microsoft.network/dnsforwardingrulesets": {
    token: "azure-native:dnsresolver:DnsForwardingRuleset",
    source: "resources",
  },
  "microsoft.network/azurefirewalls": { token: "azure-native:network:AzureFirewall", source: "resources" },
  "microsoft.network/firewallpolicies": { token: "azure-native:network:FirewallPolicy", source: "resources" },
  "microsoft.machinelearningservices/workspaces": {
    token: "azure-native:machinelearningservices:Workspace",
    source: "resources",
  },
  "microsoft.storage/storageaccounts": { token: "azure-native:storage:StorageAccount", source: "resources" },
  "microsoft.keyvault/vaults": { token: "azure-native:keyvault:Vault", source: "resources" },
  "microsoft.containerregistry/registries": {
    token: "azure-native:containerregistry:Registry",
    source: "resources",
  },
  "microsoft.network/privateendpoints/privatednszonegroups": {
    token: "azure-native:network:PrivateDnsZoneGroup",
    source: "companion",
    companion: {
      parent: "microsoft.network/privateendpoints",
      path: "privateDnsZoneGroups",
      noun: "private DNS zone groups",
      apiVersion: "2024-05-01",
    },
  },
  "microsoft.machinelearningservices/workspaces/computes": {
    token: "azure-native:machinelearningservices:Compute",
    source: "companion",
    companion: {
      parent: "microsoft.machinelearningservices/workspaces",
      path: "computes",
      noun: "computes",
      apiVersion: "2024-10-01",
    },
  },
  "microsoft.network/dnsforwardingrulesets/forwardingrules": {
    token: "azure-native:dnsresolver:ForwardingRule",
    source: "companion",
    companion: {
      parent: "microsoft.network/dnsforwardingrulesets",
      path: "forwardingRules",
      noun: "forwarding rules",
      apiVersion: "2022-07-01",
    },
  },
  "microsoft.network/dnsforwardingrulesets/virtualnetworklinks": {
    token: "azure-native:dnsresolver:PrivateResolverVirtualNetworkLink",
    source: "companion",
    companion: {
      parent: "microsoft.network/dnsforwardingrulesets",
      path: "virtualNetworkLinks",
      noun: "ruleset VNet links",
      apiVersion: "2022-07-01",
    },
  },
};

/**
 * Record sets from ARG's `dnsresources` table (`microsoft.network/privatednszones/a`, `/cname`, …): accepted and
 * counted, not modelled — the pack judges who writes the records (zone groups, or the declared manager).
 */
export const dnsRecordTypePrefix = "microsoft.network/privatednszones/";

/** Types of the `resources` table the query selects, in its order. */
export const resourcesTableTypes = Object.keys(argTypes).filter((t) => argTypes[t].source === "resources");
