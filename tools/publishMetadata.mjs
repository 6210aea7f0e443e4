// `npm publish` (prepublishOnly) refuses a manifest without `repository`. npm shows the README with its relative
// links to docs/ and policy/ resolved against the repository, and derives `homepage` and `bugs` from it; without
// it every such link on the package's page is broken. The public URL is the publisher's to give (this
// repository does not know where it will be published), so it is checked here rather than invented.
import { readFileSync } from "fs";
import * as path from "path";
import { fileURLToPath } from "url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const manifest = process.argv[2] ?? path.join(root, "package.json");
const pkg = JSON.parse(readFileSync(manifest, "utf8"));
const url = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
if (typeof url !== "string" || url.trim() === "") {
  console.error(
    `${manifest}: no "repository" to publish with. npm resolves the README's relative links (docs/, policy/) ` +
      `against it and derives "homepage" and "bugs" from it. Set it, then publish again:\n` +
      `  npm pkg set repository.type=git repository.url=git+https://github.com/<owner>/<repository>.git`,
  );
  process.exit(1);
}
