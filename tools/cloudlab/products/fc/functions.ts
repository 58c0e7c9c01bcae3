// Function Compute 3.0 functions: CreateFunction, GetFunction, UpdateFunction, DeleteFunction.
// Shapes: the official @alicloud/fc20230330 models (CreateFunctionInput, UpdateFunctionInput and the
// Function the API answers with) and what terraform-provider-alicloud v1.285.0 reads
// (alicloud/resource_alicloud_fcv3_function.go Read: codeSize, cpu, createdTime, description,
// diskSize, environmentVariables, functionArn, functionId, handler, instanceConcurrency,
// internetAccess, memorySize, role, runtime, timeout, state..., logConfig, ossMountConfig.mountPoints,
// tags as [{Key, Value}], the Tag model's wire names). The provider's Read sets optional, non-computed settings (description,
// idleTimeout, layers, invocationRestriction, customRuntimeConfig...) from what GetFunction returns,
// so a setting the caller never gave is left out of the answer rather than filled with a default:
// a default there would be a diff on every preview, which the provider's own acceptance tests
// (resource_alicloud_fcv3_function_test.go) would have shown.
import { unzipSync } from "fflate";
import { ApiError } from "../../apiError";
import type { RestRoute } from "../../restRoutes";
import type { RoaHandler } from "../../roa";
import type { LabRecord, LabStore } from "../../store";
import { defaultResourceGroupId } from "../resourceGroups";
import { crc64 } from "./checksum";
import { FC, fcId, fcTime, functionArn } from "./kinds";

/** What UpdateFunctionInput may change (the model's fields); CreateFunctionInput adds functionName, resourceGroupId, tags. */
const SETTINGS = [
  "cpu",
  "customContainerConfig",
  "customDNS",
  "customRuntimeConfig",
  "description",
  "diskSize",
  "environmentVariables",
  "gpuConfig",
  "handler",
  "idleTimeout",
  "instanceConcurrency",
  "instanceIsolationMode",
  "instanceLifecycleConfig",
  "internetAccess",
  "layers",
  "logConfig",
  "memorySize",
  "nasConfig",
  "ossMountConfig",
  "role",
  "runtime",
  "sessionAffinity",
  "sessionAffinityConfig",
  "timeout",
  "tracingConfig",
  "vpcConfig",
] as const;

const invalid = (message: string): ApiError => new ApiError("InvalidArgument", message, 400);

export const functionNotFound = (name: string): ApiError => new ApiError("FunctionNotFound", `function '${name}' does not exist`, 404);

export function mustFunction(store: LabStore, name: string): LabRecord {
  return store.must(FC.function, name, () => functionNotFound(name));
}

/**
 * The limits the CreateFunctionInput model documents: cpu a multiple of 0.05 from 0.05 to 16,
 * memorySize a multiple of 64 from 128 MB to 32 GB, cpu to memory (GB) from 1:1 to 1:4, diskSize 512
 * or 10240, timeout 1 to 86400 s. FC refuses other values with InvalidArgument (400).
 */
function checkSizes(f: LabRecord): void {
  const cpu = Number(f.cpu);
  const memory = Number(f.memorySize);
  if (!(cpu >= 0.05 && cpu <= 16) || Math.abs(Math.round(cpu * 20) - cpu * 20) > 1e-9)
    throw invalid(`cpu ${f.cpu} is not a multiple of 0.05 in [0.05, 16]`);
  if (!(memory >= 128 && memory <= 32768) || memory % 64 !== 0)
    throw invalid(`memorySize ${f.memorySize} is not a multiple of 64 in [128, 32768]`);
  const ratio = memory / 1024 / cpu;
  if (ratio < 1 - 1e-9 || ratio > 4 + 1e-9) throw invalid(`the ratio of cpu ${cpu} to memorySize ${memory} MB must be from 1:1 to 1:4`);
  if (f.diskSize !== 512 && f.diskSize !== 10240) throw invalid(`diskSize ${f.diskSize} must be 512 or 10240`);
  const timeout = Number(f.timeout);
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > 86400) throw invalid(`timeout ${f.timeout} must be 1 to 86400`);
}

/** The code package: a base64 ZIP (InputCodeLocation.zipFile) or an OSS object; a zipFile that is not a ZIP is refused. */
function codeFacts(code: unknown): LabRecord {
  const c = (code ?? {}) as Record<string, unknown>;
  if (typeof c.zipFile === "string") {
    const bytes = Buffer.from(c.zipFile, "base64");
    try {
      unzipSync(bytes);
    } catch {
      throw invalid("code.zipFile is not a base64-encoded ZIP file");
    }
    return { codeSize: bytes.length, codeChecksum: crc64(bytes) };
  }
  if (typeof c.ossBucketName === "string" && typeof c.ossObjectName === "string") return { codeSize: 0, codeChecksum: "" };
  throw invalid("code needs zipFile, or ossBucketName and ossObjectName");
}

