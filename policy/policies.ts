/** Every policy of the pack, in issue order. Kept apart from index.ts so tests load them without a server. */
import type { Policies } from "@pulumi/policy";
import { resourcePolicy } from "./pack/resourcePolicy";
import { stackPolicy } from "./pack/stackPolicy";
import { batchEndpointSelectedIps } from "./rules/batchEndpointSelectedIps";
import { computeIdleShutdown, computeLocalAuth, computePublicIp } from "./rules/computeHygiene";
import { computeRegion } from "./rules/computeRegion";
import { computeVnet } from "./rules/computeVnet";
import { clientVnetReach } from "./rules/clientVnetReach";
import { firewallTransit } from "./rules/firewallTransit";
import { dependencyEndpointsPerVnet } from "./rules/dependencyEndpointsPerVnet";
import { dnsRecordCollision } from "./rules/dnsRecordCollision";
import { dockerBridgeOverlap } from "./rules/dockerBridgeOverlap";
import { endpointSubnetPolicies } from "./rules/endpointSubnetPolicies";
import { endpointZoneGroups } from "./rules/endpointZoneGroups";
import { imageBuildCompute } from "./rules/imageBuildCompute";
import { invalidIpRules } from "./rules/invalidIpRules";
import { managedNetworkBatchEndpointRules } from "./rules/managedNetworkBatchEndpointRules";
import { managedNetworkComputeSubnet } from "./rules/managedNetworkComputeSubnet";
import { managedNetworkDeploymentEgress } from "./rules/managedNetworkDeploymentEgress";
import { managedNetworkOutboundRuleTypes } from "./rules/managedNetworkOutboundRuleTypes";
import { managedNetworkUnsupportedCompute } from "./rules/managedNetworkUnsupportedCompute";
import { ipRulesOnDisabledWorkspace } from "./rules/ipRulesOnDisabledWorkspace";
import { onlineEndpointSelectedIps } from "./rules/onlineEndpointSelectedIps";
import { publicAccessWithEndpoints } from "./rules/publicAccessWithEndpoints";
import { registryPremium } from "./rules/registryPremium";
import { synapseExfiltration } from "./rules/synapseExfiltration";
import { workspaceManagedNetworkIsolationMode } from "./rules/workspaceManagedNetworkIsolationMode";
import { unreadResources } from "./rules/unreadResources";
import { workspacePublicAccess } from "./rules/workspacePublicAccess";
import { zoneLinkedToVnet } from "./rules/zoneLinkedToVnet";
import { duplicateZoneLinksRule } from "./rules/duplicateZoneLinks";
import { rulesetLinkLimits } from "./rules/rulesetLinkLimits";
import { resolutionUnverified } from "./rules/resolutionUnverified";
import { computeInVirtualNetwork } from "./rules/computeInVirtualNetwork";
import { keyVaultFirewall, keyVaultPublicAccess } from "./rules/keyVaultNetworkRules";
import { nicNoPublicIp } from "./rules/nicNoPublicIp";
import { privateLinkUsed } from "./rules/privateLinkUsed";
import { registryNetworkRules, registryPublicAccess, registrySku } from "./rules/registryNetworkRules";
import { storageBlobPublicAccess } from "./rules/storageBlobPublicAccess";
import {
  storageNetworkRules,
  storagePublicAccess,
  storageTrustedServices,
} from "./rules/storageNetworkRules";
import { subnetPrivate } from "./rules/subnetPrivate";
import { platformNetwork } from "./rules/platformNetwork";

export const stackRules = [
  // First: its config is the platform description every other rule's model is built with.
  platformNetwork,
  onlineEndpointSelectedIps,
  batchEndpointSelectedIps,
  ipRulesOnDisabledWorkspace,
  invalidIpRules,
  publicAccessWithEndpoints,
  dependencyEndpointsPerVnet,
  clientVnetReach,
  endpointZoneGroups,
  zoneLinkedToVnet,
  dnsRecordCollision,
  dockerBridgeOverlap,
  endpointSubnetPolicies,
  computeRegion,
  computeVnet,
  imageBuildCompute,
  registryPremium,
  synapseExfiltration,
  // Azure Policy parity (issue 10 §2).
  storagePublicAccess,
  storageNetworkRules,
  storageTrustedServices,
  keyVaultPublicAccess,
  keyVaultFirewall,
  registryPublicAccess,
  registryNetworkRules,
  registrySku,
  privateLinkUsed,
  computeInVirtualNetwork,
  subnetPrivate,
  nicNoPublicIp,
  managedNetworkComputeSubnet,
  managedNetworkUnsupportedCompute,
  managedNetworkOutboundRuleTypes,
  managedNetworkDeploymentEgress,
  managedNetworkBatchEndpointRules,
  workspaceManagedNetworkIsolationMode,
  unreadResources,
  // Name resolution and reachability (issue 17).
  duplicateZoneLinksRule,
  rulesetLinkLimits,
  resolutionUnverified,
  // Routes through a hub firewall (issue 25).
  firewallTransit,
] as const;

export const resourceRules = [
  workspacePublicAccess,
  computeLocalAuth,
  computePublicIp,
  computeIdleShutdown,
  storageBlobPublicAccess,
] as const;

export const policies: Policies = [
  ...stackRules.map((rule) => stackPolicy<object>(rule)),
  ...resourceRules.map((rule) => resourcePolicy<object>(rule)),
];
