/**
 * The properties Azure cannot update in place on the resources the components create: changing one needs a
 * new resource. The components give each resource its row as `replaceOnChanges`, so `pulumi preview`, `pulumi
 * up` and the plan show `replace` (and the engine refuses it on a protected resource) instead of an update ARM
 * would refuse. Paths are the azure-native input paths; a resource's name, resource group and `location` are
 * left out: the provider already replaces on them (they are its ARM path or create-only).
 *
 * Sources: azurerm marks the property ForceNew (terraform-provider-azurerm, website/docs/r/<resource>, the
 * sentence "Changing this forces a new … to be created"), or the Azure docs say it is fixed at creation.
 */

/** One property Azure fixes at creation, with where that is written. */
export interface ImmutableProperty {
  /** The azure-native input path, as `replaceOnChanges` takes it. */
  path: string;
  /** Where the fact comes from. */
  source: string;
}

const azurerm = (resource: string, argument: string) =>
  `azurerm ${resource}.${argument}: "Changing this forces a new … to be created" (terraform-provider-azurerm website/docs/r/${resource}.html.markdown)`;

const cluster = "machine_learning_compute_cluster";
const instance = "machine_learning_compute_instance";

/** The resources the components create, by their role; each row a property fixed at creation. */
export const ImmutableProperties = {
  /** A compute cluster (`PrivateCompute` kind Cluster). */
  amlCompute: [
    { path: "properties.properties.vmSize", source: azurerm(cluster, "vm_size") },
    { path: "properties.properties.vmPriority", source: azurerm(cluster, "vm_priority") },
    { path: "properties.properties.subnet", source: azurerm(cluster, "subnet_resource_id") },
    { path: "properties.properties.enableNodePublicIp", source: azurerm(cluster, "node_public_ip_enabled") },
    {
      path: "properties.properties.remoteLoginPortPublicAccess",
      source: azurerm(cluster, "ssh_public_access_enabled"),
    },
    { path: "properties.disableLocalAuth", source: azurerm(cluster, "local_auth_enabled") },
    { path: "properties.description", source: azurerm(cluster, "description") },
  ],
  /** A compute instance (`PrivateCompute` kind Instance). */
  computeInstance: [
    { path: "properties.properties.vmSize", source: azurerm(instance, "virtual_machine_size") },
    { path: "properties.properties.subnet", source: azurerm(instance, "subnet_resource_id") },
    { path: "properties.properties.enableNodePublicIp", source: azurerm(instance, "node_public_ip_enabled") },
    { path: "properties.properties.sshSettings", source: azurerm(instance, "ssh") },
    { path: "properties.disableLocalAuth", source: azurerm(instance, "local_auth_enabled") },
    { path: "properties.description", source: azurerm(instance, "description") },
  ],
  /** The workspace: its dependencies are fixed once it exists. */
  workspace: [
    {
      path: "properties.storageAccount",
      source: azurerm("machine_learning_workspace", "storage_account_id"),
    },
    { path: "properties.keyVault", source: azurerm("machine_learning_workspace", "key_vault_id") },
    {
      path: "properties.applicationInsights",
      source: azurerm("machine_learning_workspace", "application_insights_id"),
    },
    {
      path: "properties.containerRegistry",
      source: azurerm("machine_learning_workspace", "container_registry_id"),
    },
  ],
  /** The workspace's default storage account. */
  storageAccount: [
    { path: "isHnsEnabled", source: azurerm("storage_account", "is_hns_enabled") },
    // Storage → StorageV2 is the one in-place kind change (an upgrade); the component never sends Storage.
    { path: "kind", source: azurerm("storage_account", "account_kind") },
  ],
  /** A private endpoint (`PrivateEndpointSet`, `WorkspaceNetwork`). */
  privateEndpoint: [
    { path: "subnet", source: azurerm("private_endpoint", "subnet_id") },
    {
      path: "privateLinkServiceConnections",
      source: azurerm("private_endpoint", "private_service_connection"),
    },
  ],
  /** A VNet peering (`WorkspaceNetwork` spokes). */
  virtualNetworkPeering: [
    {
      path: "remoteVirtualNetwork",
      source: azurerm("virtual_network_peering", "remote_virtual_network_id"),
    },
  ],
  /** A private DNS zone's link to a VNet (`CentralPrivateDns`, `WorkspaceNetwork`). */
  virtualNetworkLink: [
    {
      path: "virtualNetwork",
      source: azurerm("private_dns_zone_virtual_network_link", "virtual_network_id"),
    },
  ],
  /** The DNS private resolver (`CentralPrivateDns`). */
  dnsResolver: [{ path: "virtualNetwork", source: azurerm("private_dns_resolver", "virtual_network_id") }],
  /** The resolver's inbound endpoint (`CentralPrivateDns`). */
  inboundEndpoint: [
    {
      path: "ipConfigurations",
      source: azurerm("private_dns_resolver_inbound_endpoint", "ip_configurations"),
    },
  ],
  /** The NAT gateway's public IP (`WorkspaceNetwork` egress). */
  publicIpAddress: [{ path: "sku", source: azurerm("public_ip", "sku") }],
} as const satisfies Record<string, readonly ImmutableProperty[]>;

/** A role of {@link ImmutableProperties}. */
export type ImmutableRole = keyof typeof ImmutableProperties;

/** The `replaceOnChanges` option of a resource of `role`. */
export function replaceOnChangesOf(role: ImmutableRole): { replaceOnChanges: string[] } {
  return { replaceOnChanges: ImmutableProperties[role].map((p) => p.path) };
}
