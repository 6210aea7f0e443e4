/**
 * A disk cache in front of ts-node for the plan command. ts-node transpiles every TypeScript module on
 * every run — about 90 for a provided stack (the plan, the pack's model, the components, the program),
 * 1.5 s of CPU on this machine, a third of a plan. Unchanged modules are read from
 * `node_modules/.cache/offline-plan-ts/` instead, compiled by ts-node itself on a miss, so the output is
 * ts-node's. Their inline source maps are handed to source-map-support, so stack traces still point into
 * the .ts sources. Entries are verified on read, and a cache directory that cannot be written leaves the
 * plan running uncached (`verifiedCache.ts`).
 */
import { createHash } from "crypto";
import * as fs from "fs";
import type { Service } from "ts-node";
import { textCache, type CacheFs } from "./verifiedCache";

type Loader = (module: NodeJS.Module, filename: string) => void;

export function installTranspileCache(cacheDir: string, cacheFs?: CacheFs): void {
  const service = (process as unknown as Record<symbol, Service | undefined>)[
    Symbol.for("ts-node.register.instance")
  ];
  const tsNodeLoader = require.extensions[".ts"] as Loader | undefined;
  if (!service || !tsNodeLoader) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tsNodeVersion = (require("ts-node") as { VERSION: string }).VERSION;
  const salt = `${tsNodeVersion}\0${service.ts.version}\0${JSON.stringify(service.config.options)}\0`;
  const cached = new Map<string, string>();
  const cache = textCache(cacheDir, cacheFs);

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("@cspotcode/source-map-support") as { install(o: object): void }).install({
    retrieveFile: (file: string) => cached.get(file) ?? "",
  });

  require.extensions[".ts"] = (module, filename) => {
    if (service.ignored(filename)) return tsNodeLoader(module, filename);
    const source = fs.readFileSync(filename, "utf8");
    const key = createHash("sha256").update(salt).update(filename).update("\0").update(source).digest("hex");
    let js = cache.get(key);
    if (js !== undefined) {
      cached.set(filename, js);
    } else {
      js = service.compile(source, filename);
      cache.put(key, js);
    }
    (module as NodeJS.Module & { _compile(code: string, filename: string): void })._compile(js, filename);
  };
}
