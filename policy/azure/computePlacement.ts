/**
 * Where Azure Machine Learning computes may run relative to the workspace's private endpoint, in the words the
 * policy pack's compute-in-endpoint-vnet rule uses for a compute instance in a peered VNet (how-to-secure-
 * training-vnet: "You can't create a compute instance in a different region/VNet, only a compute cluster").
 */
export const instanceInPeeredVnetReason =
  "only a compute cluster may use a VNet peered with the workspace endpoint's (Azure ML docs, how-to-secure-training-vnet: \"You can't create a compute instance in a different region/VNet, only a compute cluster.\"); put the instance in the VNet of one of the workspace's endpoints (the services subnet), or use a compute cluster in the spoke";
