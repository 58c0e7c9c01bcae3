// Cloud Assistant in the emulator, through the official ECS SDK (@alicloud/ecs20140526): commands,
// invocations with the statuses the provider's waiter polls for, and the outcomes a test injects (a
// script that fails on an instance, an invocation the service no longer keeps, throttling once).
import Ecs, * as $Ecs from "@alicloud/ecs20140526";
import { ASSISTANT_KINDS, expireInvocation, scriptInvocationOutcome } from "../../../tools/cloudlab/products/ecs/assistantKinds";
import { seedInstance } from "../labSeeds";
import { sdkConfig, sdkError, useLab } from "../../support/labClients";

const SCRIPT = Buffer.from("curl -fsS http://127.0.0.1/healthz", "utf8").toString("base64");

const lab = useLab({ perTest: true });
let ecs: Ecs;
let region: string;

beforeEach(() => {
  ecs = new Ecs(sdkConfig(lab(), "ecs"));
  region = lab().store.region;
});

const createCommand = async (enableParameter = false): Promise<string> =>
  String(
    (
      await ecs.createCommand(
        new $Ecs.CreateCommandRequest({
          regionId: region,
          name: "readiness",
          type: "RunShellScript",
          commandContent: SCRIPT,
          timeout: 300,
          enableParameter,
        }),
      )
    ).body?.commandId,
  );
const invoke = async (commandId: string, instanceId: string[], more: Partial<$Ecs.InvokeCommandRequest> = {}): Promise<string> =>
  String((await ecs.invokeCommand(new $Ecs.InvokeCommandRequest({ regionId: region, commandId, instanceId, ...more }))).body?.invokeId);
const invocation = async (
  invokeId: string,
  includeOutput = false,
): Promise<$Ecs.DescribeInvocationsResponseBodyInvocationsInvocation | undefined> => {
  const body = (await ecs.describeInvocations(new $Ecs.DescribeInvocationsRequest({ regionId: region, invokeId, includeOutput }))).body;
  return body?.invocations?.invocation?.[0];
};
const results = async (
  invokeId: string,
  contentEncoding?: string,
): Promise<$Ecs.DescribeInvocationResultsResponseBodyInvocationInvocationResultsInvocationResult[]> =>
  (await ecs.describeInvocationResults(new $Ecs.DescribeInvocationResultsRequest({ regionId: region, invokeId, contentEncoding }))).body
    ?.invocation?.invocationResults?.invocationResult ?? [];

describe("commands", () => {
  test("CreateCommand, then DescribeCommands answers it with Timeout a number and EnableParameter a boolean", async () => {
    const id = await createCommand();
    expect(id).toMatch(/^c-hz0[a-z0-9]{13}$/);
    const body = (await ecs.describeCommands(new $Ecs.DescribeCommandsRequest({ regionId: region, commandId: id }))).body;
    expect(body?.totalCount).toBe(1);
    expect(body?.commands?.command?.[0]).toMatchObject({
      commandId: id,
      name: "readiness",
      type: "RunShellScript",
      commandContent: SCRIPT,
      timeout: 300,
      enableParameter: false,
      workingDir: "",
    });
  });

  test("an unknown command: DescribeCommands lists nothing, DeleteCommand is InvalidCmdId.NotFound", async () => {
    const body = (await ecs.describeCommands(new $Ecs.DescribeCommandsRequest({ regionId: region, commandId: "c-hz0nothere" }))).body;
    expect(body?.commands?.command).toEqual([]);
    expect(await sdkError(ecs.deleteCommand(new $Ecs.DeleteCommandRequest({ regionId: region, commandId: "c-hz0nothere" })))).toMatchObject(
      {
        code: "InvalidCmdId.NotFound",
        statusCode: 404,
      },
    );
  });

  test("DeleteCommand deletes; an unknown type is InvalidCmdType.NotFound", async () => {
    const id = await createCommand();
    await ecs.deleteCommand(new $Ecs.DeleteCommandRequest({ regionId: region, commandId: id }));
    expect(lab().store.list(ASSISTANT_KINDS.command)).toEqual([]);
    const bad = ecs.createCommand(new $Ecs.CreateCommandRequest({ regionId: region, name: "x", type: "Shell", commandContent: SCRIPT }));
    expect(await sdkError(bad)).toMatchObject({ code: "InvalidCmdType.NotFound", statusCode: 404 });
  });
});

