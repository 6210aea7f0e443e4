/**
 * The documentation each rule rests on, quoted in its messages. Most come from "Configure a private
 * endpoint for an Azure Machine Learning workspace" (how-to-configure-private-link); the others name
 * their source.
 */
export interface Quote {
  source: string;
  text: string;
}

const privateLinkDoc = "Azure ML docs (how-to-configure-private-link)";
const managedNetworkDoc = "Azure ML docs (how-to-managed-network)";

export const quotes = {
  onlineEndpointSelectedIps: {
    source: privateLinkDoc,
    text: "If public ingress is enabled on your managed online endpoint, then you can't enable selected IP addresses on our workspace.",
  },
  batchEndpointSelectedIps: {
    source: privateLinkDoc,
    text: "The selected IP's configuration isn't supported for batch endpoints. There's no public network access flag on batch endpoints.",
  },
  ipRulesKeptAfterDisable: {
    source: privateLinkDoc,
    text: "If the workspace public network access configuration is changed from selected IPs to disabled, the managed online enedpoints will continue to respect the selected IPs. If you do not want thee selected IPs applied to your online endpoints, remove the addresses before selecting Disabled for the workspace",
  },
  ipRuleRestrictions: {
    source: privateLinkDoc,
    text: "Each Azure Machine Learning workspace supports up to 200 rules. [...] You can only use IPv4 addresses. [...] IP network rules are allowed only for public internet IP addresses.",
  },
  publicAccessWithEndpoints: {
    source: privateLinkDoc,
    text: "Enabling public access doesn't remove any private endpoints that exist. [...] If you enable public access for a workspace secured with private endpoint and use Azure Machine Learning studio over the public internet, some features such as the designer might fail to access your data.",
  },
  legacyPublicAccessFlag: {
    source: privateLinkDoc,
    text: "Each property overrides the other. [...] Microsoft recommends using public_network_access to enable or disable public access to a workspace.",
  },
  dependencyEndpointsPerVnet: {
    source: privateLinkDoc,
    text: "Each VNet that contains a private endpoint for the workspace must also be able to access the Azure Storage Account, Azure Key Vault, and Azure Container Registry used by the workspace. For example, you might create a private endpoint for the services in each VNet.",
  },
  workspaceSharesVnetWithDependencies: {
    source: privateLinkDoc,
    text: "When you use a workspace with multiple private endpoints, one of the private endpoints must be in the same virtual network as the following dependency services: Azure Storage Account [...] Azure Key Vault [...] Azure Container Registry",
  },
  datastoreEndpoints: {
    source: privateLinkDoc,
    text: "If you have another storage that is used by your workspace, add a new private endpoint for that storage. The private endpoint should exist in the client virtual network and have private DNS zone integration enabled.",
  },
  zoneIntegration: {
    source: privateLinkDoc,
    text: "This private endpoint should exist in the client virtual network and have private DNS zone integration enabled.",
  },
  landingZoneZoneGroups: {
    source:
      "Azure Policy built-in ee40564d (DeployIfNotExists), and its kin for blob, file, vault and registry",
    text: 'Configure Azure Machine Learning workspace to use private DNS zones [...] "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups" [...] "name": "[concat(parameters(\'privateEndpointName\'), \'/deployedByPolicy\')]"',
  },
  customDns: {
    source: "Azure ML docs (how-to-custom-dns)",
    text: "If you instead use your own custom DNS server, you must manually create DNS entries or use conditional forwarders for the workspace.",
  },
  workspaceZones: {
    source: privateLinkDoc,
    text: "az network private-endpoint dns-zone-group create [...] --private-dns-zone privatelink.api.azureml.ms [...] az network private-endpoint dns-zone-group add [...] --private-dns-zone privatelink.notebooks.azure.net",
  },
  zoneLinkedToVnet: {
    source: privateLinkDoc,
    text: "az network private-dns link vnet create [...] --zone-name privatelink.api.azureml.ms [...] --virtual-network <vnet-name>",
  },
  recordCollision: {
    source: "Azure Private Link DNS behaviour",
    text: "Each endpoint's zone group writes A records for the target's FQDNs into the zones it names. Two endpoints of the same target writing into the same zone overwrite each other (and deleting one deletes the record).",
  },
  dockerBridge: {
    source: privateLinkDoc,
    text: "Do not use the 172.17.0.0/16 IP address range for your VNet. This is the default subnet range used by the Docker bridge network, and will result in errors if used for your VNet.",
  },
  endpointNetworkPolicies: {
    source: privateLinkDoc,
    text: "Disable network policies for private endpoints before adding the private endpoint.",
  },
  computeRegion: {
    source: privateLinkDoc,
    text: "When you create a compute instance or compute cluster in a workspace with a private endpoint, the compute instance and compute cluster must be in the same Azure region as the workspace. [...] When you attach an Azure Kubernetes Service cluster to a workspace with a private endpoint, the cluster must be in the same region as the workspace.",
  },
  computeClusterPeering: {
    source: "Azure ML docs (how-to-secure-training-vnet)",
    text: "You can't create a compute instance in a different region/VNet, only a compute cluster. [...] Use VNet Peering. [...] Modify the privatelink.api.azureml.ms DNS zone to add a link to the VNet for the compute cluster. [...] Repeat the previous step and sub-steps for the privatelink.notebooks.azure.net DNS zone.",
  },
  rulesetLinkLimits: {
    source: "Azure DNS docs (private-resolver-endpoints-rulesets, dns-limits)",
    text: "A ruleset can't be linked to a virtual network in another region. [...] DNS forwarding ruleset linked to a virtual network | 1",
  },
  computeClusterDependencies: {
    source: "Azure ML docs (how-to-secure-training-vnet)",
    text: "You must also allow the default storage account, Azure Container Registry, and Azure Key Vault to access the VNet for the compute cluster.",
  },
  firewallTransit: {
    source: "Azure Private Link docs (inspect-traffic-with-azure-firewall)",
    text: "The use of application rules over network rules is recommended when inspecting traffic destined to private endpoints in order to maintain flow symmetry. Application rules are preferred over network rules to inspect traffic destined to private endpoints because Azure Firewall always SNATs traffic with application rules. If network rules are used, or an NVA is used instead of Azure Firewall, SNAT must be configured for traffic destined to private endpoints in order to maintain flow symmetry.",
  },
  hubSpokeResolution: {
    source: "Azure Private Link docs (private-endpoint-dns-integration), Azure ML docs (how-to-custom-dns)",
    text: "link the same private DNS zones to all spokes and hub virtual networks that contain clients that need DNS resolution from the zones [...] There must be a valid route between both virtual networks. For example, through a series of peered virtual networks",
  },
  peeringAddressSpace: {
    source: "Azure Virtual Network docs (virtual-network-peering-overview)",
    text: "The virtual networks that are peered should have non-overlapping IP address spaces.",
  },
  // ARM's error (Azure/ARO-RP#796), then the Private Link FAQ (MicrosoftDocs/azure-docs PR #122956).
  duplicateZoneLinks: {
    source: "Azure Resource Manager's error, and Azure Private Link FAQ (private-link-faq)",
    text: "A virtual network cannot be linked to multiple zones with overlapping namespaces. [...] No, creating multiple zones with the same name for a single virtual network is not supported.",
  },
  computeVnet: {
    source: privateLinkDoc,
    text: "If you have any existing compute targets associated with this workspace, and they are not behind the same virtual network that the private endpoint is created in, they will not work.",
  },
  imageBuildCompute: {
    source: privateLinkDoc,
    text: "If your workspace dependencies are under network restrictions, use the image_build_compute property to specify a compute cluster to use for image building.",
  },
  registryPremium: {
    source: "Azure Container Registry docs (private link)",
    text: "This feature is available in the Premium container registry service tier.",
  },
  synapseExfiltration: {
    source: privateLinkDoc,
    text: "Synapse's data exfiltration protection is not supported with Azure Machine Learning.",
  },
  workspacePublicAccess: {
    source: "Azure Policy built-in",
    text: "Azure Machine Learning Workspaces should disable public network access",
  },
  computeLocalAuth: {
    source: "Azure Policy built-in",
    text: "Azure Machine Learning Computes should have local authentication methods disabled",
  },
  computePublicIp: {
    source: "Azure ML REST API (enableNodePublicIp)",
    text: "false - Indicates that the compute nodes will have a private endpoint and no public IPs.",
  },
  computeIdleShutdown: {
    source: "Azure Policy built-in",
    text: "Azure Machine Learning Compute Instance should have idle shutdown.",
  },
  managedNetworkCustomVnet: {
    source: managedNetworkDoc,
    text: "When using Managed virtual network, you can't deploy compute resources inside your custom virtual network. Compute resources can only be created inside the managed virtual network.",
  },
  managedNetworkUnsupportedCompute: {
    source: managedNetworkDoc,
    text: "Kubernetes and attached VMs aren't supported in an Azure Machine Learning managed virtual network.",
  },
  managedNetworkRuleTypes: {
    source: managedNetworkDoc,
    text: "Adding an outbound for a service tag or FQDN is only valid when the managed VNet is configured to `allow_only_approved_outbound`.",
  },
  managedNetworkFqdnPorts: {
    source: managedNetworkDoc,
    text: "FQDN outbound rules only support ports 80 and 443.",
  },
  managedNetworkFqdnStorage: {
    source: managedNetworkDoc,
    text: "If your managed network is configured to allow only approved outbound, you can't use an FQDN rule to access Azure Storage Accounts. You must use a private endpoint instead.",
  },
  managedNetworkDeploymentEgress: {
    source: "Azure ML docs (how-to-secure-online-endpoint)",
    text: "Unlike the legacy approach, the `egress_public_network_access` flag for the deployment no longer applies when you use a workspace managed virtual network with your deployment.",
  },
  managedNetworkBatchEndpoints: {
    source: managedNetworkDoc,
    text: "If you plan to use Azure Machine Learning batch endpoints for deployment or ParallelRunStep, add outbound private endpoint rules to allow traffic to the following sub resources for the default storage account: queue, table",
  },
  managedNetworkIsolationMode: {
    source: "Azure Policy built-in 6ddb1705-c8cf-450e-aa4b-19ad6703c440",
    text: "Azure Machine Learning and Ai Studio should use Allow Only Approved Outbound Managed Vnet mode",
  },
  managedNetworkComputeRegion: {
    source: managedNetworkDoc,
    text: "Creating a compute cluster in a different region than the workspace isn't supported when using a managed virtual network.",
  },
  managedNetworkStudioStorage: {
    source: managedNetworkDoc,
    text: "If you want to use the integrated notebook or create datasets in the default storage account from studio, your client needs access to the default storage account. Create a private endpoint or service endpoint for the default storage account in the Azure Virtual Network that the clients use.",
  },
} as const satisfies Record<string, Quote>;
