/**
 * The recipes of docs/recipes: each program's clean stack and its broken twin, and what a plan of each must say.
 * Planned from the clone (recipes.e2e.ts) and from the installed package (test/package/consumer.e2e.ts).
 */
import { expect } from "chai";
import type { PlanDocument } from "../../plan/plan";

export interface Recipe {
  /** Its directory under docs/recipes. */
  dir: string;
  /** Each VNet of the clean stack and the route every one of its names resolves over. */
  routes: Record<string, string>;
  /** The advisories the clean stack keeps (policy names): what the pack says it cannot verify. */
  advisories?: string[];
  /**
   * How its broken twin fails: refused at preview by WorkspaceNetwork (exit 2, before the pack runs), or blocked
   * by the pack's mandatory findings (exit 1), given as `policy @ resource`.
   */
  broken: { refusedBy: "WorkspaceNetwork" } | { blockedBy: string[] };
}

/** The route of a clients spoke whose default route takes it through the hub firewall to the endpoints spoke. */
const throughHubFirewall =
  "through Azure Firewall 'hub-firewall' in VNet 'hub-vnet' (route 'default-to-firewall' of route table " +
  "'net-clients-routes' on subnet 'net-clients-endpoints' sends 10.2.0.0/16 there; both VNets are peered both " +
  "ways with the hub and receive forwarded traffic)";

export const recipes: readonly Recipe[] = [
  {
    dir: "endpoints-in-hub",
    routes: {
      "net-hub-vnet": "in the same VNet",
      "net-compute-vnet": "peered both ways",
      "net-clients-vnet": "peered both ways",
    },
    broken: { refusedBy: "WorkspaceNetwork" },
  },
  {
    dir: "workspace-spoke",
    routes: { "net-workspace-vnet": "in the same VNet", "net-clients-vnet": "peered both ways" },
    broken: { refusedBy: "WorkspaceNetwork" },
  },
  {
    dir: "endpoint-spoke",
    routes: {
      "hub-vnet": "peered both ways",
      "net-endpoints-vnet": "in the same VNet",
      "net-clients-vnet": throughHubFirewall,
    },
    // The pack cannot verify the firewall's rules and SNAT fully: one advisory for the one path through it.
    advisories: ["traffic-through-firewall"],
    // The hub's VNet id is not known at preview (built in the program): the component leaves the route to the pack.
    broken: { blockedBy: ["client-vnet-reaches-workspace @ net-clients-vnet"] },
  },
];

/** The clean stack: no finding, and every VNet resolves every name the workspace needs, ok, over its route. */
export function expectClean(recipe: Recipe, doc: PlanDocument): void {
  expect(doc.findings.mandatory, recipe.dir).to.deep.equal([]);
  expect(
    doc.findings.advisory.map((f) => f.policy),
    recipe.dir,
  ).to.deep.equal(recipe.advisories ?? []);
  const routes = Object.fromEntries(
    doc.vnets.map((t) => [t.vnet, [...new Set(t.resolution.map((r) => `${r.status}: ${r.route}`))]]),
  );
  expect(routes, recipe.dir).to.deep.equal(
    Object.fromEntries(Object.entries(recipe.routes).map(([vnet, route]) => [vnet, [`ok: ${route}`]])),
  );
  for (const t of doc.vnets) expect(t.resolution, `${recipe.dir} ${t.vnet}`).to.have.length(6);
}

/** What a plan of a broken twin gave: its exit code, and what it printed (`--json` on stdout). */
export interface BrokenRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The broken twin: refused at preview by the component, naming the argument, the path and the fix; or blocked by
 * the pack's mandatory findings on the VNet that cannot reach the endpoints.
 */
export function expectBroken(recipe: Recipe, run: BrokenRun): void {
  if ("blockedBy" in recipe.broken) {
    expect(run.code, `${recipe.dir}: ${run.stderr}`).to.equal(1);
    const doc = JSON.parse(run.stdout) as PlanDocument;
    expect(doc.findings.mandatory.map((f) => `${f.policy} @ ${f.name}`)).to.deep.equal(
      recipe.broken.blockedBy,
    );
    return;
  }
  expect(run.code, `${recipe.dir}: ${run.stderr}`).to.equal(2);
  expect(run.stderr).to.contain('Invalid arguments for WorkspaceNetwork "net"');
  expect(run.stderr).to.match(
    /sets\.clients\.endpoints: \[\]: the VNet could not use the endpoints it omits \(.*resolves through Azure DNS; privatelink\.api\.azureml\.ms is not linked to set clients's VNet/,
  );
  expect(run.stderr).to.contain("add them to endpoints, or peer the VNet with the hub that holds them");
}
