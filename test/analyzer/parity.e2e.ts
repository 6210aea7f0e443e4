/**
 * Azure Policy parity through the Analyzer protocol: the real pack served once per mode, one compliant and
 * one violating program (one or a few resources per built-in) in preview, update and literal-id forms.
 * Each built-in's own policy (the first it maps to) must flag exactly the resources breaking it (and those
 * of the other built-ins it serves) and nothing of the compliant program.
 */
import { expect } from "chai";
import { builtInPolicies } from "../../policy/azure/builtins";
import { runOnMocks } from "../../plan/mockRun";
import type { PolicyRun } from "../../plan/policy/policyPackSession";
import { discoveredGraph } from "./discoveredForm";
import { parityProgram, violators, type ParityArgs } from "./programs/parityProgram";
import { startRealPack, stopRealPack, type RealPackSessions } from "./realPackSessions";

const enforced = builtInPolicies.filter((b) => b.policies.length > 0);

/** Per policy, the logical names it must flag in the violating program. */
const expectedByPolicy = new Map<string, Set<string>>();
for (const b of enforced) {
  const names = expectedByPolicy.get(b.policies[0]) ?? new Set<string>();
  for (const name of violators[b.id] ?? []) names.add(name);
  expectedByPolicy.set(b.policies[0], names);
}

const forms: { name: string; preview: boolean; literal: boolean; discovered?: boolean }[] = [
  { name: "preview", preview: true, literal: false },
  { name: "update", preview: false, literal: false },
  { name: "literal ids (preview)", preview: true, literal: true },
  // As an audit policy group reads the account: read-back state only, no parents or dependencies.
  { name: "discovered in the account", preview: false, literal: false, discovered: true },
];

let sessions: RealPackSessions;

async function flagged(
  args: ParityArgs,
  preview: boolean,
  discovered = false,
): Promise<Map<string, Set<string>>> {
  const recorded = await runOnMocks(parityProgram(args), { preview });
  const graph = discovered ? discoveredGraph(recorded) : recorded.graph;
  const run: PolicyRun = await (preview ? sessions.preview : sessions.update).check(graph);
  expect(run.stackAnalyzed).to.equal(true);
  const byPolicy = new Map<string, Set<string>>();
  for (const d of run.diagnostics) {
    const names = byPolicy.get(d.policyName) ?? new Set<string>();
    names.add(graph.byUrn(d.urn)?.name ?? d.urn);
    byPolicy.set(d.policyName, names);
  }
  return byPolicy;
}

describe("Azure Policy parity over the Analyzer protocol", function () {
  this.timeout(60_000);

  before(async () => {
    sessions = await startRealPack();
  });

  after(() => stopRealPack(sessions));

  it("every enforced built-in has violators in the program", () => {
    for (const b of enforced) expect(violators[b.id], b.id).to.have.length.greaterThan(0);
  });

  for (const form of forms) {
    it(`${form.name}: the compliant program gets no finding from any parity policy`, async () => {
      const found = await flagged({ violating: false, literal: form.literal }, form.preview, form.discovered);
      const parityPolicies = new Set(enforced.flatMap((b) => b.policies));
      const findings = [...found].filter(([policy]) => parityPolicies.has(policy));
      expect(findings.map(([policy, names]) => `${policy}: ${[...names].join(", ")}`)).to.deep.equal([]);
    });

    it(`${form.name}: each built-in's policy flags exactly its violating resources`, async () => {
      const found = await flagged({ violating: true, literal: form.literal }, form.preview, form.discovered);
      for (const [policy, names] of expectedByPolicy)
        expect([...(found.get(policy) ?? [])].sort(), policy).to.deep.equal([...names].sort());
    });
  }
});
