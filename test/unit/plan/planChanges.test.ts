// What `pulumi up` would do to a deployed stack, told by the offline plan diff of two runs of the
// program: a lookup that answers differently moves nothing; a deliberate change of the pinned keys
// does, visibly; a new app image rolls out attach-new-then-detach-old; a new ACME contact or CA
// makes a new account and a new certificate.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { diffSnapshots, REPLACEMENT_TRIGGER, type PlanDiff } from "../../../tools/plan/diff";
import { formatDiffText } from "../../../tools/plan/diffFormat";
import { defaultCatalog, type CloudCatalog } from "../../../tools/plan/cloudCatalog";
import { planStack } from "../../../tools/plan/planStack";
import { toSnapshot, type PlanSnapshot } from "../../../tools/plan/snapshot";
import { PROJECT_DIR, loadIndex, planOf, T } from "../../support/program";

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The committed stack file of `stack` with some keys changed, under the same stack name (it is part of every URN). */
function stackFile(stack: string, changes: Record<string, unknown> = {}): string {
  const committed = parse(readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };
  const config = { ...committed.config };
  for (const [key, value] of Object.entries(changes)) config[key.includes(":") ? key : `wechat-https-backend:${key}`] = value;
  const dir = mkdtempSync(path.join(tmpdir(), "plan-changes-"));
  dirs.push(dir);
  const file = path.join(dir, `Pulumi.${stack}.yaml`);
  writeFileSync(file, stringify({ config }));
  return file;
}

/** One plan per stack, changes and catalog in this file: most tests diff against the unchanged stack, and plans only get read. */
const plans = new Map<string, ReturnType<typeof planOf>>();

function planOfSide(stack: string, side: { changes?: Record<string, unknown>; catalog?: CloudCatalog }): ReturnType<typeof planOf> {
  const key = JSON.stringify([stack, side.changes ?? {}, side.catalog ?? null]);
  const planned = plans.get(key) ?? planOf({ configFile: stackFile(stack, side.changes) }, "test", side.catalog);
  plans.set(key, planned);
  return planned;
}

type Side = { changes?: Record<string, unknown>; catalog?: CloudCatalog };

/** The snapshots of both sides, with one key for their secrets. */
async function snapshotsOf(stack: string, before: Side, after: Side): Promise<[PlanSnapshot, PlanSnapshot]> {
  const hmacKey = randomBytes(32);
  const snap = async (side: Side) => toSnapshot(await planOfSide(stack, side), { project: "wechat-https-backend", hmacKey });
  return [await snap(before), await snap(after)];
}

async function diffOf(stack: string, before: Side, after: Side): Promise<PlanDiff> {
  return diffSnapshots(...(await snapshotsOf(stack, before, after)));
}

const ops = (diff: PlanDiff) => Object.fromEntries(diff.changes.map((c) => [c.name, c.op]));

/**
 * The same region some weeks later: zone h takes no new vSwitches and k does, a new generation
 * (c9i) is sold everywhere, and there is a newer image. Prices readable, so the lookup's answer is
 * all that differs.
 */
function laterCatalog(): CloudCatalog {
  const now = defaultCatalog("cn-hangzhou");
  return {
    ...now,
    bssRead: true,
    zones: now.zones.map((z) => ({ ...z, vswitchCreation: !z.id.endsWith("-h") })),
    instanceTypes: [
      ...now.instanceTypes,
      {
        ...now.instanceTypes.find((t) => t.id === "ecs.c7.large")!,
        id: "ecs.c9i.large",
        family: "ecs.c9i",
      },
    ],
    images: [
      ...now.images,
      { id: "ubuntu_22_04_x64_20G_alibase_20250601.vhd", architecture: "x86_64", osType: "linux", creationTime: "2025-06-01T00:00:00Z" },
    ],
  };
}

