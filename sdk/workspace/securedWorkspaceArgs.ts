/** The arguments of {@link SecuredWorkspace}. */
import type * as pulumi from "@pulumi/pulumi";
import type { ManagedNetworkArgs } from "../managedNetwork/managedNetworkArgs";
import type { PublicNetworkAccess } from "./publicNetworkAccess";

export interface SecuredWorkspaceArgs {
  /**
   * Resource group of the workspace and of the dependencies this component creates. Changing it replaces
   * them (ARM cannot move them this way), which `protect` stops.
   */
  resourceGroupName: pulumi.Input<string>;
  /**
   * Azure region, by programmatic name (e.g. "westeurope") or display name; must be a region of `cloud`.
   * Immutable: changing it would replace the workspace and its dependencies.
   */
  location: pulumi.Input<string>;
  /**
   * The Azure cloud: "AzureCloud" (default), "AzureChinaCloud" or "AzureUSGovernment" (the `AzureClouds`
   * values). A string rather than the `AzureCloud` type: the schema analyzer only takes an `as const` enum
   * whose type and object share one name.
   */
  cloud?: pulumi.Input<string>;
  /**
   * The workspace's Azure name: 3 to 33 letters, digits, '_' and '-', starting with a letter or digit.
   * Defaults to the component's name. Immutable: the names of created dependencies derive from it.
   */
  workspaceName?: pulumi.Input<string>;
  /** Display name shown in the studio. Defaults to the workspace name. */
  friendlyName?: pulumi.Input<string>;
  /** Description of the workspace. */
  description?: pulumi.Input<string>;
  /** Tags for the workspace and every resource this component creates. */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * High business impact: reduces the diagnostic data the service collects. Azure fixes it at creation;
   * changing it later fails rather than replacing the workspace.
   */
  highBusinessImpact?: pulumi.Input<boolean>;
  /**
   * Public network access: "Disabled" (default, private endpoints only), "Enabled", or
   * "EnabledFromSelectedIps" (only the ranges in `allowedIpRanges`). Switching modes updates the workspace in
   * place.
   */
  publicNetworkAccess?: pulumi.Input<PublicNetworkAccess>;
  /**
   * With "EnabledFromSelectedIps": public IPv4 addresses or CIDR ranges allowed to reach the workspace, at
   * most 200 after de-duplication. Private, shared, loopback, link-local, multicast and reserved ranges and
   * IPv6 are rejected. Must be empty in the other modes.
   */
  allowedIpRanges?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * The workspace managed network (outbound isolation): Azure runs the computes in a Microsoft-managed VNet and
   * reaches dependencies and other targets through outbound rules. Omitted or isolationMode "Disabled" (Azure's
   * default): no managed network, computes go in your own subnets. Clients still come in through workspace
   * private endpoints in their VNets (`WorkspaceNetwork` with `managedNetwork: true`). Costs: private endpoint
   * rules are billed like private endpoints; the first FQDN rule creates an Azure Firewall, billed hourly.
   */
  managedNetwork?: ManagedNetworkArgs;
  /**
   * Name of the compute cluster that builds Docker images (required): the dependencies are private, so ACR
   * Tasks cannot build them. The cluster may be created after the workspace.
   */
  imageBuildCompute: pulumi.Input<string>;
  /** Adopt this existing storage account (ARM id) instead of creating one. Fixed once the workspace exists. */
  storageAccountId?: pulumi.Input<string>;
  /** Adopt this existing key vault (ARM id) instead of creating one. Fixed once the workspace exists. */
  keyVaultId?: pulumi.Input<string>;
  /** Adopt this existing container registry (ARM id, Premium tier for private endpoints) instead of creating one. */
  containerRegistryId?: pulumi.Input<string>;
  /** Adopt this existing Application Insights component (ARM id) instead of creating one. */
  applicationInsightsId?: pulumi.Input<string>;
  /**
   * Log Analytics workspace (ARM id) for the Application Insights this component creates; without it one is
   * created. Ignored when `applicationInsightsId` is given.
   */
  logAnalyticsWorkspaceId?: pulumi.Input<string>;
  /**
   * Azure name of the storage account this component creates (3 to 24 lower-case letters and digits, unique
   * across Azure). Default: `st` + the workspace name's letters and digits + a random suffix kept in state.
   * Refused with `storageAccountId`. Fixed once created: changing it replaces the account.
   */
  storageAccountName?: pulumi.Input<string>;
  /**
   * Azure name of the key vault this component creates (3 to 24 letters, digits and single hyphens, starting
   * with a letter, unique across Azure). Default: `kv-` + the workspace name + a random suffix. Refused with
   * `keyVaultId`.
   */
  keyVaultName?: pulumi.Input<string>;
  /**
   * Azure name of the container registry this component creates (5 to 50 letters and digits, unique across
   * Azure). Default: `cr` + the workspace name + a random suffix. Refused with `containerRegistryId`.
   */
  containerRegistryName?: pulumi.Input<string>;
  /** Azure name of the Application Insights this component creates. Default: `<workspace>-appi`. */
  applicationInsightsName?: pulumi.Input<string>;
  /**
   * Azure name of the Log Analytics workspace this component creates (4 to 63 letters, digits and hyphens).
   * Default: `<workspace>-log`. Refused with `logAnalyticsWorkspaceId` or `applicationInsightsId`.
   */
  logAnalyticsWorkspaceName?: pulumi.Input<string>;
  /**
   * Other storage accounts (ARM ids) the workspace uses, e.g. for datastores. Not sent to ARM; passed through
   * the `additionalStorageAccountIds` output so endpoint sets give them private endpoints too.
   */
  additionalStorageAccountIds?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Protect the workspace, storage account, key vault and container registry from deletion and replacement
   * (`protect`). Default true; set false only for throwaway stacks. Must be a plain value: protection is
   * decided when the resources are registered.
   */
  protectStatefulResources?: pulumi.Input<boolean>;
}
