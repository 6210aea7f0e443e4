/**
 * The paths through a hub firewall or NVA the stack's workspaces use (transit.ts): from each VNet that relies on
 * a workspace's endpoints (its client VNets, its computes' VNets, the VNets of its endpoints) and has routes, to
 * each VNet holding those endpoints. Linear in the workspaces' VNets, not all pairs of the stack's; found once
 * per model (the advisory and the plan's picture ask).
 */
import { ClientVnets } from "./clientVnets";
import type { Reach, Transit } from "./networkGraph";
import { endpointsOf } from "./queries";
import type { StackModel } from "./types";

/** A path that works through an appliance: the reach, with its transit. */
export type TransitReach = Reach & { through: Transit };

const found = new WeakMap<StackModel, TransitReach[]>();

function find(model: StackModel): TransitReach[] {
  const graph = model.network;
  const clients = ClientVnets.of(model);
  const seen = new Set<string>();
  const paths: TransitReach[] = [];
  for (const workspace of model.workspaces) {
    const targets = new Set(
      endpointsOf(model, workspace.key).flatMap((e) => (typeof e.vnet === "string" ? [e.vnet] : [])),
    );
    const sources = [
      ...clients.of(workspace).map((c) => c.vnet),
      ...model.computes.flatMap((c) =>
        c.workspace === workspace.key && typeof c.vnet === "string" ? [c.vnet] : [],
      ),
      ...targets,
    ].filter((v) => graph.routesByVnet.has(v));
    for (const from of sources)
      for (const to of targets) {
        if (seen.has(`${from}\n${to}`)) continue;
        seen.add(`${from}\n${to}`);
        const reach = graph.connected(from, to);
        if (reach.verdict === "ok" && reach.through) paths.push(reach as TransitReach);
      }
  }
  return paths;
}

/** The working paths through a firewall or NVA, each (from, to) pair once. */
export function transitPaths(model: StackModel): readonly TransitReach[] {
  let paths = found.get(model);
  if (!paths) found.set(model, (paths = find(model)));
  return paths;
}
