/**
 * A component's arguments as a table: each argument's kind, whether it is required, and whether it must be a
 * plain value. One function checks any table before `super()`, and another re-checks Output-valued arguments
 * when they resolve, so a new argument gets both checks by declaring one line.
 */
import * as pulumi from "@pulumi/pulumi";
import { argProblemsError, memberPath, resolvedArgProblemsError, shown, type ArgProblem } from "./argProblem";
import { isRecord, type ArgKind } from "./argKinds";
import { componentNameProblems } from "./componentName";
import { isDeferred } from "./plainValues";
import { missingProblem } from "./required";

/** How one argument is checked. */
export interface ArgField {
  kind: ArgKind;
  /** Absent or null is a problem. */
  required?: boolean;
  /** The reason given when the value is (or holds) an Output or a Promise: set for values that decide what is registered. */
  plain?: string;
  /**
   * The reason given when the value, or one of its entries, is an Output or a Promise: for a map whose keys
   * decide what is registered while its entries' fields may be Outputs (each field says by its own `plain`).
   */
  plainEntries?: string;
  /** The reason given when a required value is missing, where the kind's default does not say why it is needed. */
  missing?: string;
}

/** One field per argument of `A`: `Required<A>` makes the compiler ask for a line for every new argument. */
export type ArgSchema<A> = { readonly [K in keyof Required<A>]: ArgField };

/** The reason for an Output given where a plain value (`noun`: "value", "boolean") decides which resources exist. */
export function decidesResources(property: string, noun = "value"): string {
  return `${property} decides which resources exist, so it must be a plain ${noun}, not an output`;
}

/** True when `value` is, or holds at any depth, an Output or a Promise. */
export function holdsDeferred(value: unknown): boolean {
  if (isDeferred(value)) return true;
  if (Array.isArray(value)) return value.some(holdsDeferred);
  return isRecord(value) && Object.values(value).some(holdsDeferred);
}

function hasDeferredEntry(value: unknown): boolean {
  return isRecord(value) && Object.values(value).some(isDeferred);
}

export interface SchemaCheckOptions {
  /** Where the arguments are among the caller's (e.g. `sets.services`); empty at the top. */
  prefix?: string;
  /** Arguments not to check (still deferred while others are re-checked). */
  skip?: ReadonlySet<string>;
}

/**
 * Every problem of `args` by `schema`, in the schema's order: missing required values, Outputs where plain
 * values are needed, then each present plain value by its kind. Deferred values are left to
 * {@link checkedWhenResolved}. Properties the schema does not name are left alone: TypeScript callers spread
 * one component's outputs into another's arguments.
 */
export function schemaProblems<A>(
  schema: ArgSchema<A>,
  args: unknown,
  options: SchemaCheckOptions = {},
): ArgProblem[] {
  const prefix = options.prefix ?? "";
  if (!isRecord(args))
    return [
      {
        propertyPath: prefix === "" ? "args" : prefix,
        reason: `${shown(args)} is not an object of arguments; give an object with ${Object.keys(schema).join(", ")}`,
      },
    ];
  return (Object.entries(schema) as [string, ArgField][]).flatMap(([key, field]) => {
    // A plain-only argument is never checked later, so it is reported even while others wait.
    if (options.skip?.has(key) && field.plain === undefined) return [];
    const path = memberPath(prefix, key);
    const value = args[key];
    if (value === undefined || (value === null && field.required))
      return field.required ? [missingProblem(path, field.kind, field.missing)] : [];
    if (field.plain !== undefined && holdsDeferred(value))
      return [{ propertyPath: path, reason: field.plain }];
    if (field.plainEntries !== undefined && (isDeferred(value) || hasDeferredEntry(value)))
      return [{ propertyPath: path, reason: field.plainEntries }];
    return isDeferred(value) ? [] : field.kind.problems(path, value);
  });
}

/** An object whose entries follow `schema` (e.g. one endpoint set among several). */
export function objectOf<A>(schema: ArgSchema<A>, expected: string): ArgKind {
  return {
    expected,
    problems: (propertyPath, value) => schemaProblems(schema, value, { prefix: propertyPath }),
    inner: (key) => (schema as Record<string, ArgField>)[key]?.kind,
  };
}

/** The top-level arguments `problems` are about (`sets` for `sets.services.addressSpace[0]`). */
export function argsWithProblems(problems: readonly ArgProblem[]): Set<string> {
  return new Set(problems.map((p) => p.propertyPath.split(/[.[]/)[0]));
}

/**
 * Throws the problems as one structured error naming the component, if there are any; the component's own name
 * first, which starts the auto-names of its children and so becomes a segment of their ARM paths.
 */
export function throwArgProblems(component: string, name: string, problems: readonly ArgProblem[]): void {
  const all = [...componentNameProblems(name), ...problems];
  if (all.length > 0) throw argProblemsError(component, name, all);
}

/** `value` with each deferred part replaced by one checked by `kind` when it resolves. */
function checkedParts(
  value: unknown,
  kind: ArgKind | undefined,
  path: string,
  required: boolean,
  fail: (problems: ArgProblem[], secret: { isSecret: boolean; value: unknown }) => never,
): unknown {
  if (kind === undefined) return value;
  if (isDeferred(value)) {
    // `pulumi.output` of an unknown type is typed `never`; the value is whatever the Output carries.
    const output = pulumi.output(value) as unknown as pulumi.Output<unknown>;
    return pulumi.all([output, pulumi.isSecret(output)]).apply(([resolved, isSecret]) => {
      // As with plain values, null is junk; undefined is an absent optional value.
      const problems =
        resolved === undefined
          ? required
            ? [missingProblem(path, kind)]
            : []
          : kind.problems(path, resolved);
      return problems.length > 0 ? fail(problems, { isSecret, value: resolved }) : resolved;
    });
  }
  if (Array.isArray(value))
    return value.map((item, i) => checkedParts(item, kind.inner?.(String(i)), `${path}[${i}]`, true, fail));
  if (isRecord(value))
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        checkedParts(item, kind.inner?.(key), memberPath(path, key), false, fail),
      ]),
    );
  return value;
}

/**
 * `args` with every Output-valued argument (or part of one) checked by its kind when it resolves: a bad value
 * fails the deployment with a `ResourceError` naming the component, property, value and fix, before the
 * resources that read it are sent to Azure. Plain values were checked by {@link schemaProblems}.
 */
export function checkedWhenResolved<A extends object>(
  component: string,
  name: string,
  schema: ArgSchema<A>,
  args: A,
  resource?: pulumi.Resource,
): A {
  const fail = (problems: ArgProblem[], secret: { isSecret: boolean; value: unknown }): never => {
    throw resolvedArgProblemsError(component, name, problems, secret, resource);
  };
  const checked = { ...args } as Record<string, unknown>;
  for (const [key, field] of Object.entries(schema) as [string, ArgField][]) {
    if (key in checked)
      checked[key] = checkedParts(checked[key], field.kind, key, field.required === true, fail);
  }
  return checked as A;
}
