/** How a set's VNet is peered with a hub, and how its subnet reaches the internet. */

/** Which sides of the peering with the hub VNet the component creates. */
export const HubPeerings = {
  /** Both directions: this VNet to the hub and the hub to this VNet (the hub's group must be writable). */
  BothWays: "BothWays",
  /**
   * Only this VNet to the hub, when the hub belongs to another team: traffic flows once they create the hub's
   * side, which the plan says is missing.
   */
  ThisSideOnly: "ThisSideOnly",
} as const;
/** A value of {@link HubPeerings}; named like the object because Pulumi's schema analyzer names the enum after it. */
export type HubPeerings = (typeof HubPeerings)[keyof typeof HubPeerings];

/**
 * How a subnet the components create reaches the internet. Private endpoints need no outbound access; Azure
 * Machine Learning computes without public IPs need outbound to Azure service tags (AzureActiveDirectory,
 * AzureMachineLearning, BatchNodeManagement.<region>, AzureResourceManager, AzureFrontDoor.FirstParty,
 * MicrosoftContainerRegistry, AzureMonitor: the Required rules of how-to-managed-network, and
 * how-to-access-azureml-behind-firewall for computes in a customer VNet).
 */
export const SubnetOutbounds = {
  /** Private subnet (`defaultOutboundAccess: false`) and no egress: for subnets holding only private endpoints. */
  None: "None",
  /** Private subnet with a NAT gateway and its public IP: Microsoft's recommended explicit egress. */
  NatGateway: "NatGateway",
  /** Private subnet whose default route (0.0.0.0/0) goes to a firewall's private IP (`firewallPrivateIp`). */
  Firewall: "Firewall",
  /**
   * Azure's implicit default outbound access, kept for subnets that hosted computes before explicit egress
   * existed here: the pack's `subnet-private` advisory stays, and the stack should say why.
   */
  Default: "Default",
} as const;
/** A value of {@link SubnetOutbounds}. */
export type SubnetOutbounds = (typeof SubnetOutbounds)[keyof typeof SubnetOutbounds];
