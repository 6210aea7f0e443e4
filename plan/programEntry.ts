/**
 * Finds and runs a Node.js Pulumi program the way the language host does: `main` is a file, or a
 * directory whose `package.json` `main` (a `.js` path standing for the `.ts` beside it) or `index.ts` /
 * `index.js` is the entry. The program runs as a fresh module each time, so one process can plan many
 * stacks; its exports (or what its exported function returns) are the stack's outputs.
 */
import * as fs from "fs";
import * as path from "path";
import { PlanInputError } from "./planErrors";

function isFile(p: string): boolean {
  return fs.existsSync(p) && fs.statSync(p).isFile();
}

function asTypeScript(file: string): string {
  const ts = file.replace(/\.js$/, ".ts");
  return ts !== file && isFile(ts) ? ts : file;
}

export function programEntry(main: string): string {
  if (isFile(main)) return asTypeScript(main);
  if (!fs.existsSync(main)) throw new PlanInputError(`program ${main} does not exist`);
  const pkgFile = path.join(main, "package.json");
  const pkgMain = isFile(pkgFile)
    ? (JSON.parse(fs.readFileSync(pkgFile, "utf8")) as { main?: unknown }).main
    : undefined;
  if (typeof pkgMain === "string") {
    const target = path.resolve(main, pkgMain);
    if (isFile(asTypeScript(target)) || isFile(target)) return asTypeScript(target);
    if (fs.existsSync(target)) return programEntry(target);
    throw new PlanInputError(`${pkgFile}: main ${pkgMain} does not exist`);
  }
  for (const index of ["index.ts", "index.js"])
    if (isFile(path.join(main, index))) return path.join(main, index);
  throw new PlanInputError(`no program entry in ${main} (no package.json main, index.ts or index.js)`);
}

/** Registers ts-node (transpile only) unless a TypeScript loader is already in place. */
function ensureTypeScript(): void {
  if (require.extensions[".ts"]) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("ts-node") as typeof import("ts-node")).register({ transpileOnly: true });
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
    ensureTypeScript();
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
