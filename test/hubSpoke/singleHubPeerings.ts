/**
 * The peerings single-hub programs register (`hubVirtualNetworkId`, `hubAddressSpace`, `hubPeering`,
 * `platformHub`): their URNs, inputs and options, as the engine diffs them. singleHubPeerings.before.json holds
 * them as registered before `peerings` existed (commit eb4f811); singleHubPeerings.e2e.ts compares.
 */
import * as path from "path";
import { runOnMocks, type MockRunOptions } from "../../plan/mockRun";
import { resolveTarget } from "../../plan/planTarget";
import { programOf } from "../../plan/programEntry";
import { WorkspaceNetwork } from "../../sdk/endpoints/workspaceNetwork";
import { existingWorkspace } from "../endpoints/fixtures";
import { componentHubSpoke } from "./programs/componentHubSpoke";
import { contosoHub, platformSpoke } from "./programs/platformSpoke";

/** The provided stack's program, with its stack config. */
function providedStack(stack: string): SingleHubProgram {
  const target = resolveTarget(stack, { cwd: path.resolve(__dirname, "../..") });
  return {
    program: programOf(target.entry),
    options: { config: target.config.config, project: target.project.name, stack: target.stack },
  };
}

/** A spoke whose hub is a VNet of the program, without `hubAddressSpace`: its range is read from that VNet. */
function programHubSpoke() {
  return () => {
    const hub = new WorkspaceNetwork("hubnet", {
      ...existingWorkspace,
      sets: { hub: { addressSpace: ["10.0.0.0/16"], endpointSubnetPrefix: "10.0.1.0/24" } },
    });
    new WorkspaceNetwork("net", {
      ...existingWorkspace,
      sets: {
        spoke: {
          addressSpace: ["10.1.0.0/16"],
          endpointSubnetPrefix: "10.1.1.0/24",
          servicesSet: false,
          endpoints: [],
          dnsServers: ["10.0.4.4"],
          hubVirtualNetworkId: hub.endpointSet("hub").virtualNetworkId,
        },
      },
    });
  };
}

interface SingleHubProgram {
  program: () => unknown;
  options?: MockRunOptions;
}

export const singleHubPrograms: Record<string, () => SingleHubProgram> = {
  "hub-spoke stack": () => providedStack("hub-spoke"),
  "components hub and spoke": () => ({ program: componentHubSpoke() }),
  "platform spoke, loose hub arguments (ThisSideOnly)": () => ({ program: platformSpoke() }),
  "platform spoke, platformHub": () => ({ program: platformSpoke({ platformHub: contosoHub }) }),
  "spoke of a hub built in the program, its range read": () => ({ program: programHubSpoke() }),
};

/** What the engine compares of each peering: URN, parent, inputs, dependencies and options. */
export async function registeredPeerings(name: string, preview: boolean): Promise<unknown[]> {
  const { program, options } = singleHubPrograms[name]();
  const { graph } = await runOnMocks(program, { ...options, preview });
  return graph.resources
    .filter((r) => r.type === "azure-native:network:VirtualNetworkPeering")
    .map((r) => ({
      urn: r.urn,
      parent: r.parent,
      inputs: r.inputs,
      dependencies: r.dependencies,
      propertyDependencies: r.propertyDependencies,
      replaceOnChanges: r.replaceOnChanges,
      deleteBeforeReplace: r.deleteBeforeReplace,
    }));
}
