/**
 * "Only private endpoints in an *Approved* state can send traffic to a specified private-link resource." and
 * manual requests are "created in a *Pending* state" (MicrosoftDocs/azure-docs
 * articles/private-link/private-endpoint-overview.md): after the update, a connection Azure reports Pending or
 * Rejected is no working endpoint. At preview the state is not Azure's yet and counts as today.
 */
import { expect } from "chai";
import { runOnMocks } from "../../plan/mockRun";
import { modelResource } from "../../plan/modelResources";
import { discoveredGraph } from "../analyzer/discoveredForm";
import { hubSpoke, type HubSpokeArgs } from "../analyzer/programs/hubSpoke";
import { check } from "./check";

async function mandatory(args: HubSpokeArgs, form: "preview" | "update" | "discovered"): Promise<string[]> {
  const run = await runOnMocks(hubSpoke(args), { preview: form === "preview" });
  const graph = form === "discovered" ? discoveredGraph(run) : run.graph;
  return check(graph.resources.filter((r) => r.custom).map(modelResource))
    .filter((f) => f.level === "mandatory")
    .map((f) => `${f.rule}: ${f.message}`);
}

describe("approval state of private endpoint connections", function () {
  this.timeout(60_000);
  // The workspace's endpoint in the spoke, the registry's in the hub: the spoke reaches the registry only
  // through that endpoint.
  const design = (manualRegistry: HubSpokeArgs["manualRegistry"]): HubSpokeArgs => ({
    dns: "resolver",
    endpoints: "split",
    manualRegistry,
  });

  for (const status of ["Pending", "Rejected"] as const)
    for (const form of ["update", "discovered"] as const)
      it(`a manual connection Azure reports ${status} reaches nothing (${form})`, async () => {
        const found = await mandatory(design(status), form);
        expect(found.some((f) => f.includes("holds no record of container registry 'acr'"))).to.equal(
          true,
          found.join("\n"),
        );
      });

  it("an Approved manual connection works", async () => {
    expect(await mandatory(design("Approved"), "update")).to.deep.equal([]);
  });

  // ARM compares enum strings without regard to case; a state read back in another case is still Approved.
  it("an approved manual connection works whatever the case of its state", async () => {
    expect(await mandatory(design("approved"), "update")).to.deep.equal([]);
  });

  it("at preview the state is not Azure's yet: counted as today", async () => {
    expect(await mandatory(design("Pending"), "preview")).to.deep.equal([]);
  });
});
