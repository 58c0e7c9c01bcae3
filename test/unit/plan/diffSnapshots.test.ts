// The plan diff's comparison, on hand-built snapshots (every rule on its own) and on two real plans
// of a stack whose certificate changes (secrets compared by keyed hash, never shown).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { diffSnapshots } from "../../../tools/plan/diff";
import { formatDiffMarkdown, formatDiffText } from "../../../tools/plan/diffFormat";
import { REPLACE_TRIGGERS } from "../../../tools/plan/replaceTriggers";
import { toSnapshot, type Encoded, type PlanSnapshot, type SnapshotResource } from "../../../tools/plan/snapshot";
import { chainPem, createPki } from "../../support/pki";
import { planOf } from "../../support/program";

const urn = (type: string, name: string) => `urn:pulumi:dev::wechat-https-backend::${type}::${name}`;

function res(type: string, name: string, inputs: Record<string, Encoded>, options: SnapshotResource["options"] = {}): SnapshotResource {
  return { urn: urn(type, name), type, name, custom: true, inputs, options };
}

function snapshot(resources: SnapshotResource[], extra: Partial<PlanSnapshot> = {}): PlanSnapshot {
  return { stack: "dev", project: "wechat-https-backend", resources, outputs: {}, config: {}, warnings: [], ...extra };
}

const LISTENER = "alicloud:slb/listener:Listener";
const CLB = "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer";
const INSTANCE = "alicloud:ecs/instance:Instance";
const ref = (type: string, name: string, key = "id") => ({ $ref: [{ urn: urn(type, name), name, key }] });

describe("diffSnapshots", () => {
  test("a provider replace trigger replaces; deleteBeforeReplace is reported; the dependent follows", () => {
    const lb = (addressType: string) => res(CLB, "clb", { addressType, deleteProtection: "off" });
    const listener = res(LISTENER, "https", { loadBalancerId: ref(CLB, "clb"), protocol: "https" }, { deleteBeforeReplace: true });
    const diff = diffSnapshots(snapshot([lb("internet"), listener]), snapshot([lb("intranet"), listener]));
    expect(diff.changes.map((c) => [c.name, c.op, c.changedInputs, c.deleteBeforeReplace ?? false])).toEqual([
      ["clb", "replace", ["addressType"], false],
      ["https", "replace", ["loadBalancerId"], true],
    ]);
    expect(diff.changes[1].inputs[0]).toMatchObject({ before: "(id of clb)", after: "(known after apply: clb is replaced)" });
    expect(diff.summary).toEqual({ create: 0, update: 0, replace: 2, delete: 0, unchanged: 0 });
  });

  test("an in-place change updates; an ignored change is no change", () => {
    const instance = (props: Record<string, Encoded>) =>
      res(INSTANCE, "app-0", { instanceType: "ecs.g7.large", ...props }, { ignoreChanges: ["imageId"] });
    const diff = diffSnapshots(
      snapshot([instance({ imageId: "a", description: "x" })]),
      snapshot([instance({ imageId: "b", description: "y" })]),
    );
    expect(diff.changes).toEqual([expect.objectContaining({ op: "update", changedInputs: ["description"] })]);
  });

  test("replaceOnChanges of the program replaces what the provider would update", () => {
    const instance = (userData: string) => res(INSTANCE, "app-0", { userData }, { replaceOnChanges: ["userData"] });
    const diff = diffSnapshots(snapshot([instance("a")]), snapshot([instance("b")]));
    expect(diff.changes[0]).toMatchObject({ op: "replace", inputs: [{ key: "userData", replaces: "the program's replaceOnChanges" }] });
  });

  test("secret inputs: compared by hash, reported as changed without values", () => {
    const cert = (hash: string) =>
      res("alicloud:slb/serverCertificate:ServerCertificate", "cert", { serverCertificate: { $secret: { known: true, hash, refs: [] } } });
    const same = diffSnapshots(snapshot([cert("h1")]), snapshot([cert("h1")]));
    expect(same.changes).toEqual([]);
    const changed = diffSnapshots(snapshot([cert("h1")]), snapshot([cert("h2")]));
    expect(changed.changes[0]).toMatchObject({ op: "replace", inputs: [{ key: "serverCertificate", secret: true }] });
    expect(changed.changes[0].inputs[0]).not.toHaveProperty("before");
    expect(changed.changes[0].inputs[0]).not.toHaveProperty("after");
  });

  test("a secret the offline plan cannot decrypt counts as changed when its encrypted config changed", () => {
    const cert = res("alicloud:slb/serverCertificate:ServerCertificate", "cert", {
      serverCertificate: { $secret: { known: false, hash: "x", refs: [] } },
    });
    const config = (hash: string) => ({ "wechat-https-backend:certificatePem": { secret: true as const, hash, encrypted: true } });
    expect(diffSnapshots(snapshot([cert], { config: config("a") }), snapshot([cert], { config: config("a") })).changes).toEqual([]);
    const diff = diffSnapshots(snapshot([cert], { config: config("a") }), snapshot([cert], { config: config("b") }));
    expect(diff.changes[0]).toMatchObject({ op: "replace", changedInputs: ["serverCertificate"] });
    expect(diff.config).toEqual([{ name: "wechat-https-backend:certificatePem", status: "changed", secret: true }]);
    expect(diff.notes[0]).toMatch(/^an encrypted \(secure:\) config value changed/);
  });

  test("created, deleted, protected, moved, and types the table does not know", () => {
    const record = (parent: string) => ({
      ...res("alicloud:dns/alidnsRecord:AlidnsRecord", "a", { rr: "@" }, { protect: true }),
      urn: `urn:pulumi:dev::p::${parent}$alicloud:dns/alidnsRecord:AlidnsRecord::a`,
    });
    const unknownType = (v: string) => res("example:index/thing:Thing", "thing", { v });
    const diff = diffSnapshots(
      snapshot([record("old:Parent"), unknownType("1")]),
      snapshot([record("new:Parent"), unknownType("2"), res(CLB, "new-clb", {})]),
    );
    const byOp = Object.fromEntries(diff.changes.map((c) => [`${c.op} ${c.name}`, c.notes]));
    expect(Object.keys(byOp).sort()).toEqual(["create a", "create new-clb", "delete a", "update thing"]);
    expect(byOp["delete a"]).toEqual([
      "protected: pulumi up refuses to delete it until protect is turned off",
      "its URN changes (it moved to another parent): Pulumi creates the new one and deletes the old; add an alias to keep it",
    ]);
    expect(byOp["update thing"]).toEqual([
      "no replace-trigger entry for example:index/thing:Thing in tools/plan/replaceTriggers.ts: check with pulumi preview",
    ]);
  });

  test("option and output changes are listed apart from resource operations", () => {
    const lb = (protect: boolean) => res(CLB, "clb", { addressType: "internet" }, { protect });
    const diff = diffSnapshots(
      snapshot([lb(false)], { outputs: { apiBaseUrl: "https://a.example.com/api" } }),
      snapshot([lb(true)], { outputs: { apiBaseUrl: "https://b.example.com/api" } }),
    );
    expect(diff.changes).toEqual([]);
    expect(diff.optionChanges).toEqual([expect.objectContaining({ name: "clb", option: "protect", before: "false", after: "true" })]);
    expect(diff.outputs).toEqual([
      { name: "apiBaseUrl", status: "changed", secret: false, before: '"https://a.example.com/api"', after: '"https://b.example.com/api"' },
    ]);
  });
});

