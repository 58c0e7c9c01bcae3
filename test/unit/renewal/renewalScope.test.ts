// The renewal scope check (renew.yml) on previews shaped like `pulumi preview --json` output
// (PreviewDigest, pkg/display/json.go): a due renewal passes; a change merged to main but not yet
// deployed through the approval, which a targeted `up --target-dependents` would carry to prod,
// is refused with what it changes.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { judgeRenewalPreview, parsePreviewDigest, parseUrn } from "../../../tools/renewalScope";

const preview = (file: string) => parsePreviewDigest(readFileSync(path.join(__dirname, "previews", file), "utf8"));
const summary = (steps: { op: string; name: string }[]) => steps.map((s) => `${s.op} ${s.name}`);

test("a due renewal: new chain, new upload, the listener's certificate id, the deploy check again", () => {
  const verdict = judgeRenewalPreview(preview("renewal-due.json"));
  expect(verdict.refused).toEqual([]);
  expect(summary(verdict.allowed)).toEqual([
    "update wechat-cert-acme-cert",
    "replace wechat-cert-server-cert",
    "update wechat-lb-https",
    "replace wechat-verify-verify",
  ]);
});

test("the same renewal with the halves of each replacement shown (--show-replacement-steps)", () => {
  const verdict = judgeRenewalPreview(preview("renewal-due-replacement-steps.json"));
  expect(verdict.refused).toEqual([]);
  expect(verdict.allowed.map((s) => s.op)).toContain("delete-replaced");
});

test("no certificate due: nothing changes, nothing refused", () => {
  expect(judgeRenewalPreview(preview("nothing-due.json"))).toEqual({ allowed: [], refused: [] });
});

test("a TLS policy change waiting on main rides on the listener update: refused, naming the property", () => {
  const verdict = judgeRenewalPreview(preview("listener-change-waiting.json"));
  expect(verdict.refused).toEqual([
    expect.objectContaining({
      op: "update",
      type: "alicloud:slb/listener:Listener",
      name: "wechat-lb-https",
      keys: ["serverCertificateId", "tlsCipherPolicy"],
      reason: expect.stringMatching(/changes tlsCipherPolicy.*only serverCertificateId/),
    }),
  ]);
  expect(summary(verdict.allowed)).not.toContain("update wechat-lb-https");
});

