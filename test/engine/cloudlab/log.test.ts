// Contract of the emulator's Log Service (the SLS REST dialect at <project>.log.cloudlab.invalid)
// with the official @alicloud/sls20201230 client: projects, Logstores, indexes, machine groups,
// Logtail configs and their application, tags, and the not-found codes the provider checks.
import Sls, * as $sls from "@alicloud/sls20201230";
import { sdkConfig, sdkError, useLab } from "../../support/labClients";

const lab = useLab();
const client = (): Sls => new Sls(sdkConfig(lab(), "log"));
const project = "whb-dev-logs-0a1b2c3d";

describe("projects", () => {
  test("CreateProject, GetProject in the Project model, UpdateProject; a taken name is ProjectAlreadyExist", async () => {
    await client().createProject(new $sls.CreateProjectRequest({ projectName: project, description: "access logs" }));
    const read = await client().getProject(project);
    expect(read.body).toMatchObject({ projectName: project, description: "access logs", status: "Normal", region: "cn-hangzhou" });
    expect(read.body?.resourceGroupId).toMatch(/^rg-/);
    expect(read.body?.createTime).toMatch(/^\d+$/);

    await client().updateProject(project, new $sls.UpdateProjectRequest({ description: "logs" }));
    expect(lab().store.get("log.project", project)?.description).toBe("logs");

    const taken = await sdkError(client().createProject(new $sls.CreateProjectRequest({ projectName: project, description: "" })));
    expect([taken.code, taken.statusCode]).toEqual(["ProjectAlreadyExist", 400]);
    const badName = await sdkError(client().createProject(new $sls.CreateProjectRequest({ projectName: "Bad_Name", description: "" })));
    expect(badName.code).toBe("ParameterInvalid");
  });

  test("TagResources, ListTagResources (tagKey/tagValue), UntagResources; a project that does not exist is ProjectNotExist (404)", async () => {
    await client().tagResources(
      new $sls.TagResourcesRequest({
        resourceType: "PROJECT",
        resourceId: [project],
        tags: [
          { key: "stack", value: "dev" },
          { key: "team", value: "ops" },
        ],
      }),
    );
    await client().untagResources(new $sls.UntagResourcesRequest({ resourceType: "PROJECT", resourceId: [project], tags: ["team"] }));
    const tags = await client().listTagResources(new $sls.ListTagResourcesRequest({ resourceType: "PROJECT", resourceId: [project] }));
    expect(tags.body?.tagResources?.map((t) => [t.resourceId, t.tagKey, t.tagValue])).toEqual([[project, "stack", "dev"]]);

    const missing = await sdkError(client().getProject("no-such-project"));
    expect([missing.code, missing.statusCode]).toEqual(["ProjectNotExist", 404]);
  });

  test("GetProjectPolicy answers the raw policy: empty until one is set", async () => {
    const policy = await client().getProjectPolicy(project);
    expect(policy.body).toBe("");
  });
});

describe("Logstores and indexes", () => {
  test("CreateLogStore, GetLogStore in the Logstore model (unset options as the provider reads them), ListShards, metering mode", async () => {
    await client().createLogStore(
      project,
      new $sls.CreateLogStoreRequest({ logstoreName: "nginx-access", ttl: 30, shardCount: 2, appendMeta: true }),
    );
    const read = await client().getLogStore(project, "nginx-access");
    expect(read.body).toMatchObject({
      logstoreName: "nginx-access",
      ttl: 30,
      shardCount: 2,
      appendMeta: true,
      autoSplit: false,
      maxSplitShard: 0,
      mode: "standard",
    });
    expect(read.body?.enableTracking).toBe(false);
    expect(read.body?.hotTtl).toBeUndefined();
    expect(read.body?.telemetryType).toBeUndefined();

    const shards = await client().listShards(project, "nginx-access");
    expect(shards.body?.map((s) => [s.shardID, s.status, s.inclusiveBeginKey, s.exclusiveEndKey])).toEqual([
      [0, "readwrite", "0".repeat(32), "8" + "0".repeat(31)],
      [1, "readwrite", "8" + "0".repeat(31), "f".repeat(32)],
    ]);
    const mode = await client().getLogStoreMeteringMode(project, "nginx-access");
    expect(mode.body?.meteringMode).toBe("ChargeByFunction");
  });

  test("UpdateLogStore changes the retention and keeps the rest; a bad ttl, a taken name and a missing Logstore are refused", async () => {
    await client().updateLogStore(project, "nginx-access", new $sls.UpdateLogStoreRequest({ logstoreName: "nginx-access", ttl: 7 }));
    expect(lab().store.get("log.logstore", `${project}/nginx-access`)).toMatchObject({ ttl: 7, shardCount: 2, appendMeta: true });

    const badTtl = await sdkError(
      client().updateLogStore(project, "nginx-access", new $sls.UpdateLogStoreRequest({ logstoreName: "nginx-access", ttl: 0 })),
    );
    expect(badTtl.code).toBe("ParameterInvalid");
    const taken = await sdkError(
      client().createLogStore(project, new $sls.CreateLogStoreRequest({ logstoreName: "nginx-access", ttl: 30, shardCount: 2 })),
    );
    expect([taken.code, taken.statusCode]).toEqual(["LogStoreAlreadyExist", 400]);
    const missing = await sdkError(client().getLogStore(project, "nope"));
    expect([missing.code, missing.statusCode]).toEqual(["LogStoreNotExist", 404]);
  });

  test("GetIndex before CreateIndex is IndexConfigNotExist; the index comes back as sent; UpdateIndex replaces it; DeleteIndex removes it", async () => {
    const none = await sdkError(client().getIndex(project, "nginx-access"));
    expect([none.code, none.statusCode]).toEqual(["IndexConfigNotExist", 404]);

    const tokens = [",", " ", "'", '"', ";", "=", "\n"];
    await client().createIndex(
      project,
      "nginx-access",
      new $sls.CreateIndexRequest({
        body: new $sls.Index({ line: new $sls.IndexLine({ token: tokens, caseSensitive: false, chn: true }) }),
      }),
    );
    const read = await client().getIndex(project, "nginx-access");
    expect(read.body?.line).toMatchObject({ token: tokens, caseSensitive: false, chn: true });
    expect(read.body?.maxTextLen).toBeUndefined();

    const again = await sdkError(
      client().createIndex(
        project,
        "nginx-access",
        new $sls.CreateIndexRequest({ body: new $sls.Index({ line: new $sls.IndexLine({ token: tokens }) }) }),
      ),
    );
    expect(again.code).toBe("IndexAlreadyExist");

    await client().updateIndex(
      project,
      "nginx-access",
      new $sls.UpdateIndexRequest({
        body: new $sls.Index({ line: new $sls.IndexLine({ token: [","], caseSensitive: true, chn: false }), maxTextLen: 2048 }),
      }),
    );
    const updated = await client().getIndex(project, "nginx-access");
    expect(updated.body?.line).toMatchObject({ token: [","], caseSensitive: true, chn: false });
    expect(updated.body?.maxTextLen).toBe(2048);

    await client().deleteIndex(project, "nginx-access");
    expect((await sdkError(client().getIndex(project, "nginx-access"))).code).toBe("IndexConfigNotExist");
  });
});

