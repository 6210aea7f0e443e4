/**
 * Issue 25's "Done when" through the offline plan's command, as a user runs it (`npm run -s plan -- <dir>`): the
 * dedicated private-endpoint spoke reached through the hub firewall (Microsoft's "Scenario 1: Hub and spoke
 * architecture - Dedicated virtual network for private endpoints", inspect-traffic-with-azure-firewall: "A route
 * pointing to the network address space where the private endpoints are deployed is created";
 * fixtures/dedicated-endpoint-spoke) plans with no mandatory finding and exits 0; without its route (stack
 * `no-routes`) the clients spoke is blocked and the plan exits 1, as `pulumi preview` would fail.
 */
import { expect } from "chai";
import { spawnSync } from "child_process";
import * as path from "path";
import type { PlanDocument } from "../../plan/plan";

const repoRoot = path.resolve(__dirname, "..", "..");
const fixture = path.join(__dirname, "fixtures", "dedicated-endpoint-spoke");

function plan(stack: string): { status: number | null; doc: PlanDocument } {
  const result = spawnSync("npm", ["run", "-s", "plan", "--", fixture, "--stack", stack, "--json"], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!result.stdout) throw new Error(`no plan for ${stack}: ${result.stderr}`);
  return { status: result.status, doc: JSON.parse(result.stdout) as PlanDocument };
}

const found = (doc: PlanDocument, level: "mandatory" | "advisory") =>
  doc.findings[level].map((f) => `${f.policy} @ ${f.name}`).sort();

describe("plan CLI: the dedicated private-endpoint spoke through the hub firewall", function () {
  this.timeout(240_000);

  it("plans with no mandatory finding and exits 0; one advisory says the firewall's rules must allow the traffic", () => {
    const { status, doc } = plan("through-firewall");
    expect(found(doc, "mandatory")).to.deep.equal([]);
    expect(found(doc, "advisory")).to.include("traffic-through-firewall @ clients-routes");
    expect(status).to.equal(0);
  });

  it("without its route the clients spoke is blocked and the plan exits 1", () => {
    const { status, doc } = plan("no-routes");
    expect(found(doc, "mandatory")).to.deep.equal(["client-vnet-reaches-workspace @ clients-vnet"]);
    expect(found(doc, "advisory")).not.to.include("traffic-through-firewall @ clients-routes");
    expect(status).to.equal(1);
  });
});
