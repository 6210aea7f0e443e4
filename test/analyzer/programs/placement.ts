/**
 * Which part of a topology lives outside the program and is referenced by literal ARM id: nothing (the
 * whole graph is in the stack), the workspace with its dependencies, only the dependencies, or the VNets
 * and subnets.
 */
export type Existing = "none" | "workspace" | "dependencies" | "network";

export const placements: readonly Existing[] = ["none", "workspace", "dependencies", "network"];
