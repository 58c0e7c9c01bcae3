// Contract of the emulator's Function Compute 3.0 (the ROA dialect) with the official
// @alicloud/fc20230330 client: functions, timer triggers and tags, and the refusals.
import Fc, * as $fc from "@alicloud/fc20230330";
import { strToU8, zipSync } from "fflate";
import { crc64 } from "../../../tools/cloudlab/products/fc/checksum";
import { sdkConfig, sdkError, useLab } from "../../support/labClients";

const lab = useLab();
const client = (label = "fc"): Fc => new Fc(sdkConfig(lab(), label));
const zip = Buffer.from(zipSync({ "index.js": strToU8("exports.handler = async () => 'ok';") }));

const input = (name: string, extra: Record<string, unknown> = {}): $fc.CreateFunctionRequest =>
  new $fc.CreateFunctionRequest({
    body: new $fc.CreateFunctionInput({
      functionName: name,
      runtime: "nodejs20",
      handler: "index.handler",
      code: new $fc.InputCodeLocation({ zipFile: zip.toString("base64") }),
      timeout: 180,
      cpu: 0.25,
      memorySize: 512,
      internetAccess: true,
      environmentVariables: { STACK: "dev" },
      logConfig: new $fc.LogConfig({
        project: "p-1",
        logstore: "fn",
        enableRequestMetrics: true,
        enableInstanceMetrics: false,
        logBeginRule: "None",
      }),
      ossMountConfig: new $fc.OSSMountConfig({
        mountPoints: [
          new $fc.OSSMountPoint({
            bucketName: "b-1",
            bucketPath: "/",
            endpoint: "http://oss-cn-hangzhou-internal.aliyuncs.com",
            mountDir: "/mnt/m",
            readOnly: false,
          }),
        ],
      }),
      ...extra,
    }),
  });

test("the CRC-64 of a code package is CRC-64/XZ, the variant Alibaba Cloud's storage reports", () => {
  // The catalogue check value of CRC-64/XZ (ECMA-182 reflected): 0x995DC9BBDF1939FA for "123456789".
  expect(crc64(Buffer.from("123456789"))).toBe(BigInt("0x995dc9bbdf1939fa").toString(10));
});

