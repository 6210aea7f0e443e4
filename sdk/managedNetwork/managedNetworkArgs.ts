/**
 * The arguments of a workspace managed network: Azure runs the workspace's computes in a Microsoft-managed
 * VNet and reaches the workspace's dependencies and other targets through outbound rules. Union-free for
 * the schema analyzer: one map per rule type, each keyed by the rule's stable Azure name.
 */
import type * as pulumi from "@pulumi/pulumi";

/**
 * Outbound isolation modes of the managed network (ARM `IsolationMode`, 2025-10-01-preview). Azure only moves
 * forward: Disabled → AllowInternetOutbound → AllowOnlyApprovedOutbound.
 */
export const IsolationModes = {
  /** No managed network (Azure's default): computes go in your own VNet, as without this argument. */
  Disabled: "Disabled",
  /** Managed network; all internet outbound allowed, private endpoint rules for Azure targets. */
  AllowInternetOutbound: "AllowInternetOutbound",
  /** Managed network; only private endpoint, service tag and FQDN rules (data exfiltration protection). */
  AllowOnlyApprovedOutbound: "AllowOnlyApprovedOutbound",
} as const;
/** A value of {@link IsolationModes}; named like the object because the schema analyzer names the enum after it. */
export type IsolationModes = (typeof IsolationModes)[keyof typeof IsolationModes];

/** SKUs of the Azure Firewall Azure creates for FQDN rules (ARM `FirewallSku`). Premium is not offered. */
export const FirewallSkus = {
  /** Azure's default. */
  Standard: "Standard",
  /** Cheaper, lower throughput. */
  Basic: "Basic",
} as const;
/** A value of {@link FirewallSkus}. */
export type FirewallSkus = (typeof FirewallSkus)[keyof typeof FirewallSkus];

/** A private endpoint outbound rule: Azure creates a private endpoint in the managed VNet to the target. */
export interface PrivateEndpointRuleArgs {
  /**
   * ARM id of the target, of a supported type: another storage account, key vault, registry, workspace, AI
   * Search, Cosmos DB, SQL... (the docs' list; see the README's table). May be in another subscription of the
   * same tenant. Private endpoints are billed per hour and per GB.
   */
  serviceResourceId: pulumi.Input<string>;
  /** The target's private-link sub-resource (group id), e.g. "blob", "file", "vault", "registry", "amlworkspace". */
  subresourceTarget: pulumi.Input<string>;
  /** Whether serverless Spark may use this endpoint too (Azure's default false; needs a Spark provisioning). */
  sparkEnabled?: pulumi.Input<boolean>;
}

/**
 * An FQDN outbound rule (AllowOnlyApprovedOutbound only). Azure implements FQDN rules with an Azure Firewall in
 * the managed VNet, created with the first FQDN rule and billed hourly plus per GB; it allows ports 80 and 443.
 */
export interface FqdnRuleArgs {
  /** Host name, wildcards allowed (e.g. "pypi.org", "*.anaconda.com"); no port, no scheme, no path. */
  destination: pulumi.Input<string>;
}

/** A service tag outbound rule (AllowOnlyApprovedOutbound only): a network rule to a service tag or prefixes. */
export interface ServiceTagRuleArgs {
  /** Azure service tag, e.g. "DataFactory" or "AzureOpenDatasets". Ignored by Azure when addressPrefixes are given. */
  serviceTag?: pulumi.Input<string>;
  /** IPv4 addresses or CIDR ranges to allow instead of a service tag. */
  addressPrefixes?: pulumi.Input<pulumi.Input<string>[]>;
  /** "TCP", "UDP", "ICMP" or "*". */
  protocol: pulumi.Input<string>;
  /** Ports or ranges, comma separated, e.g. "443" or "80, 8080-8089"; "*" for all. */
  portRanges: pulumi.Input<string>;
  /** "Allow" (default) or "Deny". */
  action?: pulumi.Input<string>;
}

/** The workspace managed network of {@link SecuredWorkspace}. */
export interface ManagedNetworkArgs {
  /**
   * "Disabled" (Azure's default, and this component's: computes in your own subnets), "AllowInternetOutbound"
   * or "AllowOnlyApprovedOutbound". One-way: Azure refuses a change to a more open mode or back to Disabled,
   * so the component refuses it at preview by reading the live workspace. Managed VNet compute is billed as
   * usual; the network itself has no charge, its private endpoints and firewall do.
   */
  isolationMode?: pulumi.Input<IsolationModes>;
  /**
   * User private endpoint rules, by rule name (3 to 33 letters, digits, '_' and '-', starting with a letter or
   * digit). Azure adds its own Required rules for the workspace's storage, key vault and registry; don't repeat
   * them here.
   */
  privateEndpointRules?: { [ruleName: string]: PrivateEndpointRuleArgs };
  /** FQDN rules by rule name (AllowOnlyApprovedOutbound only). The first one creates a billed Azure Firewall. */
  fqdnRules?: { [ruleName: string]: FqdnRuleArgs };
  /** Service tag rules by rule name (AllowOnlyApprovedOutbound only). */
  serviceTagRules?: { [ruleName: string]: ServiceTagRuleArgs };
  /**
   * SKU of the Azure Firewall behind FQDN rules: "Standard" (Azure's default) or "Basic" (cheaper). Only with
   * FQDN rules: without them Azure creates no firewall.
   */
  firewallSku?: pulumi.Input<FirewallSkus>;
  /**
   * Provision the managed VNet when the workspace is created (ARM `provisionNetworkNow`) instead of with the
   * first compute, which then waits about 30 minutes. Default true when the mode is not Disabled. Azure acts on
   * it only at creation; changing it later updates nothing in Azure and replaces nothing.
   */
  provisionAtCreation?: pulumi.Input<boolean>;
}
