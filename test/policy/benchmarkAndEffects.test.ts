/**
 * The compliance metadata's one control table and the parity table's effects, as policy/README.md states
 * them: the benchmark table is pack/benchmark.ts; the "Levels" text names exactly the Audit built-ins that
 * offer no Deny; the initiative's groupings name only built-ins of the parity table.
 */
import { expect } from "chai";
import { builtInPolicies } from "../../policy/azure/builtins";
import { benchmark, benchmarkControls } from "../../policy/pack/benchmark";
import { policyReadme, readmeTableRows } from "./readmeTable";

function section(start: string, end: string): string {
  const from = policyReadme.indexOf(start);
  expect(from, start).to.be.greaterThan(-1);
  return policyReadme.slice(from, policyReadme.indexOf(end, from));
}

describe("benchmark controls and built-in effects", () => {
  it("names the framework Azure Security Benchmark v3, one title per control", () => {
    expect(benchmark("NS-2")).to.deep.equal({
      name: "Azure Security Benchmark",
      version: "v3",
      reference: "NS-2",
      specification: "Secure cloud services with network controls",
    });
  });

  it("the README's control table is pack/benchmark.ts", () => {
    const rows = readmeTableRows("<!-- benchmark-table:start -->", "<!-- benchmark-table:end -->");
    const expected = Object.entries(benchmarkControls).map(([id, c]) => [
      id,
      c.title,
      c.initiative.length === 0 ? "none" : c.initiative.map((b) => `\`${b.slice(0, 8)}\``).join(", "),
      c.projectChoice,
    ]);
    expect(rows).to.deep.equal(expected);
  });

  it("the initiative's groupings name built-ins of the parity table", () => {
    const ids = new Set(builtInPolicies.map((b) => b.id));
    const grouped = Object.values(benchmarkControls).flatMap((c) => [...c.initiative]);
    expect(grouped.filter((id) => !ids.has(id))).to.deep.equal([]);
  });

  it("the README's Levels text names exactly the Audit built-ins without Deny", () => {
    const levels = section("- **Levels.**", "- **Scope.**");
    const named = [...levels.matchAll(/`([0-9a-f]{8})`/g)].map((m) => m[1]);
    const auditOnly = builtInPolicies
      .filter((b) => /^Audit/i.test(b.effect) && !b.offersDeny)
      .map((b) => b.id.slice(0, 8));
    // 83a86a26 is named as the Deny-only one.
    expect(named.filter((id) => id !== "83a86a26").sort()).to.deep.equal(auditOnly.sort());
    expect(builtInPolicies.find((b) => b.id.startsWith("83a86a26"))?.offersDeny).to.equal(true);
  });
});
