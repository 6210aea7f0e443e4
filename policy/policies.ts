/** Every policy of the pack, in issue order. Kept apart from index.ts so tests load them without a server. */
import type { Policies } from "@pulumi/policy";
import { resourcePolicy } from "./pack/resourcePolicy";
import { stackPolicy } from "./pack/stackPolicy";
import { batchEndpointSelectedIps } from "./rules/batchEndpointSelectedIps";
import { computeIdleShutdown, computeLocalAuth, computePublicIp } from "./rules/computeHygiene";
import { computeRegion } from "./rules/computeRegion";
import { computeVnet } from "./rules/computeVnet";
import { dependencyEndpointsPerVnet } from "./rules/dependencyEndpointsPerVnet";
import { dnsRecordCollision } from "./rules/dnsRecordCollision";
import { dockerBridgeOverlap } from "./rules/dockerBridgeOverlap";
import { endpointSubnetPolicies } from "./rules/endpointSubnetPolicies";
import { endpointZoneGroups } from "./rules/endpointZoneGroups";
import { imageBuildCompute } from "./rules/imageBuildCompute";
import { invalidIpRules } from "./rules/invalidIpRules";
import { ipRulesOnDisabledWorkspace } from "./rules/ipRulesOnDisabledWorkspace";
import { onlineEndpointSelectedIps } from "./rules/onlineEndpointSelectedIps";
import { publicAccessWithEndpoints } from "./rules/publicAccessWithEndpoints";
import { registryPremium } from "./rules/registryPremium";
import { synapseExfiltration } from "./rules/synapseExfiltration";
import { unreadResources } from "./rules/unreadResources";
import { workspacePublicAccess } from "./rules/workspacePublicAccess";
import { zoneLinkedToVnet } from "./rules/zoneLinkedToVnet";

export const stackRules = [
  onlineEndpointSelectedIps,
  batchEndpointSelectedIps,
  ipRulesOnDisabledWorkspace,
  invalidIpRules,
  publicAccessWithEndpoints,
  dependencyEndpointsPerVnet,
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
  unreadResources,
] as const;

export const resourceRules = [
  workspacePublicAccess,
  computeLocalAuth,
  computePublicIp,
  computeIdleShutdown,
] as const;

export const policies: Policies = [
  ...stackRules.map((rule) => stackPolicy<object>(rule)),
  ...resourceRules.map((rule) => resourcePolicy<object>(rule)),
];