describe("lookup drift on a deployed stack", () => {
  test("a different answer for zones, type and image replaces or updates nothing", async () => {
    const diff = await diffOf("prod", { catalog: { ...defaultCatalog("cn-hangzhou"), bssRead: true } }, { catalog: laterCatalog() });
    const touched = diff.changes.filter((c) => [T.vswitch, T.instance, T.invocation, T.serverAttachment, T.vpc].includes(c.type as never));
    expect(touched).toEqual([]);
    expect(diff.summary).toMatchObject({ replace: 0, update: 0, delete: 0, create: 0 });
  });

  test("pinning the zones in use changes nothing", async () => {
    const diff = await diffOf("prod", {}, { changes: { zoneIds: ["cn-hangzhou-h", "cn-hangzhou-i"] } });
    expect(diff.changes).toEqual([]);
  });

  test("a configured instanceType replaces the instances one attachment at a time instead of resizing them in place", async () => {
    const diff = await diffOf("prod", {}, { changes: { instanceType: "ecs.u1-c1m2.large" } });
    const instance = diff.changes.find((c) => c.name === "wechat-app-0");
    expect(instance).toMatchObject({ op: "replace" });
    expect(instance?.inputs.find((i) => i.key === "instanceType")).toMatchObject({ replaces: "the program's replaceOnChanges" });
    expect(ops(diff)).toMatchObject({ "wechat-lb-backend-0": "replace", "wechat-lb-backend-1": "replace" });
  });
});

describe("rolling out a new app image", () => {
  test("each new instance is ready and attached, and CLB had time to find it healthy, before any old one is detached", async () => {
    const diff = await diffOf("prod", {}, { changes: { appImage: "registry-vpc.cn-hangzhou.aliyuncs.com/team/api:1.4.2" } });
    const steps = diff.operations;
    const at = (text: string) => {
      const index = steps.findIndex((s) => s.startsWith(text));
      if (index < 0) throw new Error(`no step "${text}" in:\n${steps.join("\n")}`);
      return index;
    };
    for (const i of [0, 1]) {
      expect(at(`create the replacement of wechat-app-${i} `)).toBeLessThan(at(`create the replacement of wechat-app-${i}-ready `));
      expect(at(`create the replacement of wechat-app-${i}-ready `)).toBeLessThan(at(`create the replacement of wechat-lb-backend-${i} `));
      expect(at(`create the replacement of wechat-lb-backend-${i} `)).toBeLessThan(
        at("create the replacement of wechat-lb-health-settle "),
      );
      expect(at("create the replacement of wechat-lb-health-settle ")).toBeLessThan(at(`delete the old wechat-lb-backend-${i} `));
      expect(at(`delete the old wechat-lb-backend-${i} `)).toBeLessThan(at(`delete the old wechat-app-${i} `));
    }
    // The verifier runs against the new backends before anything old goes.
    expect(at("create the replacement of wechat-verify-verify ")).toBeLessThan(at("delete the old wechat-lb-backend-0 "));
    // No list of backends is rewritten in place (remove-all-then-add).
    expect(diff.changes.find((c) => c.type === T.backendServer || c.type === T.serverGroup)).toBeUndefined();
    expect(ops(diff)["wechat-lb-https"]).toBeUndefined();
    const text = formatDiffText({ ...diff, base: { ref: "main", commit: "0".repeat(40) } });
    expect(text).toMatch(/Order of operations \(pulumi up\):\n {2}1\. create the replacement of wechat-app-0/);
  });
});

