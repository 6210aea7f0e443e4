/**
 * Finds and runs a Node.js Pulumi program the way the language host does: `main` is a file, or a
 * directory whose `package.json` names the entry (`exports["."]`, else `main`; a `.js` path stands for the
 * `.ts` beside it), or whose `index.js` / `index.ts` is. An entry package.json names that does not exist —
 * a TypeScript program's `bin/index.js` before `tsc` ran — falls back to the directory's index, as the
 * language host does (with a warning there). The program runs as a fresh module each time, so one
 * process can plan many stacks; its exports (or what its exported function returns) are the stack's outputs.
 */
import * as fs from "fs";
import * as path from "path";
import { PlanInputError } from "./planErrors";
import { resolveOwnPackageByName } from "./ownPackage";
import { registerTypeScript } from "./typeScript";

function isFile(p: string): boolean {
  return fs.existsSync(p) && fs.statSync(p).isFile();
}

function asTypeScript(file: string): string {
  const ts = file.replace(/\.js$/, ".ts");
  return ts !== file && isFile(ts) ? ts : file;
}

/** The entry a package.json names, as the language host reads it: `exports["."]` first, then `main`. */
function packageEntry(pkgFile: string): string | undefined {
  if (!isFile(pkgFile)) return undefined;
  const pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8")) as { exports?: unknown; main?: unknown };
  const exported =
    typeof pkg.exports === "object" && pkg.exports !== null
      ? (pkg.exports as Record<string, unknown>)["."]
      : pkg.exports;
  const conditions =
    typeof exported === "object" && exported !== null ? (exported as Record<string, unknown>) : {};
  const entry =
    typeof exported === "string" ? exported : (conditions.default ?? conditions.require ?? conditions.import);
  if (pkg.exports !== undefined) return typeof entry === "string" ? entry : undefined;
  return typeof pkg.main === "string" ? pkg.main : undefined;
}

export function programEntry(main: string): string {
  if (isFile(main)) return asTypeScript(main);
  if (!fs.existsSync(main)) throw new PlanInputError(`program ${main} does not exist`);
  const named = packageEntry(path.join(main, "package.json"));
  if (named !== undefined) {
    const target = path.resolve(main, named);
    if (isFile(asTypeScript(target)) || isFile(target)) return asTypeScript(target);
    if (fs.existsSync(target)) return programEntry(target);
  }
  for (const index of ["index.ts", "index.js"])
    if (isFile(path.join(main, index))) return path.join(main, index);
  throw new PlanInputError(
    `no program entry in ${main} (${named === undefined ? "no package.json main" : `package.json names ${named}, which does not exist`}, no index.ts or index.js)`,
  );
}

/** The directory of the npm package holding `file` (its tsconfig.json is the program's), as the language host finds it. */
function packageRoot(file: string): string {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return path.dirname(file);
  }
}

/**
 * Forgets the program's own modules (not its packages, nor the plan itself, whose mock monitor hook
 * must stay single) so the next run executes it again.
 */
function forgetProgram(dir: string): void {
  const planDir = __dirname + path.sep;
  for (const id of Object.keys(require.cache)) {
    if (
      id.startsWith(dir + path.sep) &&
      !id.startsWith(planDir) &&
      !id.includes(`${path.sep}node_modules${path.sep}`)
    ) {
      delete require.cache[id];
    }
  }
}

/** The program as a function to run inside a stack: loads `entry` afresh and returns its outputs. */
export function programOf(entry: string): () => Promise<unknown> {
  return async () => {
    registerTypeScript(packageRoot(entry));
    resolveOwnPackageByName();
    forgetProgram(path.dirname(entry));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(entry) as unknown;
    const main =
      typeof exported === "function"
        ? exported
        : (exported as { default?: unknown } | null)?.default instanceof Function
          ? (exported as { default: () => unknown }).default
          : undefined;
    return main ? await main() : exported;
  };
}
