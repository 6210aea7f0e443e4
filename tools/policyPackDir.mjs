// Makes bin/policy (the pack compiled by `npm run build`) a policy pack directory of its own, the one the
// installed package ships: `pulumi preview --policy-pack node_modules/azureml-network-isolation/bin/policy`
// runs it and `pulumi policy publish` publishes it. It is JavaScript, so neither the CLI nor the plan
// type-checks or transpiles it at start, and it needs no TypeScript where it is installed.
import { copyFileSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { fileURLToPath } from "url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "policy");
const target = path.join(root, "bin", "policy");

const manifest = JSON.parse(readFileSync(path.join(source, "package.json"), "utf8"));
// The sources' TypeScript toolchain is not needed by the compiled pack.
delete manifest.devDependencies;
manifest.main = "index.js";
writeFileSync(path.join(target, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
for (const file of ["PulumiPolicy.yaml", "README.md", "config.example.json"]) {
  copyFileSync(path.join(source, file), path.join(target, file));
}