describe("functions", () => {
  test("CreateFunction answers the Function the provider reads; GetFunction reads it back, also at the account-prefixed endpoint", async () => {
    const created = await client().createFunction(input("fn-1"));
    const fn = created.body;
    expect(fn).toMatchObject({
      functionName: "fn-1",
      runtime: "nodejs20",
      handler: "index.handler",
      timeout: 180,
      cpu: 0.25,
      memorySize: 512,
    });
    expect(fn?.functionArn).toBe(`acs:fc:cn-hangzhou:${lab().store.accountId}:functions/fn-1`);
    expect(fn?.functionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(fn?.codeSize).toBe(zip.length);
    expect(fn?.codeChecksum).toBe(crc64(zip));
    expect(fn?.state).toBe("Active");
    expect(fn?.createdTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const read = await client(`${lab().store.accountId}.fc`).getFunction("fn-1", new $fc.GetFunctionRequest({}));
    expect(read.body?.environmentVariables).toEqual({ STACK: "dev" });
    expect(read.body?.logConfig).toMatchObject({
      project: "p-1",
      logstore: "fn",
      enableRequestMetrics: true,
      enableInstanceMetrics: false,
      logBeginRule: "None",
    });
    expect(read.body?.ossMountConfig?.mountPoints?.[0]).toMatchObject({ bucketName: "b-1", mountDir: "/mnt/m", readOnly: false });
    // Settings the caller never gave are absent, not defaulted: the provider reads them into optional attributes.
    expect(read.body?.idleTimeout).toBeUndefined();
    expect(read.body?.description).toBeUndefined();
    expect(read.body?.invocationRestriction).toBeUndefined();

    // The request log names the environment variables without their values.
    const logged = lab().store.requests.find((r) => r.action === "CreateFunction")?.params as Record<string, unknown>;
    expect(logged.environmentVariables).toEqual({ STACK: "<hidden>" });
  });

  test("CreateFunction refuses a taken name (409 FunctionAlreadyExists), a code package that is not a ZIP and sizes FC does not allow", async () => {
    const taken = await sdkError(client().createFunction(input("fn-1")));
    expect([taken.code, taken.statusCode]).toEqual(["FunctionAlreadyExists", 409]);
    const notZip = await sdkError(
      client().createFunction(input("fn-2", { code: new $fc.InputCodeLocation({ zipFile: Buffer.from("hello").toString("base64") }) })),
    );
    expect([notZip.code, notZip.statusCode]).toEqual(["InvalidArgument", 400]);
    for (const sizes of [{ memorySize: 500 }, { cpu: 0.33 }, { cpu: 2, memorySize: 512 }, { timeout: 0 }]) {
      const refused = await sdkError(client().createFunction(input("fn-2", sizes)));
      expect(refused.code).toBe("InvalidArgument");
    }
    expect(lab().store.get("fc.function", "fn-2")).toBeUndefined();
  });

  test("UpdateFunction changes only what it is given", async () => {
    const updated = await client().updateFunction(
      "fn-1",
      new $fc.UpdateFunctionRequest({ body: new $fc.UpdateFunctionInput({ description: "now described", memorySize: 1024 }) }),
    );
    expect(updated.body).toMatchObject({ description: "now described", memorySize: 1024, timeout: 180, handler: "index.handler" });
    expect(lab().store.get("fc.function", "fn-1")?.environmentVariables).toEqual({ STACK: "dev" });
  });

  test("TagResources and UntagResources by the function's ARN; GetFunction lists them in the Tag model", async () => {
    const arn = `acs:fc:cn-hangzhou:${lab().store.accountId}:functions/fn-1`;
    await client().tagResources(
      new $fc.TagResourcesRequest({
        body: new $fc.TagResourcesInput({
          resourceId: [arn],
          resourceType: "function",
          tag: [
            { key: "stack", value: "dev" },
            { key: "team", value: "ops" },
          ],
        }),
      }),
    );
    await client().untagResources(new $fc.UntagResourcesRequest({ resourceId: [arn], resourceType: "function", tagKey: ["team"] }));
    const read = await client().getFunction("fn-1", new $fc.GetFunctionRequest({}));
    expect(read.body?.tags?.map((t) => [t.key, t.value])).toEqual([["stack", "dev"]]);
  });
});

describe("timer triggers", () => {
  const config = JSON.stringify({ cronExpression: "@every 60m", enable: true, payload: '{"kind":"verify"}' });

  test("CreateTrigger, GetTrigger (triggerConfig kept as sent), UpdateTrigger, ListTriggers, DeleteTrigger", async () => {
    const created = await client().createTrigger(
      "fn-1",
      new $fc.CreateTriggerRequest({
        body: new $fc.CreateTriggerInput({
          triggerName: "schedule",
          triggerType: "timer",
          qualifier: "LATEST",
          triggerConfig: config,
          description: "hourly",
        }),
      }),
    );
    expect(created.body).toMatchObject({ triggerName: "schedule", triggerType: "timer", qualifier: "LATEST", triggerConfig: config });
    expect(created.body?.triggerId).toMatch(/^[0-9a-f-]{36}$/);

    const read = await client().getTrigger("fn-1", "schedule");
    expect(read.body?.triggerConfig).toBe(config);
    expect(read.body?.httpTrigger).toBeUndefined();

    const newer = JSON.stringify({ cronExpression: "@every 30m", enable: true, payload: '{"kind":"verify"}' });
    const updated = await client().updateTrigger(
      "fn-1",
      "schedule",
      new $fc.UpdateTriggerRequest({ body: new $fc.UpdateTriggerInput({ triggerConfig: newer }) }),
    );
    expect(updated.body).toMatchObject({ triggerConfig: newer, description: "hourly" });

    const list = await client().listTriggers("fn-1", new $fc.ListTriggersRequest({}));
    expect(list.body?.triggers?.map((t) => t.triggerName)).toEqual(["schedule"]);

    await client().deleteTrigger("fn-1", "schedule");
    const gone = await sdkError(client().getTrigger("fn-1", "schedule"));
    expect([gone.code, gone.statusCode]).toEqual(["TriggerNotFound", 404]);
  });

  test("CreateTrigger refuses a timer without a cron expression, a taken name, and a function that does not exist", async () => {
    const noCron = await sdkError(
      client().createTrigger(
        "fn-1",
        new $fc.CreateTriggerRequest({ body: new $fc.CreateTriggerInput({ triggerName: "t", triggerType: "timer", triggerConfig: "{}" }) }),
      ),
    );
    expect(noCron.code).toBe("InvalidArgument");
    const body = new $fc.CreateTriggerInput({ triggerName: "t", triggerType: "timer", qualifier: "LATEST", triggerConfig: config });
    await client().createTrigger("fn-1", new $fc.CreateTriggerRequest({ body }));
    const taken = await sdkError(client().createTrigger("fn-1", new $fc.CreateTriggerRequest({ body })));
    expect([taken.code, taken.statusCode]).toEqual(["TriggerAlreadyExists", 409]);
    const noFunction = await sdkError(client().createTrigger("nope", new $fc.CreateTriggerRequest({ body })));
    expect([noFunction.code, noFunction.statusCode]).toEqual(["FunctionNotFound", 404]);
  });

  test("DeleteFunction removes the function (and its triggers); GetFunction then answers 404 FunctionNotFound", async () => {
    await client().deleteFunction("fn-1");
    expect(lab().store.list("fc.trigger")).toEqual([]);
    const gone = await sdkError(client().getFunction("fn-1", new $fc.GetFunctionRequest({})));
    expect([gone.code, gone.statusCode]).toEqual(["FunctionNotFound", 404]);
    const again = await sdkError(client().deleteFunction("fn-1"));
    expect(again.code).toBe("FunctionNotFound");
  });
});
