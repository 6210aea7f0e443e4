// `npm pack` / `npm publish` ship package.json without its `prepare` script: in a clone (and in a Git
// install, as `pulumi package add <repository>` makes one) `prepare` builds bin/, but in the tarball bin/ is
// already built, and npm lists a `prepare` script among the install scripts it warns consumers about.
// `strip` (prepack) keeps the original aside and writes the manifest without it; `restore` (postpack) puts
// the original back.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as path from "path";
import { fileURLToPath } from "url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const manifest = path.join(root, "package.json");
const kept = path.join(root, "node_modules", ".cache", "packed-manifest", "package.json");

const command = process.argv[2];
if (command === "strip") {
  if (existsSync(kept)) {
    console.error(
      `an earlier npm pack did not finish: package.json lacks its prepare script and the original is ${kept}; ` +
        `run \`node tools/packedManifest.mjs restore\` first`,
    );
    process.exit(1);
  }
  mkdirSync(path.dirname(kept), { recursive: true });
  copyFileSync(manifest, kept);
  const pkg = JSON.parse(readFileSync(manifest, "utf8"));
  delete pkg.scripts.prepare;
  writeFileSync(manifest, JSON.stringify(pkg, null, 2) + "\n");
} else if (command === "restore") {
  if (existsSync(kept)) {
    copyFileSync(kept, manifest);
    rmSync(kept);
  }
} else {
  console.error("usage: node tools/packedManifest.mjs strip|restore");
  process.exit(2);
}
