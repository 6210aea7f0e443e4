/**
 * Workspace kinds through the real pack over the Analyzer protocol: the Azure Verified Modules `private_ai_hub`
 * example (a `kind: Hub` workspace, test/analyzer/programs/privateAiHub.ts) with the `hub_and_projects`
 * example's project, at preview, after update, by literal ids and discovered in the account. The hub gets no
 * image-build finding (hubs have no compute clusters), and the project, which uses the hub's endpoints,
 * managed network and dependencies, gets no finding at all; the same workspace as `kind: Default` still gets
 * the image-build finding.
 */
import { expect } from "chai";
import { runOnMocks, type RecordedGraph } from "../../plan/mockRun";
import type { PolicyRun } from "../../plan/policy/policyPackSession";
import { discoveredGraph } from "./discoveredForm";
import { privateAiHub, type PrivateAiHubArgs } from "./programs/privateAiHub";
import { startRealPack, stopRealPack, type RealPackSessions } from "./realPackSessions";

const forms = [
  { name: "preview", preview: true, literal: false, discovered: false },
  { name: "after update", preview: false, literal: false, discovered: false },
  { name: "literal ids (preview)", preview: true, literal: true, discovered: false },
  { name: "discovered in the account", preview: false, literal: false, discovered: true },
];

let sessions: RealPackSessions;

async function findings(args: PrivateAiHubArgs, form: (typeof forms)[number]) {
  const recorded = await runOnMocks(privateAiHub(args), { preview: form.preview });
  const graph: RecordedGraph = form.discovered ? discoveredGraph(recorded) : recorded.graph;
  const run: PolicyRun = await sessions[form.preview ? "preview" : "update"].check(graph);
  expect(run.stackAnalyzed).to.equal(true);
  const named = (level?: string) =>
    run.diagnostics
      .filter((d) => level === undefined || d.enforcementLevel === level)
      .map((d) => `${d.policyName} @ ${graph.byUrn(d.urn)?.name ?? d.urn}`)
      .sort();
  return { mandatory: named("mandatory"), all: named() };
}

describe("workspace kinds over the Analyzer protocol (AVM private_ai_hub)", function () {
  this.timeout(60_000);

  before(async () => {
    sessions = await startRealPack();
  });

  after(() => stopRealPack(sessions));

  for (const form of forms) {
    it(`${form.name}: the hub and its project plan with no mandatory finding, none at all on the project`, async () => {
      const found = await findings({ literal: form.literal, project: true, kind: "Hub" }, form);
      expect(found.mandatory).to.deep.equal([]);
      expect(found.all.filter((f) => f.endsWith("@ aihub-project"))).to.deep.equal([]);
    });

    it(`${form.name}: the same workspace as kind Default still needs an image-build cluster`, async () => {
      const found = await findings({ literal: form.literal, project: false, kind: "Default" }, form);
      expect(found.mandatory).to.deep.equal(["image-build-compute-with-private-dependencies @ aihub"]);
    });
  }
});
