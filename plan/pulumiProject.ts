/**
 * A Pulumi project on disk as the CLI reads it: `Pulumi.yaml` (name, `main`, `stackConfigDir`, the typed
 * `config` schema) and its stack files `Pulumi.<stack>.yaml`.
 */
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import { PlanInputError } from "./planErrors";

export interface PulumiProject {
  /** Directory holding `Pulumi.yaml`. */
  dir: string;
  name: string;
  /** `main`, resolved against `dir`; the project directory when absent. */
  main: string;
  /** Where stack files live (`stackConfigDir`, resolved). */
  stackConfigDir: string;
  /** The `config:` block of `Pulumi.yaml` as written. */
  config: Record<string, unknown>;
}

/**
 * Limits on what a project or stack file may expand to. js-yaml shares an aliased node rather than copying it,
 * so a few hundred bytes of nested aliases parse fast and explode only when the config is written out as JSON
 * (a 757-byte file became 780 MB); and values nested deeper than any config needs overflow the stack of every
 * recursive step after parsing.
 */
export const maxYamlValues = 100_000;
export const maxYamlDepth = 64;

/** The values `node` stands for once every alias is written out, and its depth; stops counting past the limits. */
function expandedSize(node: unknown): { values: number; depth: number } {
  const memo = new Map<object, { values: number; depth: number }>();
  const visit = (value: unknown, depth: number): { values: number; depth: number } => {
    if (typeof value !== "object" || value === null) return { values: 1, depth: 0 };
    // Deeper than the limit: no need to look further (and no recursion deep enough to overflow).
    if (depth > maxYamlDepth) return { values: 1, depth: 1 };
    const known = memo.get(value);
    if (known) return known;
    let values = 1;
    let deepest = 0;
    for (const child of Object.values(value)) {
      const size = visit(child, depth + 1);
      values = Math.min(values + size.values, maxYamlValues + 1);
      deepest = Math.max(deepest, size.depth);
    }
    const size = { values, depth: deepest + 1 };
    memo.set(value, size);
    return size;
  };
  return visit(node, 0);
}

export function readYaml(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = yaml.load(fs.readFileSync(file, "utf8"));
  } catch (e) {
    if (e instanceof yaml.YAMLException) throw new PlanInputError(`${file}: ${e.message}`);
    throw e;
  }
  const size = expandedSize(parsed);
  if (size.values > maxYamlValues)
    throw new PlanInputError(
      `${file}: expands to more than ${maxYamlValues} values (each YAML alias repeats all it names); ` +
        "write the values out, or use fewer aliases",
    );
  if (size.depth > maxYamlDepth)
    throw new PlanInputError(`${file}: nests values more than ${maxYamlDepth} levels deep; flatten them`);
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== "object" || Array.isArray(parsed))
    throw new PlanInputError(`${file}: expected a YAML mapping`);
  return parsed as Record<string, unknown>;
}

export function loadProject(dir: string): PulumiProject {
  const file = path.join(dir, "Pulumi.yaml");
  if (!fs.existsSync(file)) throw new PlanInputError(`no Pulumi.yaml in ${dir}`);
  const doc = readYaml(file);
  if (typeof doc.name !== "string") throw new PlanInputError(`${file}: 'name' is required`);
  if (doc.runtime !== "nodejs" && (doc.runtime as { name?: string } | undefined)?.name !== "nodejs") {
    throw new PlanInputError(
      `${file}: only nodejs programs can be planned (runtime is ${JSON.stringify(doc.runtime)})`,
    );
  }
  return {
    dir,
    name: doc.name,
    main: path.resolve(dir, typeof doc.main === "string" ? doc.main : "."),
    stackConfigDir: path.resolve(dir, typeof doc.stackConfigDir === "string" ? doc.stackConfigDir : "."),
    config: (doc.config as Record<string, unknown> | undefined) ?? {},
  };
}

/** The nearest directory at or above `from` holding a `Pulumi.yaml`, as the CLI finds its project. */
export function findProjectDir(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function stackFile(project: PulumiProject, stack: string): string {
  return path.join(project.stackConfigDir, `Pulumi.${stack}.yaml`);
}

/** Stack names that have a stack file. */
export function stackNames(project: PulumiProject): string[] {
  if (!fs.existsSync(project.stackConfigDir)) return [];
  return fs
    .readdirSync(project.stackConfigDir)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}
