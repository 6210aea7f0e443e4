/**
 * Deployment critical paths: each provided stack (stacks/program with its stack file's config, resolved
 * as the CLI does), and one workspace with 1, 2, 5 and 10 endpoint sets, to show the chain does not grow
 * with the number of sets.
 */
import * as path from "path";
import { runOnMocks } from "../plan/mockRun";
import { resolveTarget } from "../plan/planTarget";
import { programOf } from "../plan/programEntry";
import { loadProject, stackNames } from "../plan/pulumiProject";
import { criticalPath, type CriticalPath } from "./criticalPath";
import { organisationProgram } from "./organisationProgram";

export const repositoryRoot = path.resolve(__dirname, "..");

export interface StackPath extends CriticalPath {
  stack: string;
  /** Why the stack's program could not run (the path is then empty). */
  error?: string;
}

export interface SetsPath extends CriticalPath {
  sets: number;
}

export interface CriticalPathReport {
  stacks: StackPath[];
  bySets: SetsPath[];
}

/** The critical path of provided stack `stack` after `pulumi up`. */
export async function stackCriticalPath(stack: string): Promise<StackPath> {
  const target = resolveTarget(stack, { cwd: repositoryRoot });
  const { graph } = await runOnMocks(programOf(target.entry), {
    project: target.project.name,
    stack: target.stack,
    config: target.config.config,
  });
  return { stack, ...criticalPath(graph) };
}

/** The critical path of one secured workspace with `sets` endpoint sets, its computes and online endpoint. */
export async function setsCriticalPath(sets: number): Promise<SetsPath> {
  const { graph } = await runOnMocks(organisationProgram({ workspaces: 1, setsPerWorkspace: sets }));
  return { sets, ...criticalPath(graph) };
}

export async function criticalPathBench(options: {
  stacks?: string[];
  sets: number[];
}): Promise<CriticalPathReport> {
  const stacks: StackPath[] = [];
  for (const stack of options.stacks ?? stackNames(loadProject(repositoryRoot))) {
    // One broken stack file or program must not hide the other stacks' figures.
    stacks.push(
      await stackCriticalPath(stack).catch((e: unknown) => ({
        stack,
        steps: 0,
        chain: [],
        error: e instanceof Error ? e.message : String(e),
      })),
    );
  }
  const bySets: SetsPath[] = [];
  for (const sets of options.sets) bySets.push(await setsCriticalPath(sets));
  return { stacks, bySets };
}
