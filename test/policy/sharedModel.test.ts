import { expect } from "chai";
import type { StackValidationArgs } from "@pulumi/policy";
import { benchmark } from "../../policy/pack/benchmark";
import type { StackRule } from "../../policy/pack/rule";
import { stackPolicy } from "../../policy/pack/stackPolicy";
import type { StackModel } from "../../policy/model/types";
import { isolatedClients } from "./topologies";

/** A rule that records the model it was given. */
function recordingRule(name: string, seen: StackModel[]): StackRule<object> {
  return {
    name,
    description: name,
    enforcementLevel: "advisory",
    defaults: {},
    configSchema: { properties: {} },
    severity: "low",
    framework: benchmark("NS-2"),
    remediationSteps: name,
    url: "https://learn.microsoft.com/",
    tags: [],
    check: (model) => {
      seen.push(model);
      return [];
    },
  };
}

function argsOf(): StackValidationArgs {
  // Each policy gets its own copy of the resources, as the policy server hands them out.
  return {
    resources: isolatedClients("preview").graph.resources(),
    getConfig: () => ({}),
  } as unknown as StackValidationArgs;
}

describe("stack policies share one model per AnalyzeStack request", () => {
  it("builds the model once for policies run back to back, and anew once the event loop moves on", async () => {
    const seen: StackModel[] = [];
    const [a, b] = ["a", "b"].map((n) => stackPolicy(recordingRule(n, seen)));
    await a.validateStack(argsOf(), () => {});
    await b.validateStack(argsOf(), () => {});
    await new Promise((resolve) => setImmediate(resolve));
    await a.validateStack(argsOf(), () => {});
    expect(seen).to.have.length(3);
    expect(seen[1]).to.equal(seen[0]);
    expect(seen[2]).to.not.equal(seen[0]);
    expect(seen[2].endpoints.length).to.equal(seen[0].endpoints.length).and.to.be.greaterThan(0);
  });
});
