/**
 * Issue 18's measure: the hub and spoke written with the components against the same written in raw
 * azure-native. The component program is at most half the lines, both plan with no mandatory finding under the
 * real pack, and the broken variant (a compute spoke resolving through Azure DNS, not the hub's resolver) is
 * refused by the components at preview for the reason the pack flags the raw one with.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { compiledPack } from "../../plan/compiledPack";
import { runOnMocks, settle, startRecording } from "../../plan/mockRun";
import { WorkspaceNetwork } from "../../sdk/endpoints/workspaceNetwork";
import { existingWorkspace } from "../endpoints/fixtures";
import { PolicyPackSession } from "../../plan/policy/policyPackSession";
import { componentHubSpoke } from "./programs/componentHubSpoke";
import { rawHubSpoke } from "./programs/rawHubSpoke";

/** Lines of code: not blank, not a comment. */
function codeLines(file: string): number {
  return fs
    .readFileSync(path.join(__dirname, "programs", file), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !/^\s*(\/\/|\/\*\*?|\*)/.test(l)).length;
}

/** The part of a path both the pack and the components say, whatever the VNet's label. */
const unresolvedApi = /resolves through Azure DNS; privatelink\.api\.azureml\.ms is not linked to/;

describe("hub and spoke: components against raw azure-native", function () {
  this.timeout(120_000);
  let session: PolicyPackSession;

  before(async () => {
    session = await PolicyPackSession.start({ packDir: compiledPack("policy").dir, dryRun: true });
  });
  after(async () => {
    await session?.stop();
  });

  it("the component program is at most half the lines of the raw one", () => {
    const components = codeLines("componentHubSpoke.ts");
    const raw = codeLines("rawHubSpoke.ts");
    expect(components * 2, `${components} lines with the components, ${raw} raw`).to.be.at.most(raw);
  });

  for (const preview of [true, false]) {
    for (const [name, program] of [
      ["components", componentHubSpoke()],
      ["raw azure-native", rawHubSpoke()],
    ] as const) {
      it(`${name} (${preview ? "preview" : "update"}): no mandatory finding`, async () => {
        const { graph } = await runOnMocks(program, { preview });
        const run = await session.check(graph);
        expect(run.stackAnalyzed).to.equal(true);
        expect(
          run.diagnostics.filter((d) => d.enforcementLevel === "mandatory").map((d) => d.message),
        ).to.deep.equal([]);
      });
    }
  }

  it("a compute spoke resolving through Azure DNS: the pack flags the raw program, the components refuse it at preview, on the same path", async () => {
    const { graph } = await runOnMocks(rawHubSpoke({ spokeWithoutDns: true }), { preview: false });
    const run = await session.check(graph);
    const flagged = run.diagnostics.filter((d) => d.enforcementLevel === "mandatory");
    expect(flagged.map((d) => d.policyName)).to.deep.equal(["compute-in-endpoint-vnet"]);
    expect(flagged[0].message).to.match(unresolvedApi);

    // The same compute spoke with the components, its DNS servers left out.
    const graphBefore = await startRecording({ preview: true });
    let refused: unknown;
    try {
      new WorkspaceNetwork("net", {
        ...existingWorkspace,
        sets: {
          hub: { addressSpace: ["10.0.0.0/16"], endpointSubnetPrefix: "10.0.1.0/24", servicesSet: true },
          compute: {
            servicesSet: false,
            endpoints: [],
            hubVirtualNetworkId: `${existingWorkspace.workspaceId.split("/providers/")[0]}/providers/Microsoft.Network/virtualNetworks/hub`,
            // The hub is the hub set's VNet (its range says so): the spoke is peered with the endpoints' VNet.
            hubAddressSpace: ["10.0.0.0/16"],
            addressSpace: ["10.1.0.0/16"],
            endpointSubnetPrefix: "10.1.1.0/24",
          },
        },
      });
    } catch (e) {
      refused = e;
    }
    await settle();
    expect(graphBefore.resources, "nothing registered").to.deep.equal([]);
    expect(pulumi.InputPropertiesError.isInstance(refused), String(refused)).to.equal(true);
    expect((refused as pulumi.InputPropertiesError).errors[0].propertyPath).to.equal(
      "sets.compute.endpoints",
    );
    expect((refused as Error).message).to.match(unresolvedApi);
  });
});
