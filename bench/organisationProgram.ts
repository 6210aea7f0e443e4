/**
 * A synthetic organisation-scale stack written with our components: many secured workspaces, each with
 * several complete endpoint sets, an image-build cluster, a compute instance and an online endpoint.
 * Sized by workspace count; the policy benchmark runs it on the mock monitor to get the graph the engine
 * would send the pack.
 */
import * as ml from "@pulumi/azure-native/machinelearningservices";
import * as resources from "@pulumi/azure-native/resources";
import { PrivateCompute, PrivateComputeKinds, SecuredWorkspace, WorkspaceNetwork } from "../sdk";
import { endpointSetLayouts } from "./endpointSetLayouts";

export interface OrganisationShape {
  workspaces: number;
  /** Complete endpoint sets (VNets) per workspace; the first is the services set. */
  setsPerWorkspace: number;
}

const location = "westeurope";

export function organisationProgram(shape: OrganisationShape): () => void {
  return () => {
    for (let w = 0; w < shape.workspaces; w++) {
      const name = workspaceName(w);
      const group = new resources.ResourceGroup(`${name}-rg`, { location });
      const workspace = new SecuredWorkspace(name, {
        resourceGroupName: group.name,
        location,
        workspaceName: `mlw-${name}`,
        imageBuildCompute: "cpu-cluster",
        protectStatefulResources: false,
      });
      const net = new WorkspaceNetwork(`${name}-net`, {
        ...workspace.endpointTargets(),
        sets: endpointSetLayouts(shape.setsPerWorkspace),
      });
      const compute = {
        workspaceName: workspace.workspaceName,
        resourceGroupName: group.name,
        workspaceLocation: location,
        subnetId: net.servicesSubnetId,
        vmSize: "Standard_DS3_v2",
      };
      new PrivateCompute(`${name}-build`, {
        ...compute,
        kind: PrivateComputeKinds.Cluster,
        computeName: "cpu-cluster",
      });
      new PrivateCompute(`${name}-instance`, {
        ...compute,
        kind: PrivateComputeKinds.Instance,
        computeName: `ci-${name}`,
      });
      new ml.OnlineEndpoint(`${name}-endpoint`, {
        endpointName: `ep-${name}`,
        workspaceName: workspace.workspaceName,
        resourceGroupName: group.name,
        location,
        identity: { type: ml.ManagedServiceIdentityType.SystemAssigned },
        properties: { authMode: ml.EndpointAuthMode.Key, publicNetworkAccess: "Disabled" },
      });
    }
  };
}

/**
 * Workspace `w`'s name, fixed width so that one workspace's name never occurs inside another's: the
 * synthetic stacks copy a workspace's records by replacing it.
 */
export function workspaceName(w: number): string {
  return `ws${String(w).padStart(5, "0")}`;
}
