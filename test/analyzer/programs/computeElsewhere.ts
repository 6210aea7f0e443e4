/**
 * The correct single-VNet topology plus a compute cluster in another region than its workspace: a
 * mistake only when the workspace has private endpoints, which a discovered account may show only through
 * the workspace's connection list (the endpoints live in the network team's subscription).
 */
import * as azure from "@pulumi/azure-native";
import { singleVnet } from "./topologies";

export function computeElsewhere(): () => void {
  return () => {
    singleVnet("none")();
    new azure.machinelearningservices.Compute("cpu-cluster", {
      resourceGroupName: "rg-ml",
      workspaceName: "mlw-private",
      computeName: "cpu-cluster",
      location: "northeurope",
      properties: {
        computeType: "AmlCompute",
        disableLocalAuth: true,
        properties: { vmSize: "Standard_DS3_v2", enableNodePublicIp: false },
      },
    });
  };
}
