/**
 * The policy README's Azure Policy parity table is the built-in table of policy/azure/builtins.ts, with each
 * policy's default level read from the pack; every policy it names exists in the pack.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { builtInPolicies } from "../../policy/azure/builtins";
import { resourceRules, stackRules } from "../../policy/policies";

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
  const text = fs.readFileSync(path.resolve(__dirname, "../../policy/README.md"), "utf8");
  const start = text.indexOf("<!-- parity-table:start -->");
  const end = text.indexOf("<!-- parity-table:end -->");
  expect(start, "parity table markers").to.be.greaterThan(-1);
  return text
    .slice(start, end)
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split(" | ")
        .map((cell) => cell.trim()),
    );
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
