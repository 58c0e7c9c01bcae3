// Switching `edge` on a deployed stack, as the plan diff shows it: the committed stacks planned
// before and after, compared. What is created, updated and deleted and in which order, when DNS
// moves and what the downtime is, and the refusal (with the steps) where the old edge is protected.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { diffSnapshots, type PlanDiff } from "../../../tools/plan/diff";
import { toSnapshot } from "../../../tools/plan/snapshot";
import { PROJECT_DIR, planOf } from "../../support/program";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "edge-switch-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INSTANCE_EDGE = {
  "wechat-https-backend:edge": "instance",
  "wechat-https-backend:instanceCount": "1",
  "wechat-https-backend:zoneCount": "1",
};

async function diff(stack: string, before: Record<string, string>, after: Record<string, string>): Promise<PlanDiff> {
  const committed = parse(readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };
  const hmacKey = randomBytes(32);
  const snap = async (changes: Record<string, string>, name: string) => {
    // The stack's name comes from the file's name: both sides keep it, in their own directory.
    mkdirSync(path.join(dir, name), { recursive: true });
    const file = path.join(dir, name, `Pulumi.${stack}.yaml`);
    writeFileSync(file, stringify({ config: { ...committed.config, ...changes } }));
    return toSnapshot(await planOf({ configFile: file }, "test"), { project: "wechat-https-backend", hmacKey });
  };
  return diffSnapshots(await snap(before, "before"), await snap(after, "after"));
}

/** Where an operation comes in the update's order; fails when the plan does not have it. */
function step(result: PlanDiff, operation: string): number {
  const at = result.operations.indexOf(operation);
  if (at < 0) throw new Error(`no "${operation}" in:\n${result.operations.join("\n")}`);
  return at;
}

describe("dev: loadBalancer to instance", () => {
  let result: PlanDiff;
  beforeAll(async () => {
    result = await diff("dev", {}, INSTANCE_EDGE);
  });

  test("the new edge is created, the record moves in place, the load balancer is deleted", () => {
    const op = (name: string) => result.changes.find((c) => c.name === name)?.op;
    expect(op("wechat-edge-eip")).toBe("create");
    expect(op("wechat-edge-eip-association")).toBe("create");
    expect(op("wechat-app-0")).toBe("replace");
    expect(op("wechat-dns-a")).toBe("update");
    expect(op("wechat-dns-moved")).toBe("update");
    expect(op("wechat-lb-clb")).toBe("delete");
    expect(op("wechat-net-http-from-lb")).toBe("delete");
    expect(op("wechat-net-https-from-internet")).toBe("create");
  });

  test("the record moves once the EIP is bound to the ready instance, and waits one TTL before anything old is deleted", () => {
    const move = step(result, "update wechat-dns-a (alicloud:dns/alidnsRecord:AlidnsRecord) in place");
    const wait = step(result, "update wechat-dns-moved (command:local:Command) in place");
    const clb = step(result, "delete wechat-lb-clb (alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer)");
    const oldInstance = step(result, "delete the old wechat-app-0 (alicloud:ecs/instance:Instance)");
    expect(step(result, "create wechat-edge-eip-association (alicloud:ecs/eipAssociation:EipAssociation)")).toBeLessThan(move);
    expect(wait).toBeGreaterThan(move);
    expect(clb).toBeGreaterThan(wait);
    expect(oldInstance).toBeGreaterThan(wait);
  });

  test("the notes say what is replaced and the downtime, with the TTL", () => {
    expect(result.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^edge changes from loadBalancer to instance: pulumi up creates one instance with an EIP .* one TTL \(600 s\)/,
        ),
        expect.stringMatching(/^downtime of the switch: none for resolvers and clients that honour the TTL \(600 s\)/),
      ]),
    );
    expect(result.notes.join("\n")).not.toMatch(/refused/);
  });
});

test("dev: instance to loadBalancer says the EIP's address is released and the filing must follow", async () => {
  const result = await diff("dev", INSTANCE_EDGE, {});
  expect(result.changes.find((c) => c.name === "wechat-edge-eip")?.op).toBe("delete");
  const move = step(result, "update wechat-dns-a (alicloud:dns/alidnsRecord:AlidnsRecord) in place");
  expect(move).toBeGreaterThan(step(result, "create wechat-lb-https (alicloud:slb/listener:Listener)"));
  expect(move).toBeGreaterThan(step(result, "create wechat-lb-health-settle (command:local:Command)"));
  expect(step(result, "delete wechat-edge-eip (alicloud:ecs/eipAddress:EipAddress)")).toBeGreaterThan(move);
  expect(result.notes).toContainEqual(
    expect.stringMatching(/^the EIP is released at the end: its address is gone for good\. An ICP filing/),
  );
});

test("prod: the protected load balancer makes pulumi up stop after DNS moved; the steps to switch are given", async () => {
  const result = await diff("prod", {}, INSTANCE_EDGE);
  expect(result.changes.find((c) => c.name === "wechat-lb-clb")).toMatchObject({
    op: "delete",
    notes: ["protected: pulumi up refuses to delete it until protect is turned off"],
  });
  expect(result.notes).toContainEqual(
    expect.stringMatching(
      /^refused as it stands: the load balancer is protected .*\(1\) pulumi config set protect false, pulumi up .*\(2\) pulumi config set edge instance, pulumi up; \(3\) pulumi config rm protect/,
    ),
  );
});

test("no edge change, no edge note", async () => {
  const result = await diff("dev", {}, { "wechat-https-backend:hstsMaxAge": "63072000" });
  expect(result.notes.join("\n")).not.toMatch(/edge changes/);
});
