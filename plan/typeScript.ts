/**
 * TypeScript for the plan's own loading: the compiler (the program's own, as the Pulumi CLI prefers it) and
 * the options a program or pack is transpiled with. The installed plan is JavaScript; it transpiles only
 * what it runs of the user's (their program, a TypeScript pack), without type checking — `tsc` does that.
 */
import * as fs from "fs";
import * as path from "path";
import { PlanInputError } from "./planErrors";

type TypeScript = typeof import("typescript");

/** The `typescript` package the program at `dir` installed, else the one beside the plan. */
export function loadTypeScript(dir: string): TypeScript {
  let resolved: string;
  try {
    resolved = require.resolve("typescript", { paths: [dir, __dirname] });
  } catch {
    throw new PlanInputError(
      `${dir} is TypeScript and no typescript package is installed for it: run npm install --save-dev typescript there`,
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(resolved) as TypeScript;
}

/** `dir`'s tsconfig options over the defaults `run-policy-pack` gives ts-node; always CommonJS. */
export function transpileOptions(ts: TypeScript, dir: string): import("typescript").CompilerOptions {
  const file = path.join(dir, "tsconfig.json");
  const raw = fs.existsSync(file)
    ? ((ts.readConfigFile(file, ts.sys.readFile).config as { compilerOptions?: object }).compilerOptions ??
      {})
    : {};
  const { options } = ts.convertCompilerOptionsFromJson(raw, dir);
  return {
    target: ts.ScriptTarget.ES2020,
    ...options,
    module: ts.ModuleKind.CommonJS,
    sourceMap: false,
    inlineSourceMap: true,
  };
}

/**
 * Loads `.ts` modules by transpiling them with the program's compiler and tsconfig, unless a loader is in
 * place already (ts-node, under `npm run plan`). Stack traces map back to the `.ts` lines through Node's own
 * source map support.
 */
export function registerTypeScript(programDir: string): void {
  if (require.extensions[".ts"]) return;
  const ts = loadTypeScript(programDir);
  const compilerOptions = transpileOptions(ts, programDir);
  process.setSourceMapsEnabled(true);
  require.extensions[".ts"] = (module, filename) => {
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
      compilerOptions,
      fileName: filename,
    });
    (module as NodeJS.Module & { _compile(code: string, filename: string): void })._compile(
      outputText,
      filename,
    );
  };
}
