// A Log Service project with its Logstore, index, machine group, Logtail config and attachment
// through the real CLI and provider against the emulator: created, read back with no difference,
// changed in place, destroyed to nothing. The provider reaches Log Service both ways, the SLS OpenAPI
// and aliyun-log-go-sdk over HTTPS, so both are exercised here.
import { expectSuccess, withLabStack } from "../../support/labEngine";
import { expectNoPerpetualDiff, fixture, only } from "./lifecycle";

const project = "whb-lab-logs-0a1b2c3d";

test("logs: up, no perpetual diff, an update in place, destroy to nothing", async () => {
  await withLabStack({ stack: "lab", projectDir: fixture("logs") }, async (stack, lab) => {
    expectSuccess(await stack.pulumi(["up", "--yes", "--skip-preview"]), "up");
    const state = lab.store.snapshot();
    expect(Object.keys(state).sort()).toEqual([
      "alidns.domain",
      "log.config",
      "log.index",
      "log.logstore",
      "log.machineGroup",
      "log.project",
    ]);
    const tags = [
      { key: "project", value: "lab" },
      { key: "stack", value: "lab" },
    ];
    expect(only(state, "log.project")).toMatchObject({ projectName: project, status: "Normal", _tags: expect.arrayContaining(tags) });
    expect(only(state, "log.project")._tags).toHaveLength(2);
    const store = only(state, "log.logstore");
    expect(store).toMatchObject({ logstoreName: "nginx-access", ttl: 30, shardCount: 1, appendMeta: true, autoSplit: false });
    // The program's delimiters, one token per character, as the provider splits them and the service keeps them.
    expect(only(state, "log.index").line).toMatchObject({ token: [...", '\";=()[]{}?@&<>/:\n\t\r"], caseSensitive: false, chn: true });
    expect(only(state, "log.machineGroup")).toMatchObject({
      groupName: "whb-lab",
      machineIdentifyType: "userdefined",
      machineList: ["whb-lab"],
      _configs: ["nginx-access-json"],
    });
    expect(only(state, "log.config")).toMatchObject({
      configName: "nginx-access-json",
      inputType: "file",
      outputDetail: expect.objectContaining({ logstoreName: "nginx-access" }),
      inputDetail: expect.objectContaining({ logType: "json_log", logPath: "/var/log/nginx", filePattern: "access.json" }),
    });
    const actions = new Set(lab.store.requests.filter((r) => r.product === "log").map((r) => r.action));
    // The OpenAPI calls (projects, Logstores) and the legacy SDK's (index, machine group, config, attachment).
    for (const action of [
      "CreateProject",
      "TagResources",
      "CreateLogStore",
      "GetIndex",
      "CreateIndex",
      "CreateMachineGroup",
      "CreateConfig",
      "ApplyConfigToMachineGroup",
    ]) {
      expect(actions).toContain(action);
    }

    await expectNoPerpetualDiff(stack);

    await stack.pulumiOk(["config", "set", "retentionDays", "7"]);
    await stack.pulumiOk(["config", "set", "description", "changed"]);
    expectSuccess(await stack.pulumi(["up", "--yes", "--skip-preview"]), "the update");
    const after = lab.store.snapshot();
    expect(only(after, "log.logstore")).toMatchObject({ ttl: 7, createTime: store.createTime });
    expect(only(after, "log.project").description).toBe("changed");
    expectSuccess(await stack.pulumi(["preview", "--expect-no-changes"]), "a preview after the update (no changes expected)");

    expectSuccess(await stack.pulumi(["destroy", "--yes", "--skip-preview"]), "destroy");
    expect(Object.keys(lab.store.snapshot())).toEqual(["alidns.domain"]);
  });
});
