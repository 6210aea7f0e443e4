/**
 * The policy README's Azure Policy parity table is the built-in table of policy/azure/builtins.ts, with each
 * policy's default level read from the pack; every policy it names exists in the pack.
 */
import { expect } from "chai";
import { builtInPolicies } from "../../policy/azure/builtins";
import { resourceRules, stackRules } from "../../policy/policies";
import { readmeTableRows } from "./readmeTable";

const levels = new Map<string, string>(
  [...stackRules, ...resourceRules].map((r) => [r.name, r.enforcementLevel]),
);

/** The table's rows as cells, as the README must hold them. */
function expectedRows(): string[][] {
  return builtInPolicies.map((b) => [
    b.displayName,
    `\`${b.id}\``,
    b.effect,
    b.policies.length === 0 ? "none" : b.policies.map((p) => `\`${p}\` (${levels.get(p)})`).join(", "),
    b.note,
  ]);
}

function readmeRows(): string[][] {
  return readmeTableRows("<!-- parity-table:start -->", "<!-- parity-table:end -->");
}

describe("Azure Policy parity table", () => {
  it("lists the 40 in-scope built-ins once each", () => {
    const ids = builtInPolicies.map((b) => b.id);
    expect(new Set(ids).size).to.equal(40);
    expect(ids).to.have.length(40);
  });

  it("names only policies of the pack", () => {
    const named = builtInPolicies.flatMap((b) => b.policies);
    expect(named.filter((p) => !levels.has(p))).to.deep.equal([]);
  });

  it("is what policy/README.md shows", () => {
    const expected = expectedRows();
    const shown = readmeRows();
    const render = (rows: string[][]) => rows.map((r) => `| ${r.join(" | ")} |`).join("\n");
    expect(render(shown), `README parity table; expected:\n${render(expected)}`).to.equal(render(expected));
  });
});
