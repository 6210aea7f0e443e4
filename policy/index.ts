/** The CrossGuard pack for network-isolated Azure ML workspaces. Constructing it starts the policy server. */
import * as fs from "fs";
import * as path from "path";
import { PolicyPack } from "@pulumi/policy";
import { shareDeserializedProperties } from "./pack/sharedDeserialization";
import { shareStackResources } from "./pack/sharedStackResources";
import { policies } from "./policies";

shareDeserializedProperties();
shareStackResources();

new PolicyPack("azureml-network-isolation", {
  displayName: "Azure ML network isolation",
  description:
    "Network isolation of Azure Machine Learning workspaces: private endpoints per VNet, DNS zones and links, selected IPs and online/batch endpoints, compute placement, and workspace/compute hygiene.",
  // Pulumi Cloud shows it on the pack's page; the README ships with the pack (`pulumi policy publish` packs the directory).
  readme: fs.readFileSync(path.join(__dirname, "README.md"), "utf8"),
  provider: "azure",
  tags: ["azure", "azure-machine-learning", "network-isolation", "private-link", "private-dns"],
  policies,
});