test("a changed certificate input, a replaced redirect listener and a changed deploy command are all refused", () => {
  const verdict = judgeRenewalPreview(preview("other-changes-waiting.json"));
  expect(verdict.refused.map((s) => [s.name, s.keys.filter((k) => !k.startsWith("certificate") && !k.startsWith("renewal"))])).toEqual([
    ["wechat-cert-acme-cert", ["issuerPem", "minDaysRemaining", "privateKeyPem"]],
    ["wechat-lb-http-redirect", ["forwardPort"]],
    ["wechat-verify-verify", ["create", "triggers"]],
  ]);
  expect(verdict.refused[0].reason).toMatch(/minDaysRemaining.*the certificate's own outputs/);
  expect(verdict.refused[1].reason).toBe("a renewal makes no replace of a alicloud:slb/listener:Listener");
});

test("creates and deletes, updates that do not say what changes, and unknown types are refused", () => {
  const urn = (type: string, name: string) =>
    `urn:pulumi:prod::wechat-https-backend::wechat-https-backend:index:HttpsBackend$${type}::${name}`;
  const verdict = judgeRenewalPreview({
    steps: [
      { op: "create", urn: urn("alicloud:ecs/securityGroupRule:SecurityGroupRule", "ssh") },
      { op: "delete", urn: urn("alicloud:dns/alidnsRecord:AlidnsRecord", "wechat-dns-a") },
      { op: "update", urn: urn("alicloud:slb/listener:Listener", "wechat-lb-https") },
      { op: "update", urn: urn("alicloud:ecs/instance:Instance", "wechat-app-0"), diffReasons: ["systemDiskEncrypted"] },
    ],
  });
  expect(verdict.allowed).toEqual([]);
  expect(verdict.refused.map((s) => s.reason)).toEqual([
    "a renewal makes no create of a alicloud:ecs/securityGroupRule:SecurityGroupRule",
    "a renewal makes no delete of a alicloud:dns/alidnsRecord:AlidnsRecord",
    expect.stringContaining("does not say what changes"),
    "a renewal makes no update of a alicloud:ecs/instance:Instance",
  ]);
});

test("URNs: the last type of the parent chain, names with colons kept whole", () => {
  expect(parseUrn("urn:pulumi:dev::p::a:b:C$acme:index/certificate:Certificate::n::x")).toEqual({
    type: "acme:index/certificate:Certificate",
    name: "n::x",
  });
  expect(parseUrn("urn:pulumi:dev::p::tls:index/privateKey:PrivateKey::k").type).toBe("tls:index/privateKey:PrivateKey");
});

test("what is not a preview is an error, not an empty verdict", () => {
  expect(() => parsePreviewDigest("error: no stack named prod")).toThrow(/not JSON.*pulumi preview --json/);
  expect(() => parsePreviewDigest("[]")).toThrow(/not a pulumi preview --json document/);
  expect(() => parsePreviewDigest('{"steps": {}}')).toThrow(/"steps" is not a list/);
  expect(() => parsePreviewDigest('{"steps": [{"op": "update"}]}')).toThrow(/without op or urn/);
});

describe("the instance edge", () => {
  const urn = (type: string, name: string) =>
    `urn:pulumi:prod::wechat-https-backend::wechat-https-backend:index:HttpsBackend$wechat-https-backend:app:AppRuntime$${type}::${name}`;
  const PARAMETER = "alicloud:oos/secretParameter:SecretParameter";
  const INVOCATION = "alicloud:ecs/ecsInvocation:EcsInvocation";
  const valueChanged = { diffReasons: ["value"], detailedDiff: { value: { kind: "update", inputDiff: true } } };

  test("a due renewal: the chain and key parameters updated, each instance's reload run again (a trigger: no key named)", () => {
    const verdict = judgeRenewalPreview({
      steps: [
        { op: "update", urn: urn("acme:index/certificate:Certificate", "wechat-cert-acme-cert"), diffReasons: ["certificatePem"] },
        ...["chain-1", "chain-2", "chain-3", "private-key"].map((part) => ({
          op: "update",
          urn: urn(PARAMETER, `wechat-runtime-secret-tls-${part}`),
          ...valueChanged,
        })),
        { op: "replace", urn: urn(INVOCATION, "wechat-app-0-tls-reload"), diffReasons: null, replaceReasons: null, detailedDiff: null },
        { op: "replace", urn: urn("command:local:Command", "wechat-verify-verify"), replaceReasons: ["triggers"] },
      ],
    });
    expect(verdict.refused).toEqual([]);
    expect(summary(verdict.allowed)).toEqual([
      "update wechat-cert-acme-cert",
      "update wechat-runtime-secret-tls-chain-1",
      "update wechat-runtime-secret-tls-chain-2",
      "update wechat-runtime-secret-tls-chain-3",
      "update wechat-runtime-secret-tls-private-key",
      "replace wechat-app-0-tls-reload",
      "replace wechat-verify-verify",
    ]);
  });

  test("an app secret's parameter, another invocation, and a reload with a changed input are refused", () => {
    const verdict = judgeRenewalPreview({
      steps: [
        { op: "update", urn: urn(PARAMETER, "wechat-runtime-secret-db-password"), ...valueChanged },
        { op: "replace", urn: urn(INVOCATION, "wechat-app-0-restart") },
        { op: "replace", urn: urn(INVOCATION, "wechat-app-0-tls-reload"), replaceReasons: ["instanceIds"] },
      ],
    });
    expect(verdict.allowed).toEqual([]);
    expect(verdict.refused.map((s) => s.reason)).toEqual([
      `a renewal makes no update of a ${PARAMETER} named wechat-runtime-secret-db-password`,
      `a renewal makes no replace of a ${INVOCATION} named wechat-app-0-restart`,
      "it changes instanceIds, and a renewal only runs it again (the instance edge fetches the new certificate and reloads nginx)",
    ]);
  });
});
