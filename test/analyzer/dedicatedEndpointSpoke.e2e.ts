/**
 * Microsoft's dedicated private-endpoint spoke reached through the hub firewall (inspect-traffic-with-azure-
 * firewall, Scenario 1; programs/dedicatedEndpointSpoke.ts) through the real pack over the Analyzer protocol:
 * no mandatory finding at preview, after the update and as discovered in the account, one advisory for the
 * firewall's rules; without its route the clients spoke is blocked.
 */
import { expect } from "chai";
import { runOnMocks, type RecordedGraph } from "../../plan/mockRun";
import type { PolicyRun } from "../../plan/policy/policyPackSession";
import { discoveredGraph } from "./discoveredForm";
import { dedicatedEndpointSpoke, type DedicatedEndpointSpokeArgs } from "./programs/dedicatedEndpointSpoke";
import { startRealPack, stopRealPack, type RealPackSessions } from "./realPackSessions";

type FormName = "preview" | "update" | "discovered";

let sessions: RealPackSessions;

async function run(args: DedicatedEndpointSpokeArgs, form: FormName) {
  const recorded = await runOnMocks(dedicatedEndpointSpoke(args), { preview: form === "preview" });
  const graph = form === "discovered" ? discoveredGraph(recorded) : recorded.graph;
  const result = await (form === "preview" ? sessions.preview : sessions.update).check(graph);
  expect(result.stackAnalyzed).to.equal(true);
  return { graph, result };
}

function findings(result: PolicyRun, graph: RecordedGraph, level: "mandatory" | "advisory"): string[] {
  return result.diagnostics
    .filter((d) => d.enforcementLevel === level)
    .map((d) => `${d.policyName} @ ${graph.byUrn(d.urn)?.name ?? d.urn}`)
    .sort();
}

describe("real pack: the dedicated private-endpoint spoke through the hub firewall", function () {
  this.timeout(180_000);
  before(async () => {
    sessions = await startRealPack();
  });
  after(() => stopRealPack(sessions));

  for (const form of ["preview", "update", "discovered"] as const)
    it(`${form}: no mandatory finding; one advisory says the firewall's rules must allow the traffic`, async () => {
      const { graph, result } = await run({}, form);
      expect(findings(result, graph, "mandatory")).to.deep.equal([]);
      expect(
        findings(result, graph, "advisory").filter((f) => f.startsWith("traffic-through-firewall")),
      ).to.have.length(1);
    });

  for (const form of ["preview", "update"] as const)
    it(`${form}: without its route, the clients spoke is blocked`, async () => {
      const { graph, result } = await run({ withoutRoutes: true }, form);
      expect(findings(result, graph, "mandatory")).to.deep.equal([
        "client-vnet-reaches-workspace @ clients-vnet",
      ]);
    });
});