describe("ACME account changes", () => {
  test("switching acmeServer re-registers with a new key and re-issues, then the listener takes the new certificate", async () => {
    const diff = await diffOf("dev", {}, { changes: { acmeServer: "https://acme.example.net/directory" } });
    const key = diff.changes.find((c) => c.name === "wechat-cert-acme-account-key");
    expect(key).toMatchObject({ op: "replace" });
    expect(key?.inputs).toEqual([expect.objectContaining({ key: REPLACEMENT_TRIGGER, replaces: "the program's replacementTrigger" })]);
    expect(ops(diff)).toMatchObject({
      "wechat-cert-acme-account": "replace",
      "wechat-cert-acme-cert": "replace",
      "wechat-cert-server-cert": "replace",
      "wechat-lb-https": "update",
    });
    // The old account is forgotten, not deactivated (retainOnDelete): nothing old is asked of a CA.
    expect(diff.operations).toContain("forget the old wechat-cert-acme-account (acme:index/registration:Registration): retained on delete");
  });

  test("a new acmeEmail makes a new account instead of deactivating the one in use", async () => {
    const diff = await diffOf("dev", {}, { changes: { acmeEmail: "certs@example.com" } });
    expect(ops(diff)).toMatchObject({
      "wechat-cert-acme-account-key": "replace",
      "wechat-cert-acme-account": "replace",
      "wechat-cert-acme-cert": "replace",
    });
    const account = diff.changes.find((c) => c.name === "wechat-cert-acme-account");
    expect(account?.changedInputs.sort()).toEqual(["accountKeyPem", "emailAddress"]);
  });

  test("a new domain shows the certificate request replaced and a new certificate, not an update that hides it", async () => {
    const diff = await diffOf("dev", {}, { changes: { domain: "api.example.com" } });
    expect(ops(diff)).toMatchObject({
      "wechat-cert-csr": "replace",
      "wechat-cert-acme-cert": "replace",
      "wechat-cert-server-cert": "replace",
    });
  });

  test("a new domain keeps prod's log project and state bucket: replacing them would delete the access logs", async () => {
    const diff = await diffOf("prod", {}, { changes: { domain: "api.example.org" } });
    const monitoring = diff.changes.filter((c) => c.type === T.logProject || c.type === T.ossBucket);
    expect(monitoring.map((c) => [c.type, c.op])).toEqual([]);
    // The domain did change what the monitoring probes.
    expect(ops(diff)["wechat-monitor-site"]).toBe("update");
  });
});

describe("the alarm relay", () => {
  // Robots the offline plan cannot read (pulumi config set --secret --path 'alertWebhooks[0]' ...).
  const robots = { alertWebhooks: [{ secure: "v1:robotCiphertextAAAA" }] };
  const alarmsOf = (diff: PlanDiff) => diff.changes.filter((c) => c.type === T.alarm);
  const ALARMS = ["wechat-monitor-5xx", "wechat-monitor-availability", "wechat-monitor-cpu", "wechat-monitor-unhealthy-backends"];

  test("turning it off replaces each alarm: the provider would keep the function as a target of an alarm updated in place", async () => {
    const diff = await diffOf("prod", { changes: robots }, { changes: { ...robots, alarmRelay: "off" } });
    const alarms = alarmsOf(diff);
    expect(alarms.map((c) => c.name).sort()).toEqual(ALARMS);
    for (const alarm of alarms) {
      expect(alarm.op).toBe("replace");
      expect(alarm.inputs).toContainEqual(
        expect.objectContaining({ key: REPLACEMENT_TRIGGER, replaces: "the program's replacementTrigger" }),
      );
      // Left out, `targets` is no change to the provider (Optional+Computed): the plan says so instead.
      expect(alarm.changedInputs).not.toContain("targets");
      expect(alarm.notes.join("\n")).toMatch(/targets is no longer set/);
      // The old rule goes, and its targets with it, once the new one exists.
      expect(diff.operations).toContain(`delete the old ${alarm.name} (${T.alarm})`);
    }
  });

  test("turning it on replaces them too, and a stack that keeps it as it is sees no change", async () => {
    const on = await diffOf("prod", { changes: { ...robots, alarmRelay: "off" } }, { changes: robots });
    expect(Object.fromEntries(alarmsOf(on).map((c) => [c.name, c.op]))).toEqual(
      Object.fromEntries(ALARMS.map((name) => [name, "replace"])),
    );
    const same = await diffOf("prod", { changes: robots }, { changes: robots });
    expect(alarmsOf(same)).toEqual([]);
  });
});