function pick(body: Readonly<Record<string, unknown>>, keys: readonly string[]): LabRecord {
  return Object.fromEntries(keys.filter((k) => body[k] !== undefined && body[k] !== null).map((k) => [k, body[k]]));
}

/** GetFunction's answer: the record without the emulator's bookkeeping. */
export function functionView(f: LabRecord): LabRecord {
  return Object.fromEntries(Object.entries(f).filter(([k]) => !k.startsWith("_")));
}

const createFunction: RoaHandler = ({ body, store }) => {
  const name = body.functionName;
  if (typeof name !== "string" || !/^[A-Za-z_][A-Za-z0-9_-]{0,127}$/.test(name)) throw invalid(`functionName ${String(name)} is not valid`);
  if (store.get(FC.function, name)) throw new ApiError("FunctionAlreadyExists", `function '${name}' already exists`, 409);
  for (const required of ["runtime", "handler"]) if (typeof body[required] !== "string") throw invalid(`${required} is required`);
  const settings = pick(body, SETTINGS);
  const memorySize = settings.memorySize ?? 512;
  const now = fcTime();
  const f: LabRecord = {
    functionName: name,
    functionId: fcId(),
    functionArn: functionArn(store, name),
    // Defaults: timeout 3 s, internetAccess true, diskSize 512 (CreateFunctionInput); memorySize 512
    // and cpu at 1:2 of it are the model's examples, not documented defaults (unconfirmed).
    timeout: 3,
    internetAccess: true,
    diskSize: 512,
    instanceConcurrency: 1,
    memorySize,
    cpu: Math.max(0.05, Math.round((Number(memorySize) / 2048) * 20) / 20),
    ...settings,
    ...codeFacts(body.code),
    resourceGroupId: typeof body.resourceGroupId === "string" ? body.resourceGroupId : defaultResourceGroupId(store),
    tags: Array.isArray(body.tags) ? body.tags : [],
    createdTime: now,
    lastModifiedTime: now,
    // A code package is ready at once; FC shows Pending only while it prepares (e.g. container images).
    state: "Active",
    stateReason: "",
    stateReasonCode: "",
    lastUpdateStatus: "Successful",
    lastUpdateStatusReason: "",
    lastUpdateStatusReasonCode: "",
  };
  checkSizes(f);
  store.create(FC.function, name, f);
  return { body: functionView(f) };
};

const getFunction: RoaHandler = ({ path, store }) => ({ body: functionView(mustFunction(store, path.functionName as string)) });

const updateFunction: RoaHandler = ({ path, body, store }) => {
  const name = path.functionName as string;
  const current = mustFunction(store, name);
  const patch: LabRecord = { ...pick(body, SETTINGS), lastModifiedTime: fcTime() };
  if (body.code !== undefined) Object.assign(patch, codeFacts(body.code));
  checkSizes({ ...current, ...patch });
  return { body: functionView(store.update(FC.function, name, patch)) };
};

const deleteFunction: RoaHandler = ({ path, store }) => {
  const name = path.functionName as string;
  mustFunction(store, name);
  // FC 2.0's DeleteFunction reference says a function's triggers must be deleted first; FC 3.0's
  // (api-fc-2023-03-30-deletefunction) says nothing of it and documents no error code for it, so the
  // emulator deletes the function's triggers with it rather than inventing a refusal (unconfirmed).
  for (const t of store.list(FC.trigger).filter((t) => t._functionName === name))
    store.delete(FC.trigger, `${name}/${String(t.triggerName)}`);
  store.delete(FC.function, name);
  return { status: 204 };
};

export function functionRoutes(): RestRoute<RoaHandler>[] {
  return [
    { method: "POST", path: "/2023-03-30/functions", action: "CreateFunction", handle: createFunction },
    { method: "GET", path: "/2023-03-30/functions/{functionName}", action: "GetFunction", handle: getFunction },
    { method: "PUT", path: "/2023-03-30/functions/{functionName}", action: "UpdateFunction", handle: updateFunction },
    { method: "DELETE", path: "/2023-03-30/functions/{functionName}", action: "DeleteFunction", handle: deleteFunction },
  ];
}
