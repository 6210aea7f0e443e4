import { expect } from "chai";
import { readFileSync } from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import type { PackageSpec, Property } from "@pulumi/pulumi/provider/experimental/schema";
import { pluginArtifact } from "./packageArtifacts";
import { repoRoot } from "./pluginSchema";

const exampleDir = path.join(repoRoot, "docs/examples/yaml");
const packageName = "azureml-network-isolation";

interface YamlProgram {
  packages: Record<string, string>;
  config?: Record<string, unknown>;
  resources: Record<string, { type: string; properties?: Record<string, unknown> }>;
  outputs?: Record<string, unknown>;
}

/** Every `${name.property}` reference in a value. */
function references(value: unknown): { name: string; property?: string }[] {
  if (typeof value === "string") {
    return [...value.matchAll(/\$\{([^}.]+)(?:\.([^}]+))?\}/g)].map(([, name, property]) => ({
      name,
      property,
    }));
  }
  if (Array.isArray(value)) return value.flatMap(references);
  if (value && typeof value === "object") return Object.values(value).flatMap(references);
  return [];
}

/** Why a literal value does not fit a schema property, or undefined when it fits (interpolations always do). */
function misfit(schema: PackageSpec, property: Property, value: unknown): string | undefined {
  if (typeof value === "string" && value.includes("${")) return undefined;
  if ("$ref" in property) {
    const type = schema.types[property.$ref.replace("#/types/", "")];
    const allowed = type?.enum?.map((e) => e.value);
    return allowed && !allowed.includes(value as string)
      ? `${String(value)} is not one of ${allowed}`
      : undefined;
  }
  const actual = Array.isArray(value) ? "array" : typeof value;
  const wanted = property.type === "integer" ? "number" : property.type;
  if (actual !== wanted) return `a ${actual}, but the schema wants ${wanted}`;
  if (Array.isArray(value) && property.items) {
    return value.map((item) => misfit(schema, property.items as Property, item)).find(Boolean);
  }
  return undefined;
}

describe("the Pulumi YAML example (docs/examples/yaml)", function () {
  this.timeout(240_000);
  let schema: PackageSpec;
  let program: YamlProgram;

  before(() => {
    schema = pluginArtifact().schema;
    program = yaml.load(readFileSync(path.join(exampleDir, "Pulumi.yaml"), "utf8")) as YamlProgram;
  });

  it("adds this repository as the package", () => {
    expect(path.resolve(exampleDir, program.packages[packageName])).to.equal(repoRoot);
  });

  it("uses component tokens, properties and enum values of the generated schema, with every required input", () => {
    const ours = Object.entries(program.resources).filter(([, r]) => r.type.startsWith(`${packageName}:`));
    expect(ours.length).to.be.greaterThan(0);
    for (const [name, resource] of ours) {
      const spec = schema.resources[resource.type];
      expect(spec, `${name}: ${resource.type}`).to.not.equal(undefined);
      const properties = resource.properties ?? {};
      const missing = (spec.requiredInputs ?? []).filter((p) => !(p in properties));
      expect(missing, `${name}: required inputs not given`).to.deep.equal([]);
      for (const [property, value] of Object.entries(properties)) {
        const input = spec.inputProperties?.[property];
        expect(input, `${name}.${property} is not an input of ${resource.type}`).to.not.equal(undefined);
        expect(misfit(schema, input!, value), `${name}.${property}`).to.equal(undefined);
      }
    }
  });

  it("references only declared config, resources and outputs the schema has", () => {
    const values = [
      ...Object.values(program.resources).map((r) => r.properties),
      ...Object.values(program.outputs ?? {}),
    ];
    for (const { name, property } of values.flatMap(references)) {
      const resource = program.resources[name];
      if (!resource) {
        expect(program.config ?? {}, `\${${name}} is neither a resource nor config`).to.have.property(name);
        continue;
      }
      const spec = schema.resources[resource.type];
      if (spec && property) {
        expect(spec.properties ?? {}, `\${${name}.${property}}`).to.have.property(property.split(/[.[]/)[0]);
      }
    }
  });
});
