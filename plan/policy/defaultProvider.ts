/**
 * The default provider the engine registers for a package when a program declares none: the engine
 * analyzes it like any other resource and hands it to each resource's policies as `args.provider`.
 * The SDK's mock monitor never sees it, so the harness recreates it.
 */
import * as fs from "fs";
import * as path from "path";

/** A provider resource as the analyzer sees it. */
export interface ProviderResource {
  urn: string;
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

/** The package of a resource token (`azure-native:network:Subnet` -> `azure-native`). */
export function packageOf(type: string): string {
  return type.split(":")[0];
}

/** True for tokens that never get a provider: the stack, providers themselves. */
export function isProviderlessType(type: string): boolean {
  return type.startsWith("pulumi:");
}

/**
 * The engine's default provider for `pkg`: `pulumi:providers:<pkg>::default_<version>` at the stack root,
 * with the version the SDK sent as its only input. `urnPrefix` is `urn:pulumi:<stack>::<project>`.
 */
export function defaultProvider(
  urnPrefix: string,
  pkg: string,
  version: string | undefined,
): ProviderResource {
  const type = `pulumi:providers:${pkg}`;
  const name = version ? `default_${version.replace(/[.+-]/g, "_")}` : "default";
  return { urn: `${urnPrefix}::${type}::${name}`, type, name, inputs: version ? { version } : {} };
}

/** The installed version of `@pulumi/<pkg>`, as its SDK reports it to the engine; undefined if not installed. */
export function installedPackageVersion(pkg: string, from = process.cwd()): string | undefined {
  try {
    const manifest = require.resolve(`@pulumi/${pkg}/package.json`, {
      paths: [from, path.join(__dirname, "..")],
    });
    return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
