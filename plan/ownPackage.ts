/**
 * The examples shipped inside this package (docs/examples/typescript) import it by name, as a user's program
 * does. A user's program finds it in its node_modules; an example planned where it ships — a clone of the
 * repository, or the installed package's docs — has no node_modules of its own. For modules inside this
 * package only, a name Node cannot resolve that is this package's name resolves to its components: the
 * sources under `npm run plan`, the compiled entry where the package is installed. Nothing else changes.
 */
import * as fs from "fs";
import NodeModule from "module";
import * as path from "path";

// Node's resolver; internal, but the one hook for `require` that Node 20 has (module.registerHooks is 22.15+).
type Resolver = (
  request: string,
  parent: { filename?: string | null } | undefined,
  ...rest: unknown[]
) => string;
const Module = NodeModule as unknown as { _resolveFilename: Resolver };

const packageDir = path.resolve(
  __dirname,
  "..",
  fs.existsSync(path.join(__dirname, "..", "package.json")) ? "" : "..",
);
const packageName = (
  JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as { name: string }
).name;
let installed = false;

export function resolveOwnPackageByName(): void {
  if (installed) return;
  installed = true;
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (this: unknown, request, parent, ...rest) {
    try {
      return resolve.call(this, request, parent, ...rest);
    } catch (e) {
      const inside = parent?.filename?.startsWith(packageDir + path.sep) ?? false;
      if (request !== packageName || !inside) throw e;
      return require.resolve(path.join(__dirname, "..", "sdk"));
    }
  };
}
