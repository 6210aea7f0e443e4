/**
 * `npm run plan -- <stack | program-dir> [options]` (run with ts-node). Puts the transpile cache in front
 * of ts-node first, then loads the command, so the plan's own modules come from the cache too.
 */
import * as path from "path";
import { exitAfterOutput } from "./exitAfterOutput";
import { installTranspileCache } from "./transpileCache";

installTranspileCache(path.resolve(__dirname, "..", "node_modules", ".cache", "offline-plan-ts"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runCli } = require("./planCommand") as typeof import("./planCommand");
runCli(process.argv.slice(2)).then(exitAfterOutput);
