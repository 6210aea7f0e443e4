import { analyzePlugin } from "/work/wt/mnsdk/test/package/pluginSchema";
const p = analyzePlugin();
console.log("rejected", JSON.stringify(p.rejected));
const t = (n: string) => p.schema.types[`azureml-network-isolation:index:${n}`];
console.log(JSON.stringify(t("ManagedNetworkArgs"), null, 1));
console.log(JSON.stringify(t("IsolationModes")?.enum));
console.log(JSON.stringify(p.schema.resources["azureml-network-isolation:index:SecuredWorkspace"].inputProperties!.managedNetwork));
console.log(JSON.stringify(p.schema.resources["azureml-network-isolation:index:SecuredWorkspace"].properties!.managedNetworkIsolationMode));
console.log(JSON.stringify(p.schema.resources["azureml-network-isolation:index:PrivateCompute"].requiredInputs));