describe("invocations", () => {
  test("an invocation reads Running once, then Success, with the fields the provider's Read takes", async () => {
    const instance = seedInstance(lab().store);
    const invokeId = await invoke(await createCommand(), [instance]);
    expect(invokeId).toMatch(/^t-hz0[a-z0-9]{13}$/);
    const first = await invocation(invokeId);
    expect(first).toMatchObject({
      invocationStatus: "Running",
      invokeStatus: "Running",
      parameters: "{}",
      repeatMode: "Once",
      timed: false,
      username: "root",
      frequency: "",
    });
    expect(first?.invokeInstances?.invokeInstance?.[0]).toMatchObject({ instanceId: instance, invocationStatus: "Running" });
    const done = await invocation(invokeId);
    expect(done?.invocationStatus).toBe("Success");
    expect(done?.invokeInstances?.invokeInstance?.[0]).toMatchObject({
      instanceId: instance,
      invocationStatus: "Success",
      exitCode: 0,
      instanceInvokeStatus: "Finished",
    });
  });

  test("a scripted failure: the instance's run is Failed with its exit code and output, Base64 unless PlainText is asked for", async () => {
    const instance = seedInstance(lab().store);
    scriptInvocationOutcome(lab().store, { instanceId: instance, exitCode: 3, output: "nginx: health check failed\n" });
    const invokeId = await invoke(await createCommand(), [instance]);
    await invocation(invokeId);
    const done = await invocation(invokeId, true);
    expect(done?.invocationStatus).toBe("Failed");
    const run = done?.invokeInstances?.invokeInstance?.[0];
    expect(run).toMatchObject({ invocationStatus: "Failed", exitCode: 3, errorCode: "ExitCodeNonzero" });
    expect(Buffer.from(String(run?.output), "base64").toString("utf8")).toBe("nginx: health check failed\n");
    expect((await results(invokeId, "PlainText"))[0]).toMatchObject({
      instanceId: instance,
      invocationStatus: "Failed",
      exitCode: 3,
      output: "nginx: health check failed\n",
    });
    expect(lab().store.list(ASSISTANT_KINDS.outcome)).toEqual([]);
    const next = await invoke(await createCommand(), [instance]);
    await invocation(next);
    expect((await invocation(next))?.invocationStatus).toBe("Success");
  });

  test("one instance of two failing is PartialFailed; a stopped instance is Aborted, as the command cannot be delivered", async () => {
    const [good, bad, stopped] = [seedInstance(lab().store), seedInstance(lab().store), seedInstance(lab().store, { status: "Stopped" })];
    scriptInvocationOutcome(lab().store, { instanceId: bad, exitCode: 1, output: "" });
    const command = await createCommand();
    const partial = await invoke(command, [good, bad]);
    await invocation(partial);
    expect((await invocation(partial))?.invocationStatus).toBe("PartialFailed");
    const aborted = await invoke(command, [stopped]);
    expect((await results(aborted))[0]).toMatchObject({
      instanceId: stopped,
      invocationStatus: "Aborted",
      errorCode: "InstanceNotRunning",
    });
    expect((await invocation(aborted))?.invocationStatus).toBe("Failed");
  });

  test("StopInvocation stops a running invocation and leaves a finished one as it was", async () => {
    const instance = seedInstance(lab().store);
    const command = await createCommand();
    const running = await invoke(command, [instance]);
    await ecs.stopInvocation(new $Ecs.StopInvocationRequest({ regionId: region, invokeId: running }));
    expect((await invocation(running))?.invocationStatus).toBe("Stopped");
    const finished = await invoke(command, [instance]);
    await invocation(finished);
    await invocation(finished);
    await ecs.stopInvocation(new $Ecs.StopInvocationRequest({ regionId: region, invokeId: finished }));
    expect((await invocation(finished))?.invocationStatus).toBe("Success");
  });

  test("an invocation the service no longer keeps: not listed, and StopInvocation is InvalidInvokeId.NotFound", async () => {
    const invokeId = await invoke(await createCommand(), [seedInstance(lab().store)]);
    expireInvocation(lab().store, invokeId);
    const listed = (await ecs.describeInvocations(new $Ecs.DescribeInvocationsRequest({ regionId: region, invokeId }))).body;
    expect(listed?.totalCount).toBe(0);
    expect(listed?.invocations?.invocation).toEqual([]);
    expect(await results(invokeId)).toEqual([]);
    const stop = ecs.stopInvocation(new $Ecs.StopInvocationRequest({ regionId: region, invokeId }));
    expect(await sdkError(stop)).toMatchObject({ code: "InvalidInvokeId.NotFound", statusCode: 404 });
  });

  test("a throttling error once, then the call goes through", async () => {
    const instance = seedInstance(lab().store);
    const command = await createCommand();
    lab().store.inject({
      product: "ecs",
      action: "InvokeCommand",
      code: "Throttling.User",
      message: "Request was denied due to user flow control.",
    });
    expect(await sdkError(invoke(command, [instance]))).toMatchObject({ code: "Throttling.User", statusCode: 400 });
    expect(await invoke(command, [instance])).toMatch(/^t-/);
  });

  test("a periodic invocation is Scheduled; the same ClientToken invokes once", async () => {
    const instance = seedInstance(lab().store);
    const command = await createCommand();
    const periodic = await invoke(command, [instance], { timed: true, frequency: "0 */20 * * * *", repeatMode: "Period" });
    expect((await invocation(periodic))?.invocationStatus).toBe("Scheduled");
    const once = await invoke(command, [instance], { clientToken: "token-1" });
    expect(await invoke(command, [instance], { clientToken: "token-1" })).toBe(once);
  });

  test("refusals: an unknown command or instance, a timed run without frequency, parameters the command does not take, more than 50 instances", async () => {
    const instance = seedInstance(lab().store);
    const command = await createCommand();
    expect(await sdkError(invoke("c-hz0nothere", [instance]))).toMatchObject({ code: "InvalidCmdId.NotFound", statusCode: 404 });
    expect(await sdkError(invoke(command, ["i-bp1nothere"]))).toMatchObject({ code: "InvalidInstance.NotFound", statusCode: 404 });
    expect(await sdkError(invoke(command, [instance], { timed: true }))).toMatchObject({ code: "MissingParam.Frequency", statusCode: 403 });
    expect(await sdkError(invoke(command, [instance], { parameters: { name: "x" } }))).toMatchObject({
      code: "Parameter.Disabled",
      statusCode: 404,
    });
    const many = Array.from({ length: 51 }, () => instance);
    expect(await sdkError(invoke(command, many))).toMatchObject({ code: "InstanceIds.ExceedLimit", statusCode: 403 });
  });
});
