/**
 * Builds StackValidationArgs-like resource lists concisely. References between resources are written with
 * `ref(node)` and rendered in one of three forms: `preview` (the id is unknown, the link is a property
 * dependency), `update` (the id is known and the dependency recorded) or `literal` (a known id and no
 * dependency, as for existing resources). Props go through @pulumi/policy's own unknown-checking proxy, so
 * an unknown read throws exactly as it does under the policy server.
 */
import { unknownCheckingProxy } from "@pulumi/policy";
import * as proxyInternals from "@pulumi/policy/proxy";
import { kindInfo, kindOfToken } from "../../policy/model/kinds";
import type { StackResource } from "../../policy/model/stackResource";

/** The sentinel the policy server uses for an unknown string (internal to @pulumi/policy). */
export const unknownString = (proxyInternals as unknown as { unknownStringValue: string }).unknownStringValue;

export type Form = "preview" | "update" | "literal";
export const forms: readonly Form[] = ["preview", "update", "literal"];

export interface GraphNode {
  token: string;
  name: string;
  urn: string;
  props: Record<string, unknown>;
  readonly armId: string;
}

export class Ref {
  constructor(
    readonly node: GraphNode,
    /** The value when known (read late, so renaming a node renames its references). */
    readonly value: () => string,
  ) {}
}

/** A reference to `node`'s ARM id (plus a suffix such as `/subnets/a`). */
export function ref(node: GraphNode, suffix = ""): Ref {
  return new Ref(node, () => node.armId + suffix);
}

/** A reference to `node`'s name output (`workspace.name`), unknown at preview like any output. */
export function nameOf(node: GraphNode): Ref {
  const kind = kindOfToken(node.token);
  const inputs = kind ? kindInfo[kind].nameInputs : ["name"];
  return new Ref(node, () => String(node.props[inputs[inputs.length - 1]]));
}

const subscription = "00000000-0000-0000-0000-000000000000";

function armIdOf(token: string, props: Record<string, unknown>): string {
  const kind = kindOfToken(token);
  const info = kind && kindInfo[kind];
  if (!info?.armType) return `/unknown/${token}`;
  const [namespace, ...types] = info.armType.split("/");
  const nameAt = (i: number) => {
    const value = props[info.nameInputs[i]];
    return value instanceof Ref ? value.value() : String(value);
  };
  const path = types.map((t, i) => `${t}/${nameAt(i)}`).join("/");
  return `/subscriptions/${subscription}/resourceGroups/${String(props.resourceGroupName)}/providers/${namespace}/${path}`;
}

export class Graph {
  readonly nodes: GraphNode[] = [];

  constructor(readonly form: Form = "update") {}

  add(token: string, name: string, props: Record<string, unknown>): GraphNode {
    const node = {
      token,
      name,
      urn: `urn:pulumi:test::proj::${token}::${name}`,
      props,
      get armId() {
        return armIdOf(token, props);
      },
    };
    this.nodes.push(node);
    return node;
  }

  /** Resources as the policy server hands them to a stack policy. */
  resources(): StackResource[] {
    return this.nodes.map((node) => {
      const dependencies: Record<string, { urn: string }[]> = {};
      const props: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node.props))
        props[key] = this.render(value, key, dependencies);
      if (this.form !== "preview") props.id = node.armId;
      return {
        type: node.token,
        urn: node.urn,
        name: node.name,
        props: unknownCheckingProxy(props),
        propertyDependencies: dependencies,
      };
    });
  }

  private render(value: unknown, input: string, dependencies: Record<string, { urn: string }[]>): unknown {
    if (value instanceof Ref) {
      if (this.form !== "literal") (dependencies[input] ??= []).push({ urn: value.node.urn });
      return this.form === "preview" ? unknownString : value.value();
    }
    if (Array.isArray(value)) return value.map((v) => this.render(v, input, dependencies));
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, this.render(v, input, dependencies)]),
      );
    }
    return value;
  }
}
