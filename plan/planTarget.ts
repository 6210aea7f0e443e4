/**
 * What to plan: a provided stack by name (the project found from the working directory, its stack file in
 * `stackConfigDir`) or the directory of any Pulumi TypeScript program (optionally with a stack name for
 * its stack file), resolved to the project, the program's entry and the config the program will see.
 */
import * as fs from "fs";
import * as path from "path";
import {
  findProjectDir,
  loadProject,
  readYaml,
  stackFile,
  stackNames,
  type PulumiProject,
} from "./pulumiProject";
import { PlanInputError } from "./planErrors";
import { programEntry } from "./programEntry";
import { resolveStackConfig, stackTagsOf, type ResolvedConfig } from "./stackConfig";

export interface PlanTarget {
  project: PulumiProject;
  stack: string;
  /** The stack file read, if any. */
  stackFile?: string;
  entry: string;
  config: ResolvedConfig;
  /** The stack's tags from its `pulumi:tags` config, sent to the policy pack as the CLI sends them. */
  stackTags: Record<string, string>;
}

/** A stack name has no path separator and is not an existing directory. */
function isProgramPath(arg: string, cwd: string): boolean {
  return arg.includes("/") || arg.includes(path.sep) || arg === "." || fs.existsSync(path.resolve(cwd, arg));
}

/** Without `--stack`, a program with exactly one stack file plans that stack; one with none, `dev`. */
function defaultStack(project: PulumiProject): string {
  const stacks = stackNames(project);
  if (stacks.length > 1) {
    throw new PlanInputError(`${project.dir} has stacks ${stacks.join(", ")}: choose one with --stack`);
  }
  return stacks[0] ?? "dev";
}

export function resolveTarget(arg: string, options: { stack?: string; cwd?: string } = {}): PlanTarget {
  const cwd = options.cwd ?? process.cwd();
  let project: PulumiProject;
  let stack: string;
  if (isProgramPath(arg, cwd)) {
    project = loadProject(path.resolve(cwd, arg));
    stack = options.stack ?? defaultStack(project);
  } else {
    const dir = findProjectDir(cwd);
    if (!dir) throw new PlanInputError(`no Pulumi.yaml at or above ${cwd} to find stack '${arg}' in`);
    project = loadProject(dir);
    stack = arg;
    if (!fs.existsSync(stackFile(project, stack))) {
      const known = stackNames(project);
      throw new PlanInputError(
        `unknown stack '${stack}': no stack file ${stackFile(project, stack)}; stacks: ${known.join(", ") || "none"}`,
      );
    }
  }
  const file = stackFile(project, stack);
  const stackDoc = fs.existsSync(file) ? readYaml(file) : undefined;
  const stackConfig = (stackDoc?.config as Record<string, unknown> | undefined) ?? {};
  let config: ResolvedConfig;
  let stackTags: Record<string, string>;
  try {
    config = resolveStackConfig(project.name, project.config, stackConfig);
    stackTags = stackTagsOf(config.config);
  } catch (e) {
    // Name the file to fix.
    throw e instanceof PlanInputError
      ? new PlanInputError(`${stackDoc ? file : `stack ${stack}`}: ${e.message}`)
      : e;
  }
  return {
    project,
    stack,
    stackFile: stackDoc ? file : undefined,
    entry: programEntry(project.main),
    config,
    stackTags,
  };
}