describe("Cloud Assistant invocations it has forgotten (after about four weeks)", () => {
  const app = { appImage: "team-registry-vpc.cn-hangzhou.cr.aliyuncs.com/team/api:1.4.2", acrInstanceId: "cri-abc123def456" };

  test("a rollout replaces them without deleting any: the provider's Delete would fail on one Cloud Assistant no longer has", async () => {
    const before = { changes: { ...app, appSecrets: { WX_APP_SECRET: { secure: "v1:appSecretCiphertextAAAA" } } } };
    const [base, head] = await snapshotsOf("prod", before, { changes: { ...before.changes, appImage: `${app.appImage.slice(0, -1)}3` } });
    const diff = diffSnapshots(base, head);
    const invocations = diff.changes.filter((c) => c.type === T.invocation);
    expect(invocations.map((c) => [c.name, c.op]).sort()).toEqual([
      ["wechat-app-0-ready", "replace"],
      ["wechat-app-0-restart", "replace"],
      ["wechat-app-1-ready", "replace"],
      ["wechat-app-1-restart", "replace"],
    ]);
    for (const invocation of invocations) {
      expect(diff.operations).toContain(`forget the old ${invocation.name} (${T.invocation}): retained on delete`);
      expect(invocation.notes.join("\n")).not.toMatch(/retainOnDelete is new/);
    }

    // Deployed by a version without the option, the same rollout still deletes the old ones: the
    // option recorded in the state decides, and the plan says so.
    const unrecorded = { ...base, resources: base.resources.map((r) => ({ ...r, options: { ...r.options, retainOnDelete: undefined } })) };
    const upgrade = diffSnapshots(unrecorded, head);
    for (const invocation of upgrade.changes.filter((c) => c.type === T.invocation)) {
      expect(upgrade.operations).toContain(`delete the old ${invocation.name} (${T.invocation})`);
      expect(invocation.notes.join("\n")).toMatch(/retainOnDelete is new: this update still deletes the old one/);
    }
  });

  test("a refresh drops them; the next pulumi up creates them again and changes nothing that depends on them", async () => {
    // The deployed stack, and the preview after a refresh dropped every invocation from the state:
    // the invocations are created again, so their ids are unknown until they ran.
    const file = stackFile("prod", { ...app, appSecrets: { WX_APP_SECRET: { secure: "v1:appSecretCiphertextAAAA" } } });
    const hmacKey = randomBytes(32);
    const snapshot = async (previewCreates: string[]) =>
      toSnapshot(
        await planStack({
          projectDir: PROJECT_DIR,
          configFile: file,
          mode: "test",
          deployedStack: { previewCreates },
          loadProgram: loadIndex,
        }),
        {
          project: "wechat-https-backend",
          hmacKey,
        },
      );
    const deployed = await snapshot([]);
    const refreshed = { ...deployed, resources: deployed.resources.filter((r) => r.type !== T.invocation) };
    const diff = diffSnapshots(refreshed, await snapshot([T.invocation]));
    const invocations = deployed.resources.filter((r) => r.type === T.invocation).map((r) => r.name);
    expect(invocations.sort()).toEqual(["wechat-app-0-ready", "wechat-app-0-restart", "wechat-app-1-ready", "wechat-app-1-restart"]);
    // No attachment, verification, alarm or instance follows them.
    expect(diff.changes.map((c) => [c.name, c.op]).sort()).toEqual(invocations.map((name) => [name, "create"]));

    // README's refresh that leaves them alone names exactly them: the CLI's glob, `**` any text and
    // `*` any text without a colon (pulumi/pulumi pkg/resource/deploy/deployment.go, UrnTargets.getMatcher).
    const glob = /pulumi refresh --exclude '([^']+)'/.exec(readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8"))?.[1] ?? "";
    const quote = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const matcher = new RegExp(
      `^${glob
        .split("**")
        .map((part) => part.split("*").map(quote).join("[^:]*"))
        .join(".*")}$`,
    );
    expect(deployed.resources.filter((r) => matcher.test(r.urn)).map((r) => r.name)).toEqual(
      deployed.resources.filter((r) => r.type === T.invocation).map((r) => r.name),
    );
  });
});

