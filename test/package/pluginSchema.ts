/**
 * The schema `pulumi package add` generates for this repository, made offline the way the plugin host makes it:
 * the ComponentResource classes the package entry exports, analyzed from the TypeScript source by Pulumi's
 * analyzer (which finds the source through package.json `exports`), turned into a package schema.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { Analyzer } from "@pulumi/pulumi/provider/experimental/analyzer";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental/provider";
import { generateSchema, type PackageSpec } from "@pulumi/pulumi/provider/experimental/schema";
import * as entry from "../../sdk";

export const repoRoot = path.resolve(__dirname, "../..");

export interface PluginSchema {
  schema: PackageSpec;
  /** The exported components, by class name. */
  componentNames: string[];
  /** Analyzer errors of components it rejected, by class name; the schema holds the others. */
  rejected: Record<string, string>;
}

export function analyzePlugin(): PluginSchema {
  const packageJson = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
  // As cmd/run-plugin names the provider: the package name without its npm scope.
  const providerName: string = packageJson.name.replace(/^@[^/]+\//, "");
  const componentNames = getPulumiComponents(entry).map((c) => c.name);
  const rejected: Record<string, string> = {};
  const remaining = new Set(componentNames);
  // The analyzer stops at the first component it rejects: set that one aside and analyze the rest again, so
  // each component's test reports its own result.
  for (;;) {
    try {
      const { components, typeDefinitions, dependencies } = new Analyzer(
        repoRoot,
        providerName,
        packageJson,
        remaining,
      ).analyze();
      const schema = generateSchema(
        providerName,
        packageJson.version,
        packageJson.description,
        components,
        typeDefinitions,
        dependencies,
      );
      return { schema, componentNames, rejected };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const culprit = /component '([^']+)'/.exec(message)?.[1];
      if (!culprit || !remaining.has(culprit)) throw error;
      rejected[culprit] = message;
      remaining.delete(culprit);
      if (remaining.size === 0)
        return { schema: generateSchema(providerName, "", "", {}, {}, []), componentNames, rejected };
    }
  }
}
