/**
 * A recorded graph of `count` private endpoints in one VNet (outside the stack, as a hub's), to `targets`
 * storage accounts, each with its private IP: the scale the picture and the tables must survive. Built as
 * the mock run records resources, without running a program (10,000 endpoints in milliseconds).
 */
import { RecordedGraph } from "../../plan/mockRun";
import { recordedResource } from "../recordedResource";

const rg = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-hub/providers";

export function syntheticEndpoints(count: number, targets: number): RecordedGraph {
  const graph = new RecordedGraph();
  for (let i = 0; i < count; i++) {
    const name = `pe-${i}`;
    const groupId = i % 2 === 0 ? "blob" : "file";
    const ip = `10.${Math.floor(i / 65536) % 256}.${Math.floor(i / 256) % 256}.${i % 256}`;
    const outputs = {
      id: `${rg}/Microsoft.Network/privateEndpoints/${name}`,
      name,
      resourceGroupName: "rg-hub",
      subnet: { id: `${rg}/Microsoft.Network/virtualNetworks/vnet-hub/subnets/endpoints` },
      privateLinkServiceConnections: [
        {
          name,
          privateLinkServiceId: `${rg}/Microsoft.Storage/storageAccounts/st${i % targets}`,
          groupIds: [groupId],
        },
      ],
      customDnsConfigs: [{ fqdn: `st${i % targets}.${groupId}.core.windows.net`, ipAddresses: [ip] }],
    };
    graph.resources.push(
      recordedResource({
        urn: `urn:pulumi:scale::scale::azure-native:network:PrivateEndpoint::${name}`,
        type: "azure-native:network:PrivateEndpoint",
        name,
        custom: true,
        inputs: outputs,
        outputs,
        id: outputs.id,
      }),
    );
  }
  return graph;
}