describe("changing zones", () => {
  const H = "cn-hangzhou-h";
  const I = "cn-hangzhou-i";
  const J = "cn-hangzhou-j";

  /** Each CIDR of a vSwitch the update creates, against every range of the vSwitches deployed (alive until its end). */
  function newRangesOverlapping(base: PlanSnapshot, head: PlanSnapshot, diff: PlanDiff): string[] {
    const deployed = base.resources.filter((r) => r.type === T.vswitch).map((r) => String(r.inputs.cidrBlock));
    return diff.changes
      .filter((c) => c.type === T.vswitch && (c.op === "create" || c.op === "replace"))
      .map((c) => String(head.resources.find((r) => r.urn === c.urn)?.inputs.cidrBlock))
      .filter((cidr) => deployed.includes(cidr));
  }

  /** The step of `pulumi up` that starts with `text`. */
  const step = (diff: PlanDiff, text: string) => {
    const index = diff.operations.findIndex((s) => s.startsWith(text));
    if (index < 0) throw new Error(`no step "${text}" in:\n${diff.operations.join("\n")}`);
    return index;
  };

  test("moving a zone: its vSwitch is new with a range of its own, the instances move new-first, the old vSwitch goes last", async () => {
    const [base, head] = await snapshotsOf("prod", { changes: { zoneIds: [H, I] } }, { changes: { zoneIds: [I, J] } });
    const diff = diffSnapshots(base, head);
    const switches = Object.fromEntries(diff.changes.filter((c) => c.type === T.vswitch).map((c) => [c.name, c.op]));
    expect(switches).toMatchObject({ [`wechat-net-vswitch-${J}`]: "create", [`wechat-net-vswitch-${H}`]: "delete" });
    // The zone kept keeps its vSwitch (at most renamed in place: it is listed first now).
    expect([undefined, "update"]).toContain(switches[`wechat-net-vswitch-${I}`]);
    expect(newRangesOverlapping(base, head, diff)).toEqual([]);
    for (const i of [0, 1]) {
      const instance = diff.changes.find((c) => c.name === `wechat-app-${i}`);
      expect(instance?.op).toBe("replace");
      expect(instance?.inputs.find((input) => input.key === "vswitchId")?.replaces).toBe("the program's replaceOnChanges");
      // Created and attached before the old one and its vSwitch go.
      expect(step(diff, `create the replacement of wechat-lb-backend-${i} `)).toBeLessThan(step(diff, `delete the old wechat-app-${i} `));
      expect(step(diff, `delete the old wechat-app-${i} `)).toBeLessThan(step(diff, `delete wechat-net-vswitch-${H} `));
    }
  });

  test("one more zone (zoneCount): a new vSwitch with a range no other has, and the instances that land in it replaced", async () => {
    const before = { changes: { instanceCount: 4 } };
    const [base, head] = await snapshotsOf("prod", before, { changes: { instanceCount: 4, zoneCount: 3 } });
    const diff = diffSnapshots(base, head);
    expect(diff.changes.filter((c) => c.type === T.vswitch).map((c) => [c.name, c.op])).toEqual([["wechat-net-vswitch-2", "create"]]);
    expect(newRangesOverlapping(base, head, diff)).toEqual([]);
    // Instance i goes to vSwitch i mod zoneCount: 2 and 3 move, 0 and 1 stay.
    expect(
      diff.changes
        .filter((c) => c.type === T.instance)
        .map((c) => [c.name, c.op])
        .sort(),
    ).toEqual([
      ["wechat-app-2", "replace"],
      ["wechat-app-3", "replace"],
    ]);
  });

  test("one more configured zone: the same, and the zones kept keep their vSwitches", async () => {
    const before = { changes: { instanceCount: 3, zoneIds: [H, I] } };
    const [base, head] = await snapshotsOf("prod", before, { changes: { instanceCount: 3, zoneCount: 3, zoneIds: [H, I, J] } });
    const diff = diffSnapshots(base, head);
    expect(diff.changes.filter((c) => c.type === T.vswitch).map((c) => [c.name, c.op])).toEqual([[`wechat-net-vswitch-${J}`, "create"]]);
    expect(newRangesOverlapping(base, head, diff)).toEqual([]);
    expect(diff.changes.filter((c) => c.type === T.instance).map((c) => [c.name, c.op])).toEqual([["wechat-app-2", "replace"]]);
  });
});
