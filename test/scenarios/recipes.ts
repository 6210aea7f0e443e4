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
}

export const recipes: readonly Recipe[] = [
  {
    dir: "endpoints-in-hub",
    routes: {
      "net-hub-vnet": "in the same VNet",
      "net-compute-vnet": "peered both ways",
      "net-clients-vnet": "peered both ways",
    },
  },
  {
    dir: "workspace-spoke",
    routes: { "net-workspace-vnet": "in the same VNet", "net-clients-vnet": "peered both ways" },
  },
];

/** The clean stack: no finding, and every VNet resolves every name the workspace needs, ok, over its route. */
export function expectClean(recipe: Recipe, doc: PlanDocument): void {
  expect(doc.findings, recipe.dir).to.deep.equal({ mandatory: [], advisory: [] });
  const routes = Object.fromEntries(
    doc.vnets.map((t) => [t.vnet, [...new Set(t.resolution.map((r) => `${r.status}: ${r.route}`))]]),
  );
  expect(routes, recipe.dir).to.deep.equal(
    Object.fromEntries(Object.entries(recipe.routes).map(([vnet, route]) => [vnet, [`ok: ${route}`]])),
  );
  for (const t of doc.vnets) expect(t.resolution, `${recipe.dir} ${t.vnet}`).to.have.length(6);
}

/** The broken twin: refused at preview by the component, naming the argument, the path and the fix. */
export function expectRefused(recipe: Recipe, exitCode: number, stderr: string): void {
  expect(exitCode, `${recipe.dir}: ${stderr}`).to.equal(2);
  expect(stderr).to.contain('Invalid arguments for WorkspaceNetwork "net"');
  expect(stderr).to.match(
    /sets\.clients\.endpoints: \[\]: the VNet could not use the endpoints it omits \(.*resolves through Azure DNS; privatelink\.api\.azureml\.ms is not linked to set clients's VNet/,
  );
  expect(stderr).to.contain("add them to endpoints, or peer the VNet with the hub that holds them");
}
