/**
 * The two slow artifacts of the package tests, made once per run and together: the packed and installed
 * package (child processes: npm, tsc) is under way while Pulumi's analyzer holds this process, so on two
 * cores the two overlap instead of adding up.
 */
import { installPackedPackage, type InstalledPackage } from "./installedPackage";
import { analyzePlugin, type PluginSchema } from "./pluginSchema";

interface PackageArtifacts {
  installed: Promise<InstalledPackage>;
  plugin: PluginSchema;
}

let artifacts: PackageArtifacts | undefined;

export function packageArtifacts(): PackageArtifacts {
  if (!artifacts) {
    const installed = installPackedPackage();
    // Awaited by the consumer tests; this only keeps a failure from surfacing as unhandled meanwhile.
    installed.catch(() => undefined);
    artifacts = { installed, plugin: analyzePlugin() };
  }
  return artifacts;
}
