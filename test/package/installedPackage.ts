/**
 * The package as a consumer gets it: `npm pack` (whose `prepack` builds), the tarball unpacked into a fresh
 * consumer project outside this repository, as npm installs it, with its command linked in
 * `node_modules/.bin`. The dependencies are linked from this repository's node_modules rather than downloaded
 * (the network and 140 MB of azure-native would dominate the suite); only what the tarball and the consumer
 * declare is linked, so an undeclared dependency still fails.
 */
import { execFile } from "child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { repoRoot } from "./pluginSchema";

const run = promisify(execFile);

export const packageName = "azureml-network-isolation";

export interface InstalledPackage {
  /** The consumer project: the TypeScript example from docs/, with the package in its node_modules. */
  dir: string;
  /** Paths inside the tarball. */
  files: string[];
  /** The packed package.json. */
  manifest: { dependencies: Record<string, string>; bin: Record<string, string>; [field: string]: unknown };
  /** The package's directory inside the consumer's node_modules. */
  packageDir: string;
}

export async function installPackedPackage(): Promise<InstalledPackage> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "azureml-consumer-"));
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", dir], {
    cwd: repoRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
  // npm prints the prepack build's output before the JSON.
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf("\n[") + 1));
  const installDir = path.join(dir, "node_modules", packageName);
  mkdirSync(installDir, { recursive: true });
  await run("tar", ["-xzf", path.join(dir, packed.filename), "-C", installDir, "--strip-components=1"]);
  const manifest = JSON.parse(readFileSync(path.join(installDir, "package.json"), "utf8"));
  cpSync(path.join(repoRoot, "docs/examples/typescript"), dir, { recursive: true });
  const consumer = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  for (const dependency of [
    ...Object.keys(manifest.dependencies),
    ...Object.keys(consumer.devDependencies),
  ]) {
    const link = path.join(dir, "node_modules", dependency);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.join(repoRoot, "node_modules", dependency), link, "dir");
  }
  // What npm does for a `bin` entry: a link in node_modules/.bin, and the target made executable.
  mkdirSync(path.join(dir, "node_modules", ".bin"));
  for (const [command, target] of Object.entries<string>(manifest.bin)) {
    chmodSync(path.join(installDir, target), 0o755);
    symlinkSync(path.join("..", packageName, target), path.join(dir, "node_modules", ".bin", command));
  }
  return { dir, files: packed.files.map((f: { path: string }) => f.path), manifest, packageDir: installDir };
}
