/**
 * Where Azure Machine Learning computes may run relative to the workspace's private endpoint, in words the
 * components and the policy pack share (how-to-secure-training-vnet: "Compute cluster in a different
 * VNet/region from workspace" allows a cluster in a peered VNet; a compute instance can't be created in a
 * different VNet).
 */
export const instanceInPeeredVnetReason =
  "a compute instance must be in the VNet of the workspace's private endpoint: Azure Machine Learning creates instances only there, not in a peered VNet (how-to-secure-training-vnet); put the instance in the services subnet, or use a compute cluster in the spoke";
