/**
 * The two slow artifacts of the package tests, each made once per run and only when a test asks for it: the
 * plugin's schema (npm test) and the packed and installed package (npm pack, a 12 s build: only the
 * end-to-end consumer test asks, and it removes the consumer directory when done). Nothing is started in the
 * background for a test that never awaits it.
 */
import { installPackedPackage, type InstalledPackage } from "./installedPackage";
import { analyzePlugin, type PluginSchema } from "./pluginSchema";

let plugin: PluginSchema | undefined;
let installed: Promise<InstalledPackage> | undefined;

/** The component provider's schema, as Pulumi's analyzer reads it. */
export function pluginArtifact(): PluginSchema {
  return (plugin ??= analyzePlugin());
}

/** The package packed and installed in a fresh consumer project (in the system temp directory). */
export function installedArtifact(): Promise<InstalledPackage> {
  return (installed ??= installPackedPackage());
}
