// OOS secret parameters in the emulator, through @alicloud/openapi-client's generic RPC call (OOS
// has no Node SDK here): each action's answer as the provider reads it, the refusals, and the
// secret kept out of the request log.
import { OOS_SECRET_PARAMETER, REDACTED, secretParameterValue } from "../../../tools/cloudlab/products/oos";
import { rpcCaller, sdkError, useLab, type RpcCall } from "../../support/labClients";

const NAME = "wechat-https-backend/lab/APP_SECRET";
const SECRET = "s3cret-value-never-logged";

const lab = useLab({ perTest: true });
let oos: RpcCall;
const create = (query: Record<string, unknown> = {}): Promise<Record<string, unknown>> =>
  oos("CreateSecretParameter", { Name: NAME, Value: SECRET, Type: "Secret", Description: "app secret", Tags: { stack: "lab" }, ...query });
const parameterOf = (answer: Record<string, unknown>): Record<string, unknown> => answer.Parameter as Record<string, unknown>;

beforeEach(() => {
  oos = rpcCaller(lab(), "oos", "2019-06-01");
});

test("CreateSecretParameter answers the parameter without its value; the store keeps the value for the harness", async () => {
  const created = parameterOf(await create());
  expect(created).toMatchObject({
    Name: NAME,
    Type: "Secret",
    Description: "app secret",
    ParameterVersion: 1,
    Tags: { stack: "lab" },
    ShareType: "Private",
  });
  expect(created.Id).toMatch(/^p-[0-9a-f]{20}$/);
  expect(created.CreatedDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  expect(created).not.toHaveProperty("Value");
  expect(secretParameterValue(lab().store, NAME)).toBe(SECRET);
});

test("GetSecretParameter answers the value only WithDecryption, and no KeyId or Constraints nobody set", async () => {
  await create();
  const plain = parameterOf(await oos("GetSecretParameter", { Name: NAME }));
  expect(plain).toMatchObject({ Name: NAME, Type: "Secret", ParameterVersion: 1 });
  expect(plain).not.toHaveProperty("Value");
  expect(plain).not.toHaveProperty("KeyId");
  expect(plain).not.toHaveProperty("Constraints");
  expect(parameterOf(await oos("GetSecretParameter", { Name: NAME, WithDecryption: "true" })).Value).toBe(SECRET);
});

test("GetSecretParameters answers the known names and lists the others as invalid", async () => {
  await create();
  const answer = await oos("GetSecretParameters", { Names: [NAME, "missing"], WithDecryption: "true" });
  expect((answer.Parameters as Record<string, unknown>[]).map((p) => [p.Name, p.Value])).toEqual([[NAME, SECRET]]);
  expect(answer.InvalidParameters).toEqual(["missing"]);
});

test("UpdateSecretParameter: a new value is a new ParameterVersion; the description and tags change in place", async () => {
  await create();
  const updated = parameterOf(
    await oos("UpdateSecretParameter", {
      Name: NAME,
      Value: "rotated",
      Description: "rotated secret",
      Tags: { stack: "lab", team: "web" },
    }),
  );
  expect(updated).toMatchObject({ ParameterVersion: 2, Description: "rotated secret", Tags: { stack: "lab", team: "web" } });
  expect(secretParameterValue(lab().store, NAME)).toBe("rotated");
  const same = parameterOf(await oos("UpdateSecretParameter", { Name: NAME, Value: "rotated", Description: "again" }));
  expect(same).toMatchObject({ ParameterVersion: 2, Description: "again" });
});

test("the same ClientToken creates the parameter once", async () => {
  const first = parameterOf(await create({ ClientToken: "token-1" }));
  const again = parameterOf(await create({ ClientToken: "token-1" }));
  expect(again.Id).toBe(first.Id);
  expect(lab().store.list(OOS_SECRET_PARAMETER)).toHaveLength(1);
});

test("DeleteSecretParameter deletes; an unknown parameter is EntityNotExists.Parameter (404)", async () => {
  await create();
  await oos("DeleteSecretParameter", { Name: NAME });
  expect(lab().store.list(OOS_SECRET_PARAMETER)).toEqual([]);
  expect(await sdkError(oos("GetSecretParameter", { Name: NAME }))).toMatchObject({ code: "EntityNotExists.Parameter", statusCode: 404 });
  expect(await sdkError(oos("DeleteSecretParameter", { Name: NAME }))).toMatchObject({
    code: "EntityNotExists.Parameter",
    statusCode: 404,
  });
});

test("ListTagResources answers TagResources.TagResource[]; an unknown id is InvalidResourceId.NotFound", async () => {
  await create();
  const answer = await oos("ListTagResources", { ResourceType: "secretparameter", ResourceIds: [NAME] });
  const rows = (answer.TagResources as { TagResource: Record<string, unknown>[] }).TagResource;
  expect(rows.map((r) => [r.ResourceId, r.TagKey, r.TagValue])).toEqual([[NAME, "stack", "lab"]]);
  const unknown = oos("ListTagResources", { ResourceType: "secretparameter", ResourceIds: ["nope"] });
  expect(await sdkError(unknown)).toMatchObject({ code: "InvalidResourceId.NotFound", statusCode: 404 });
});

test("only the Secret type is a secret parameter", async () => {
  expect((await sdkError(create({ Type: "String" }))).code).toBe("InvalidParameter.Type");
});

test("the request log never holds the value: not for a create, an update, or a call that failed before its handler ran", async () => {
  lab().store.inject({
    product: "oos",
    action: "CreateSecretParameter",
    code: "Throttling.User",
    message: "Request was denied due to user flow control.",
  });
  expect((await sdkError(create())).code).toBe("Throttling.User");
  await create();
  await oos("UpdateSecretParameter", { Name: NAME, Value: "rotated-secret" });
  const log = JSON.stringify(lab().store.requests);
  expect(log).not.toContain(SECRET);
  expect(log).not.toContain("rotated-secret");
  const writes = lab().store.requests.filter((r) => r.action !== "GetSecretParameter");
  expect(writes.map((r) => [r.action, r.params.Value])).toEqual([
    ["CreateSecretParameter", REDACTED],
    ["CreateSecretParameter", REDACTED],
    ["UpdateSecretParameter", REDACTED],
  ]);
});