describe("machine groups, Logtail configs and their application", () => {
  test("CreateMachineGroup with a custom identifier, GetMachineGroup, UpdateMachineGroup; a missing group is MachineGroupNotExist", async () => {
    const group = {
      groupName: "whb-dev",
      machineIdentifyType: "userdefined",
      machineList: ["whb-dev"],
      groupAttribute: { groupTopic: "", externalName: "" },
    };
    await client().createMachineGroup(project, new $sls.CreateMachineGroupRequest(group));
    const read = await client().getMachineGroup(project, "whb-dev");
    expect(read.body).toMatchObject({ groupName: "whb-dev", machineIdentifyType: "userdefined", machineList: ["whb-dev"] });

    await client().updateMachineGroup(
      project,
      "whb-dev",
      new $sls.UpdateMachineGroupRequest({ ...group, groupAttribute: { groupTopic: "web", externalName: "" } }),
    );
    expect((await client().getMachineGroup(project, "whb-dev")).body?.groupAttribute?.groupTopic).toBe("web");

    const badType = await sdkError(
      client().createMachineGroup(
        project,
        new $sls.CreateMachineGroupRequest({ ...group, groupName: "other", machineIdentifyType: "mac" }),
      ),
    );
    expect(badType.code).toBe("ParameterInvalid");
    const missing = await sdkError(client().getMachineGroup(project, "nope"));
    expect([missing.code, missing.statusCode]).toEqual(["MachineGroupNotExist", 404]);
  });

  const config = (logstore: string): $sls.LogtailConfig =>
    new $sls.LogtailConfig({
      configName: "nginx-access-json",
      inputType: "file",
      inputDetail: { logType: "json_log", logPath: "/var/log/nginx", filePattern: "access.json", topicFormat: "none" },
      outputType: "LogService",
      outputDetail: new $sls.LogtailConfigOutputDetail({ logstoreName: logstore }),
    });

  test("CreateConfig, GetConfig (lastModifyTime moves only on a write), ApplyConfigToMachineGroup, GetAppliedMachineGroups, Remove...", async () => {
    const noStore = await sdkError(client().createConfig(project, new $sls.CreateConfigRequest({ body: config("nope") })));
    expect(noStore.code).toBe("LogStoreNotExist");

    await client().createConfig(project, new $sls.CreateConfigRequest({ body: config("nginx-access") }));
    const first = await client().getConfig(project, "nginx-access-json");
    expect(first.body).toMatchObject({ configName: "nginx-access-json", inputType: "file", outputType: "LogService" });
    expect(first.body?.inputDetail).toMatchObject({ logType: "json_log", logPath: "/var/log/nginx", filePattern: "access.json" });
    expect(first.body?.outputDetail?.logstoreName).toBe("nginx-access");
    const second = await client().getConfig(project, "nginx-access-json");
    expect(second.body?.lastModifyTime).toBe(first.body?.lastModifyTime);

    await client().applyConfigToMachineGroup(project, "whb-dev", "nginx-access-json");
    const applied = await client().getAppliedMachineGroups(project, "nginx-access-json");
    expect(applied.body).toMatchObject({ count: 1, machinegroups: ["whb-dev"] });
    expect((await client().getAppliedConfigs(project, "whb-dev")).body?.configs).toEqual(["nginx-access-json"]);

    await client().removeConfigFromMachineGroup(project, "whb-dev", "nginx-access-json");
    expect((await client().getAppliedMachineGroups(project, "nginx-access-json")).body?.machinegroups).toEqual([]);

    const noGroup = await sdkError(client().applyConfigToMachineGroup(project, "nope", "nginx-access-json"));
    expect(noGroup.code).toBe("MachineGroupNotExist");
    const noConfig = await sdkError(client().getConfig(project, "nope"));
    expect([noConfig.code, noConfig.statusCode]).toEqual(["ConfigNotExist", 404]);
  });

  test("DeleteProject removes the project and everything in it", async () => {
    await client().deleteProject(project, new $sls.DeleteProjectRequest({}));
    const left = lab().store.snapshot();
    expect(Object.keys(left).filter((kind) => kind.startsWith("log."))).toEqual([]);
  });
});
