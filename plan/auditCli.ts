/**
 * `npm run audit -- <export.json>… [options]` (run with ts-node): the audit command from sources, its modules
 * through the transpile cache as the plan's are.
 */
import * as path from "path";
import { exitAfterOutput } from "./exitAfterOutput";
import { installTranspileCache } from "./transpileCache";

installTranspileCache(path.resolve(__dirname, "..", "node_modules", ".cache", "offline-plan-ts"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runAudit } = require("./audit/auditCommand") as typeof import("./audit/auditCommand");
runAudit(process.argv.slice(2)).then(exitAfterOutput);