test("every replace-trigger entry cites a file of the provider its type comes from", () => {
  for (const [type, entry] of Object.entries(REPLACE_TRIGGERS)) {
    // "alicloud:slb/listener:Listener" comes from terraform-provider-alicloud (or pulumi-<package>).
    const pkg = type.split(":")[0];
    const repository = /^([\w.-]+)\/([\w.-]+)[ #]/.exec(entry.source);
    const expectedRepository = pkg === "pulumi" ? /^pulumi-/ : new RegExp(`^(terraform-provider|pulumi)-${pkg}$`);
    expect([type, repository?.[2]]).toEqual([type, expect.stringMatching(expectedRepository)]);
    // The cited file is the upstream resource's: alicloud_slb_listener -> ...slb_listener.go or slb_listener.html.markdown.
    const resource = /^[a-z]+_(\w+)$/.exec(entry.upstream)?.[1];
    if (resource) expect([type, entry.source]).toEqual([type, expect.stringMatching(new RegExp(`${resource}\\.(go|html\\.markdown)\\b`))]);
    expect([type, entry.inputs !== undefined || entry.everyInputExcept !== undefined]).toEqual([type, true]);
  }
});

test("two real plans of a stack whose certificate changes: the upload is replaced, no PEM text anywhere in the diff", async () => {
  const pki = await createPki();
  // Same stack name on both sides (it is part of every URN), in two directories.
  const dirs: string[] = [];
  const stackFile = async () => {
    const leaf = await pki.leaf({ dnsNames: ["api.example.com"], notAfterDays: 80 });
    dirs.push(mkdtempSync(path.join(tmpdir(), "diff-secret-")));
    const file = path.join(dirs[dirs.length - 1], "Pulumi.dev.yaml");
    const config = {
      environment: "dev",
      domain: "api.example.com",
      certificateSource: "pem",
      trustedRootsPem: pki.root.certPem,
      certificatePem: chainPem(leaf, pki.intermediate),
      privateKeyPem: leaf.keyPem,
    };
    writeFileSync(
      file,
      stringify({
        config: {
          "alicloud:region": "cn-shanghai",
          ...Object.fromEntries(Object.entries(config).map(([k, v]) => [`wechat-https-backend:${k}`, v])),
        },
      }),
    );
    return { file, secrets: [leaf.certPem.split("\n")[2], leaf.keyPem.split("\n")[2]] };
  };
  const [before, after] = [await stackFile(), await stackFile()];
  const hmacKey = randomBytes(32);
  const snap = async (file: string) => toSnapshot(await planOf({ configFile: file }, "test"), { project: "wechat-https-backend", hmacKey });
  const diff = diffSnapshots(await snap(before.file), await snap(after.file));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });

  const upload = diff.changes.find((c) => c.type === "alicloud:slb/serverCertificate:ServerCertificate");
  expect(upload).toMatchObject({ op: "replace" });
  expect(
    upload?.inputs
      .filter((i) => i.secret)
      .map((i) => i.key)
      .sort(),
  ).toEqual(["privateKey", "serverCertificate"]);
  expect(diff.config.filter((c) => c.secret).map((c) => c.name)).toEqual([
    "wechat-https-backend:certificatePem",
    "wechat-https-backend:privateKeyPem",
  ]);
  // The listener takes the new certificate's id: updated in place, not replaced.
  expect(diff.changes.find((c) => c.name === "wechat-lb-https")).toMatchObject({ op: "update", changedInputs: ["serverCertificateId"] });

  const result = { ...diff, base: { ref: "main", commit: "0".repeat(40) } };
  for (const text of [JSON.stringify(result), formatDiffMarkdown(result), formatDiffText(result)]) {
    for (const secretLine of [...before.secrets, ...after.secrets]) expect(text).not.toContain(secretLine);
  }
});
