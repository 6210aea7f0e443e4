/**
 * An Azure Firewall's own DNS settings, for firewalls with classic rules and no policy: azure-native sends
 * them as `additionalProperties` (ARM AzureFirewallPropertiesFormat.additionalProperties, a string map), the
 * classic provider as `dnsProxyEnabled` / `dnsServers`. A firewall with a policy takes the policy's
 * `dnsSettings` instead (firewall/dns-settings).
 */
export const firewallDnsProperties = {
  enableProxy: "Network.DNS.EnableProxy",
  servers: "Network.DNS.Servers",
} as const;
