/** The CrossGuard pack for network-isolated Azure ML workspaces. Constructing it starts the policy server. */
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("azureml-network-isolation", {
  description:
    "Network isolation of Azure Machine Learning workspaces: private endpoints per VNet, DNS zones and links, selected IPs and online/batch endpoints, compute placement, and workspace/compute hygiene.",
  policies,
});
