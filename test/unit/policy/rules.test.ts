// Each policy on hand-built good and bad resources, called the way the Pulumi CLI calls it (see
// test/support/policyHarness.ts), with the exact message a user would read.
import {
  backendPortOnlyFromLoadBalancer,
  certificateValidity,
  disksEncrypted,
  dnsRecordPointsAtLoadBalancer,
  dnsRecordTtl,
  httpListenerRedirectsToHttps,
  httpsListenerHttp2,
  httpsListenerTls12,
  instanceMetadataTokensRequired,
  instancesWithoutPublicIp,
  noAdminPortsFromInternet,
  noOtherPortsFromInternet,
  noSensitivePortsFromInternet,
  onlyHttpsAndRedirectListeners,
  prodStatefulResourcesProtected,
  prodStrictTlsPolicy,
} from "../../../policy/policies";
import { UNKNOWN_STRING } from "../../../policy/props";
import { TYPES } from "../../../policy/resourceTypes";
import { runResourcePolicy, runStackPolicy, urnOf, type Finding, type PolicyInput } from "../../support/policyHarness";
import { EC_P256, chainPem, createPki, type TestPki } from "../../support/pki";

function resource(type: string, name: string, props: Record<string, unknown>, opts: PolicyInput["opts"] = {}): PolicyInput {
  return { type, name, urn: urnOf("test", "wechat-https-backend", type, name), props, opts };
}

const messages = (findings: Finding[]) => findings.filter((f) => f.kind === "violation").map((f) => f.message);
const reasons = (findings: Finding[]) => findings.filter((f) => f.kind === "not-applicable").map((f) => f.message);

const httpsListener = (props: Record<string, unknown>) =>
  resource(TYPES.listener, "wechat-lb-https", { protocol: "https", frontendPort: 443, loadBalancerId: UNKNOWN_STRING, ...props });
const SET_TLS =
  "set tlsCipherPolicy to tls_cipher_policy_1_2_strict_with_1_3 (stack config: pulumi config set tlsPolicy tls_cipher_policy_1_2_strict_with_1_3)";

describe("https-listener-tls-1-2", () => {
  // Written out, not taken from the code: a policy added to or dropped from the pack's list must show here.
  test.each(["tls_cipher_policy_1_2", "tls_cipher_policy_1_2_strict", "tls_cipher_policy_1_2_strict_with_1_3"])(
    "%s passes",
    async (policy) => {
      expect(await runResourcePolicy(httpsListenerTls12, httpsListener({ tlsCipherPolicy: policy }))).toEqual([]);
    },
  );

  test("tls_cipher_policy_1_0, the provider's default, is refused", async () => {
    expect(messages(await runResourcePolicy(httpsListenerTls12, httpsListener({ tlsCipherPolicy: "tls_cipher_policy_1_0" })))).toEqual([
      expect.stringContaining('uses tlsCipherPolicy "tls_cipher_policy_1_0", which is not one of the TLS 1.2+ policies'),
    ]);
  });

  test("unset is the provider's TLS 1.0 default: a violation", async () => {
    expect(messages(await runResourcePolicy(httpsListenerTls12, httpsListener({})))).toEqual([
      `HTTPS listener "wechat-lb-https" has no tlsCipherPolicy, so CLB applies its default tls_cipher_policy_1_0 ` +
        `and accepts TLS 1.0 and 1.1; WeChat needs TLS 1.2 or newer: ${SET_TLS}`,
    ]);
  });

  test("tls_cipher_policy_1_1 is refused", async () => {
    expect(messages(await runResourcePolicy(httpsListenerTls12, httpsListener({ tlsCipherPolicy: "tls_cipher_policy_1_1" })))).toEqual([
      `HTTPS listener "wechat-lb-https" uses tlsCipherPolicy "tls_cipher_policy_1_1", which is not one of ` +
        `the TLS 1.2+ policies (tls_cipher_policy_1_2, tls_cipher_policy_1_2_strict, tls_cipher_policy_1_2_strict_with_1_3): ` +
        `${SET_TLS}`,
    ]);
  });

  test("an HTTP listener is not judged by it", async () => {
    expect(await runResourcePolicy(httpsListenerTls12, resource(TYPES.listener, "plain", { protocol: "http", frontendPort: 80 }))).toEqual(
      [],
    );
  });
});

describe("https-listener-http2 (advisory)", () => {
  test("off is reported as advisory; on and unset (the provider's default, on) pass", async () => {
    const findings = await runResourcePolicy(httpsListenerHttp2, httpsListener({ enableHttp2: "off" }));
    expect(findings).toEqual([
      expect.objectContaining({
        kind: "violation",
        level: "advisory",
        message: `HTTPS listener "wechat-lb-https" has enableHttp2 "off": set enableHttp2 to "on" so a mini program's requests share one TLS connection`,
      }),
    ]);
    expect(await runResourcePolicy(httpsListenerHttp2, httpsListener({ enableHttp2: "on" }))).toEqual([]);
    expect(await runResourcePolicy(httpsListenerHttp2, httpsListener({}))).toEqual([]);
  });
});

describe("http-listener-redirects-to-https", () => {
  const http = (props: Record<string, unknown>) =>
    resource(TYPES.listener, "wechat-lb-http-redirect", { protocol: "http", frontendPort: 80, ...props });

  test("a redirect to 443 passes", async () => {
    expect(await runResourcePolicy(httpListenerRedirectsToHttps, http({ listenerForward: "on", forwardPort: 443 }))).toEqual([]);
  });

  test("an HTTP listener without a redirect serves plain HTTP", async () => {
    expect(messages(await runResourcePolicy(httpListenerRedirectsToHttps, http({ listenerForward: "off", backendPort: 80 })))).toEqual([
      `HTTP listener "wechat-lb-http-redirect" on port 80 serves plain HTTP: set listenerForward "on" and ` +
        `forwardPort 443 so it only redirects to the HTTPS listener (WeChat calls https:// only)`,
    ]);
  });

  test("a redirect to another port", async () => {
    expect(messages(await runResourcePolicy(httpListenerRedirectsToHttps, http({ listenerForward: "on", forwardPort: 8443 })))).toEqual([
      `HTTP listener "wechat-lb-http-redirect" redirects to port 8443: set forwardPort to 443, the HTTPS listener WeChat calls`,
    ]);
  });
});

describe("only-https-and-redirect-listeners", () => {
  const listener = (name: string, props: Record<string, unknown>) =>
    resource(TYPES.listener, name, { loadBalancerId: UNKNOWN_STRING, ...props });
  const refused = async (props: Record<string, unknown>) =>
    messages(await runResourcePolicy(onlyHttpsAndRedirectListeners, listener("extra", props)));

  test("HTTPS on 443 and the HTTP redirect on 80 pass", async () => {
    expect(await refused({ protocol: "https", frontendPort: 443, backendPort: 80 })).toEqual([]);
    expect(await refused({ protocol: "http", frontendPort: 80, listenerForward: "on", forwardPort: 443 })).toEqual([]);
  });

  test("a TCP listener 443 -> 80 (plain HTTP to nginx, no TLS), TCP 8080, UDP 443 and TCP 80 are refused", async () => {
    expect(await refused({ protocol: "tcp", frontendPort: 443, backendPort: 80 })).toEqual([
      `listener "extra" (tcp on port 443) passes TCP through without TLS termination, HSTS or the HTTPS ` +
        `redirect: remove it; phones reach the backend through the HTTPS listener on 443 only`,
    ]);
    expect(await refused({ protocol: "tcp", frontendPort: 8080, backendPort: 8080 })).toHaveLength(1);
    expect(await refused({ protocol: "udp", frontendPort: 443, backendPort: 443 })).toEqual([
      expect.stringContaining('listener "extra" (udp on port 443) passes UDP through'),
    ]);
    expect(await refused({ protocol: "tcp", frontendPort: 80, backendPort: 80 })).toHaveLength(1);
  });

  test("HTTPS or HTTP on another port is refused", async () => {
    expect(await refused({ protocol: "https", frontendPort: 8443, tlsCipherPolicy: "tls_cipher_policy_1_2_strict" })).toEqual([
      `HTTPS listener "extra" (https on port 8443): WeChat calls https:// on port 443 only; set frontendPort to 443`,
    ]);
    expect(await refused({ protocol: "http", frontendPort: 8080, listenerForward: "on", forwardPort: 443 })).toEqual([
      `HTTP listener "extra" (http on port 8080): the only HTTP listener is the redirect on port 80; remove it (WeChat calls https:// on 443 only)`,
    ]);
  });

  test("unknown at preview: skipped", async () => {
    expect(await refused({ protocol: UNKNOWN_STRING, frontendPort: 8080 })).toEqual([]);
  });
});

describe("prod-strict-tls-policy (stack)", () => {
  const prodListener = (policy: string) =>
    resource(TYPES.listener, "wechat-lb-https", { protocol: "https", frontendPort: 443, tlsCipherPolicy: policy });
  const prodClb = resource(TYPES.loadBalancer, "lb", { tags: { environment: "prod" } });

  test("prod with tls_cipher_policy_1_2 (RSA key exchange, 3DES) is refused; the strict policies pass", async () => {
    expect(messages(await runStackPolicy(prodStrictTlsPolicy, [prodClb, prodListener("tls_cipher_policy_1_2")]))).toEqual([
      `prod: HTTPS listener "wechat-lb-https" uses tlsCipherPolicy "tls_cipher_policy_1_2", which still ` +
        `offers cipher suites without forward secrecy (RSA key exchange, 3DES): ${SET_TLS}`,
    ]);
    for (const policy of ["tls_cipher_policy_1_2_strict", "tls_cipher_policy_1_2_strict_with_1_3"]) {
      expect(await runStackPolicy(prodStrictTlsPolicy, [prodClb, prodListener(policy)])).toEqual([]);
    }
  });

  test("dev may use tls_cipher_policy_1_2, unless the policy config says the stack is prod", async () => {
    const dev = [resource(TYPES.loadBalancer, "lb", { tags: { environment: "dev" } }), prodListener("tls_cipher_policy_1_2")];
    expect(reasons(await runStackPolicy(prodStrictTlsPolicy, dev))).toEqual(["not a prod stack: dev may use tls_cipher_policy_1_2"]);
    expect(messages(await runStackPolicy(prodStrictTlsPolicy, dev, { environment: "prod" }))).toHaveLength(1);
  });
});

const rule = (name: string, props: Record<string, unknown>) =>
  resource(TYPES.securityGroupRule, name, {
    securityGroupId: UNKNOWN_STRING,
    type: "ingress",
    ipProtocol: "tcp",
    policy: "accept",
    nicType: "intranet",
    ...props,
  });

describe("no-admin-ports-from-internet", () => {
  test("SSH from a listed range passes; SSH from the internet is refused", async () => {
    expect(await runResourcePolicy(noAdminPortsFromInternet, rule("ssh-office", { portRange: "22/22", cidrIp: "203.0.113.0/24" }))).toEqual(
      [],
    );
    expect(
      messages(await runResourcePolicy(noAdminPortsFromInternet, rule("ssh-any", { portRange: "22/22", cidrIp: "0.0.0.0/0" }))),
    ).toEqual([
      `security group rule "ssh-any" opens port 22 (SSH) to the internet (0.0.0.0/0; an IPv4 /8 or an IPv6 /32, or ` +
        `wider, counts): allow only known ranges (stack config sshAllowedCidrs, e.g. ["203.0.113.0/24"]) or remove the rule`,
    ]);
  });

  test("a port range containing 22 and 3389 counts for both, IPv6 ::/0 too", async () => {
    expect(messages(await runResourcePolicy(noAdminPortsFromInternet, rule("wide", { portRange: "1/65535", ipv6CidrIp: "::/0" })))).toEqual(
      [
        `security group rule "wide" opens port 22 (SSH) to the internet (::/0; an IPv4 /8 or an IPv6 /32, or wider, counts): ` +
          `allow only known ranges (stack config sshAllowedCidrs, e.g. ["203.0.113.0/24"]) or remove the rule`,
        `security group rule "wide" opens port 3389 (RDP) to the internet (::/0; an IPv4 /8 or an IPv6 /32, or wider, counts): ` +
          "allow only known ranges or remove the rule",
      ],
    );
  });

  test("half the internet is the internet: SSH from 0.0.0.0/1, 128.0.0.0/1, ::/1, a /7 or a public /8 is refused; 10.0.0.0/8 is a network", async () => {
    for (const cidr of ["0.0.0.0/1", "128.0.0.0/1", "1.0.0.0/7", "1.0.0.0/8"]) {
      expect(messages(await runResourcePolicy(noAdminPortsFromInternet, rule("half", { portRange: "22/22", cidrIp: cidr })))).toEqual([
        expect.stringContaining(`opens port 22 (SSH) to the internet (${cidr}; an IPv4 /8 or an IPv6 /32, or wider, counts)`),
      ]);
    }
    expect(
      messages(await runResourcePolicy(noAdminPortsFromInternet, rule("v6", { portRange: "22/22", ipv6CidrIp: "::/1" }))),
    ).toHaveLength(1);
    expect(await runResourcePolicy(noAdminPortsFromInternet, rule("corp", { portRange: "22/22", cidrIp: "10.0.0.0/8" }))).toEqual([]);
  });

  test("protocol all with -1/-1 is every port; a drop rule and egress rules are fine", async () => {
    expect(
      messages(
        await runResourcePolicy(noAdminPortsFromInternet, rule("all", { ipProtocol: "all", portRange: "-1/-1", cidrIp: "0.0.0.0/0" })),
      ),
    ).toHaveLength(2);
    expect(
      await runResourcePolicy(noAdminPortsFromInternet, rule("deny", { portRange: "22/22", cidrIp: "0.0.0.0/0", policy: "drop" })),
    ).toEqual([]);
    expect(
      await runResourcePolicy(noAdminPortsFromInternet, rule("out", { type: "egress", portRange: "22/22", cidrIp: "0.0.0.0/0" })),
    ).toEqual([]);
  });
});

describe("backend-port-only-from-load-balancer", () => {
  test("port 80 from the CLB range (or a part of it) passes", async () => {
    expect(
      await runStackPolicy(backendPortOnlyFromLoadBalancer, [rule("http-from-lb", { portRange: "80/80", cidrIp: "100.64.0.0/10" })]),
    ).toEqual([]);
    expect(
      await runStackPolicy(backendPortOnlyFromLoadBalancer, [rule("narrow", { portRange: "80/80", cidrIp: "100.100.0.0/16" })]),
    ).toEqual([]);
  });

  test("port 80 from elsewhere, or inside a wider range, is refused", async () => {
    expect(
      messages(await runStackPolicy(backendPortOnlyFromLoadBalancer, [rule("http-any", { portRange: "80/80", cidrIp: "0.0.0.0/0" })])),
    ).toEqual([
      `security group rule "http-any" opens backend port 80 (nginx) to 0.0.0.0/0: only the load balancer's ` +
        `range 100.64.0.0/10 may reach it; set cidrIp to 100.64.0.0/10`,
    ]);
    expect(
      messages(await runStackPolicy(backendPortOnlyFromLoadBalancer, [rule("vpc", { portRange: "1/1024", cidrIp: "10.0.0.0/8" })])),
    ).toEqual([
      `security group rule "vpc" opens backend port 80 (nginx) to 10.0.0.0/8: only the load balancer's range ` +
        `100.64.0.0/10 may reach it; set cidrIp to 100.64.0.0/10`,
    ]);
    expect(
      messages(
        await runStackPolicy(backendPortOnlyFromLoadBalancer, [rule("sg", { portRange: "80/80", sourceSecurityGroupId: "sg-123" })]),
      ),
    ).toEqual([
      `security group rule "sg" opens backend port 80 (nginx) to security group sg-123: only the load ` +
        `balancer's range 100.64.0.0/10 may reach it; set cidrIp to 100.64.0.0/10`,
    ]);
  });

  // Containment, not overlap: a range that starts inside the load balancer's but is wider, or sits just past it, is refused.
  test.each([
    ["100.64.0.0/9", "twice the load balancer's range, starting at the same address"],
    ["100.0.0.0/8", "the /8 around it"],
    ["100.128.0.0/10", "the next /10"],
    ["100.63.255.255", "the address just before it"],
    ["100.128.0.0", "the address just after it"],
    ["::/0", "every IPv6 address"],
  ])("port 80 from %s (%s) is refused", async (cidrIp) => {
    expect(messages(await runStackPolicy(backendPortOnlyFromLoadBalancer, [rule("near", { portRange: "80/80", cidrIp })]))).toEqual([
      `security group rule "near" opens backend port 80 (nginx) to ${cidrIp}: only the load balancer's range ` +
        `100.64.0.0/10 may reach it; set cidrIp to 100.64.0.0/10`,
    ]);
  });

  test.each(["100.64.0.0", "100.127.255.255", "100.127.255.255/32", "100.96.0.0/11"])(
    "port 80 from %s, inside the range, passes",
    async (cidrIp) => {
      expect(await runStackPolicy(backendPortOnlyFromLoadBalancer, [rule("inside", { portRange: "80/80", cidrIp })])).toEqual([]);
    },
  );

  test("other ports are not its business; the port list is configurable", async () => {
    expect(await runStackPolicy(backendPortOnlyFromLoadBalancer, [rule("ssh", { portRange: "22/22", cidrIp: "203.0.113.0/24" })])).toEqual(
      [],
    );
    expect(
      messages(
        await runStackPolicy(backendPortOnlyFromLoadBalancer, [rule("app", { portRange: "3000/3000", cidrIp: "0.0.0.0/0" })], {
          backendPorts: [80, 3000],
        }),
      ),
    ).toHaveLength(1);
  });
});

const record = (name: string, props: Record<string, unknown>, opts: PolicyInput["opts"] = {}) =>
  resource(TYPES.dnsRecord, name, { domainName: "example.com", rr: "@", type: "A", ...props }, opts);
const clb = (name: string, props: Record<string, unknown>, opts: PolicyInput["opts"] = {}) =>
  resource(TYPES.loadBalancer, name, { addressType: "internet", deleteProtection: "off", ...props }, opts);

describe("dns-record-ttl", () => {
  test("600 and unset (the provider's default, 600) pass; 60 is refused", async () => {
    expect(await runResourcePolicy(dnsRecordTtl, record("a", { ttl: 600, value: "203.0.113.10" }))).toEqual([]);
    expect(await runResourcePolicy(dnsRecordTtl, record("a", { value: "203.0.113.10" }))).toEqual([]);
    expect(messages(await runResourcePolicy(dnsRecordTtl, record("wechat-dns-a", { ttl: 60, rr: "api", value: "203.0.113.10" })))).toEqual([
      `DNS record "wechat-dns-a" (api) has ttl 60: set ttl to at least 600 seconds (the lowest the free Alibaba Cloud DNS edition accepts)`,
    ]);
  });
});

describe("dns-record-points-at-load-balancer (stack)", () => {
  test("an A record at this stack's CLB address passes", async () => {
    expect(
      await runStackPolicy(dnsRecordPointsAtLoadBalancer, [clb("lb", { address: "203.0.113.10" }), record("a", { value: "203.0.113.10" })]),
    ).toEqual([]);
  });

  test("an A record elsewhere is a violation on the record", async () => {
    const findings = await runStackPolicy(dnsRecordPointsAtLoadBalancer, [
      clb("lb", { address: "203.0.113.10" }),
      record("wechat-dns-a", { value: "198.51.100.7" }),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        kind: "violation",
        resource: "wechat-dns-a",
        message:
          `DNS A record "wechat-dns-a" points at 198.51.100.7, which is not the address of a load balancer or an ` +
          `EIP in this stack (203.0.113.10): set its value to the edge's address output`,
      }),
    ]);
  });

  test("a stack without a load balancer", async () => {
    expect(messages(await runStackPolicy(dnsRecordPointsAtLoadBalancer, [record("a", { value: "198.51.100.7" })]))).toEqual([
      `DNS A record "a" points at 198.51.100.7, but this stack has no load balancer: point the record at the CLB that serves HTTPS`,
    ]);
  });

  test("at preview the address is unknown: said so, not failed", async () => {
    const findings = await runStackPolicy(dnsRecordPointsAtLoadBalancer, [
      clb("lb", { address: UNKNOWN_STRING }),
      record("wechat-dns-a", { value: UNKNOWN_STRING }),
    ]);
    expect(messages(findings)).toEqual([]);
    expect(reasons(findings)).toEqual([
      `the value of DNS record "wechat-dns-a" or the edge's address is not known until the load balancer or ` +
        `EIP exists (pulumi preview); checked again at pulumi up`,
    ]);
  });

  test("at preview the real engine leaves the unknown values out altogether: said so, not failed", async () => {
    const findings = await runStackPolicy(dnsRecordPointsAtLoadBalancer, [clb("lb", {}), record("wechat-dns-a", {})]);
    expect(messages(findings)).toEqual([]);
    expect(reasons(findings)).toEqual([
      `the value of DNS record "wechat-dns-a" or the edge's address is not known until the load balancer or ` +
        `EIP exists (pulumi preview); checked again at pulumi up`,
    ]);
  });

  test("an AAAA record to any address but a load balancer's, and a CNAME to anywhere, are refused", async () => {
    const lb = clb("lb", { address: "203.0.113.10" });
    expect(
      messages(await runStackPolicy(dnsRecordPointsAtLoadBalancer, [lb, record("v6", { type: "AAAA", value: "2001:db8::1" })])),
    ).toEqual([
      `DNS AAAA record "v6" points at 2001:db8::1, which is not the address of a load balancer or an EIP in this stack ` +
        `(203.0.113.10): set its value to the edge's address output`,
    ]);
    expect(
      messages(
        await runStackPolicy(dnsRecordPointsAtLoadBalancer, [lb, record("alias", { type: "CNAME", value: "attacker.example.net" })]),
      ),
    ).toEqual([
      `DNS CNAME record "alias" points at attacker.example.net: this stack's records only point the domain ` +
        `at its load balancer (A, or AAAA for an IPv6 one); remove it, or manage it outside this stack`,
    ]);
    for (const type of ["MX", "TXT", "NS", "SRV", "CAA", "REDIRECT_URL"]) {
      expect(messages(await runStackPolicy(dnsRecordPointsAtLoadBalancer, [lb, record("other", { type, value: "x" })]))).toHaveLength(1);
    }
    // An IPv6 load balancer's address is what an AAAA record may hold.
    const v6 = clb("lb6", { address: "2001:db8::10" });
    expect(await runStackPolicy(dnsRecordPointsAtLoadBalancer, [v6, record("v6", { type: "AAAA", value: "2001:db8::10" })])).toEqual([]);
  });
});

describe("prod-stateful-resources-protected (stack)", () => {
  const prodTags = { environment: "prod" };

  test("prod (from the environment tag): an unprotected CLB without delete protection and an unprotected record", async () => {
    const findings = await runStackPolicy(prodStatefulResourcesProtected, [
      clb("wechat-lb-clb", { tags: prodTags }),
      record("wechat-dns-a", { value: "203.0.113.10" }),
    ]);
    expect(messages(findings)).toEqual([
      `prod: load balancer "wechat-lb-clb" is not protected; its address is what DNS and WeChat point at: ` +
        `set protect (stack config: pulumi config set protect true)`,
      `prod: load balancer "wechat-lb-clb" has deleteProtection "off": turn delete protection on (stack config: pulumi config set protect true)`,
      `prod: DNS record "wechat-dns-a" is not protected: set protect (stack config: pulumi config set protect true)`,
    ]);
  });

  test("prod with everything protected passes; the server certificate needs no protection", async () => {
    const resources = [
      clb("lb", { tags: prodTags, deleteProtection: "on" }, { protect: true }),
      record("a", { value: "203.0.113.10" }, { protect: true }),
      resource(TYPES.serverCertificate, "cert", { serverCertificate: UNKNOWN_STRING }),
    ];
    expect(await runStackPolicy(prodStatefulResourcesProtected, resources)).toEqual([]);
  });

  test("dev is not judged, unless the policy config says the stack is prod", async () => {
    const devResources = [clb("lb", { tags: { environment: "dev" } }), record("a", { value: "x" })];
    expect(reasons(await runStackPolicy(prodStatefulResourcesProtected, devResources))).toEqual([
      "not a prod stack: these rules apply to prod only",
    ]);
    expect(messages(await runStackPolicy(prodStatefulResourcesProtected, devResources, { environment: "prod" }))).toHaveLength(3);
  });
});

describe("certificate-validity", () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await createPki();
  });
  const uploaded = (serverCertificate: unknown) =>
    resource(TYPES.serverCertificate, "wechat-cert-server-cert", { serverCertificate, privateKey: "(not read)" });

  test("90 days left passes, also when the PEM arrives in Pulumi's secret wire form", async () => {
    const leaf = await pki.leaf({ dnsNames: ["api.example.com"], notAfterDays: 90, key: EC_P256 });
    const chain = chainPem(leaf, pki.intermediate);
    expect(await runResourcePolicy(certificateValidity, uploaded(chain))).toEqual([]);
    const wire = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: chain };
    expect(await runResourcePolicy(certificateValidity, uploaded(wire))).toEqual([]);
  });

  test("10 days left is refused with the expiry date", async () => {
    const leaf = await pki.leaf({ dnsNames: ["api.example.com"], notAfterDays: 10, key: EC_P256 });
    const [message] = messages(await runResourcePolicy(certificateValidity, uploaded(chainPem(leaf, pki.intermediate))));
    const date = new Date(leaf.cert.notAfter).toISOString().slice(0, 10);
    expect(message).toBe(
      `server certificate "wechat-cert-server-cert" (CN=api.example.com, O=wechat-https-backend tests) ` +
        `expires on ${date} (9 days left); at least 30 days are required: renew it and set the new chain ` +
        `(pulumi config set --secret certificatePem < fullchain.pem), or use certificateSource acme`,
    );
  });

  test("the leaf is judged wherever it stands in the chain: given after its intermediate, its 10 days are refused", async () => {
    const leaf = await pki.leaf({ dnsNames: ["api.example.com"], notAfterDays: 10, key: EC_P256 });
    // The intermediate, first here, has years left: judging it instead would pass.
    const [message] = messages(await runResourcePolicy(certificateValidity, uploaded(chainPem(pki.intermediate, leaf))));
    expect(message).toMatch(
      /^server certificate "wechat-cert-server-cert" \(CN=api\.example\.com, O=wechat-https-backend tests\) expires on .* \(9 days left\)/,
    );
    const longLived = await pki.leaf({ dnsNames: ["api.example.com"], notAfterDays: 90, key: EC_P256 });
    expect(await runResourcePolicy(certificateValidity, uploaded(chainPem(pki.intermediate, longLived)))).toEqual([]);
  });

  test("an expired certificate", async () => {
    const leaf = await pki.leaf({ dnsNames: ["api.example.com"], notBeforeDays: -100, notAfterDays: -2, key: EC_P256 });
    const date = new Date(leaf.cert.notAfter).toISOString().slice(0, 10);
    expect(messages(await runResourcePolicy(certificateValidity, uploaded(leaf.certPem)))).toEqual([
      `server certificate "wechat-cert-server-cert" (CN=api.example.com, O=wechat-https-backend tests) ` +
        `expired on ${date}: renew it and set the new chain (pulumi config set --secret certificatePem < ` +
        `fullchain.pem), or use certificateSource acme`,
    ]);
  });

  test("text that is not a certificate", async () => {
    expect(
      messages(await runResourcePolicy(certificateValidity, uploaded("-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n"))),
    ).toEqual([
      `server certificate "wechat-cert-server-cert" has no readable PEM certificate in serverCertificate: ` +
        `set the chain, leaf first (pulumi config set --secret certificatePem < fullchain.pem)`,
    ]);
  });

  test("unknown at preview, or from CAS: skipped without a violation", async () => {
    expect(reasons(await runResourcePolicy(certificateValidity, uploaded(UNKNOWN_STRING)))).toEqual([
      `the certificate of "wechat-cert-server-cert" is not known until it is issued or decrypted (pulumi preview); checked at pulumi up`,
    ]);
    const cas = resource(TYPES.serverCertificate, "cas", { alicloudCertificateId: "12345", alicloudCertificateRegionId: "cn-hangzhou" });
    expect(reasons(await runResourcePolicy(certificateValidity, cas))).toEqual([
      `certificate "cas" comes from SSL Certificates Service (alicloudCertificateId); the verifier checks its expiry`,
    ]);
  });

  test("an ACME certificate must renew at least 30 days ahead", async () => {
    const acme = (minDaysRemaining?: number) =>
      resource(TYPES.acmeCertificate, "wechat-cert-acme", {
        commonName: "api.example.com",
        ...(minDaysRemaining === undefined ? {} : { minDaysRemaining }),
      });
    expect(await runResourcePolicy(certificateValidity, acme(30))).toEqual([]);
    expect(await runResourcePolicy(certificateValidity, acme())).toEqual([]);
    expect(messages(await runResourcePolicy(certificateValidity, acme(7)))).toEqual([
      `ACME certificate "wechat-cert-acme" is renewed only 7 days before it expires (minDaysRemaining 7): ` +
        `set minDaysRemaining to at least 30 so the weekly renewal replaces it in time`,
    ]);
  });
});

describe("no-sensitive-ports-from-internet", () => {
  test("MySQL, Redis, Docker and the app port from the internet are refused, naming the service", async () => {
    const cases: [string, string][] = [
      ["3306/3306", "3306 (MySQL)"],
      ["6379/6379", "6379 (Redis)"],
      ["2375/2376", "2375 (Docker API (plain)), 2376 (Docker API (TLS))"],
      ["3000/3000", "3000 (the app, behind nginx)"],
    ];
    for (const [portRange, named] of cases) {
      expect(messages(await runResourcePolicy(noSensitivePortsFromInternet, rule("open", { portRange, cidrIp: "0.0.0.0/0" })))).toEqual([
        `security group rule "open" opens ${named} to the internet (0.0.0.0/0; an IPv4 /8 or an IPv6 /32, or wider, counts): ` +
          `remove the rule; the instances serve only through the load balancer, and the app only through nginx`,
      ]);
    }
  });

  test("every port from half the internet: one message, the list shortened; UDP counts; a known range passes", async () => {
    const [message] = messages(
      await runResourcePolicy(noSensitivePortsFromInternet, rule("all", { ipProtocol: "all", portRange: "-1/-1", cidrIp: "128.0.0.0/1" })),
    );
    expect(message).toMatch(/opens 20 \(FTP data\), 21 \(FTP\), .* and \d+ more to the internet \(128\.0\.0\.0\/1;/);
    expect(
      messages(
        await runResourcePolicy(
          noSensitivePortsFromInternet,
          rule("snmp", { ipProtocol: "udp", portRange: "161/161", ipv6CidrIp: "::/0" }),
        ),
      ),
    ).toHaveLength(1);
    expect(
      await runResourcePolicy(noSensitivePortsFromInternet, rule("office", { portRange: "3306/3306", cidrIp: "203.0.113.0/24" })),
    ).toEqual([]);
    expect(
      await runResourcePolicy(noSensitivePortsFromInternet, rule("icmp", { ipProtocol: "icmp", portRange: "-1/-1", cidrIp: "0.0.0.0/0" })),
    ).toEqual([]);
  });

  test("the app's port is configurable", async () => {
    const open8080 = rule("app", { portRange: "8080/8080", cidrIp: "0.0.0.0/0" });
    expect(await runResourcePolicy(noSensitivePortsFromInternet, open8080)).toEqual([]);
    expect(messages(await runResourcePolicy(noSensitivePortsFromInternet, open8080, { appPorts: [8080] }))).toEqual([
      expect.stringContaining("opens 8080 (the app, behind nginx)"),
    ]);
  });
});

describe("no-other-ports-from-internet (advisory)", () => {
  test("any other port from the internet is reported as advisory; what the mandatory policies report is not repeated", async () => {
    expect(await runStackPolicy(noOtherPortsFromInternet, [rule("alt", { portRange: "8080/8080", cidrIp: "0.0.0.0/0" })])).toEqual([
      expect.objectContaining({
        kind: "violation",
        level: "advisory",
        message:
          `security group rule "alt" opens port 8080 to the internet (0.0.0.0/0; an IPv4 /8 or an IPv6 /32, or wider, counts): ` +
          `the instances have no public address and serve only through the load balancer; remove the rule or narrow its source`,
      }),
    ]);
    expect(await runStackPolicy(noOtherPortsFromInternet, [rule("db", { portRange: "3306/3306", cidrIp: "0.0.0.0/0" })])).toEqual([]);
    expect(await runStackPolicy(noOtherPortsFromInternet, [rule("web", { portRange: "80/80", cidrIp: "0.0.0.0/0" })])).toEqual([]);
    expect(messages(await runStackPolicy(noOtherPortsFromInternet, [rule("all", { portRange: "1/65535", cidrIp: "0.0.0.0/1" })]))).toEqual([
      expect.stringContaining('"all" opens every port'),
    ]);
  });
});

const instance = (props: Record<string, unknown>) =>
  resource(TYPES.instance, "wechat-app-0", {
    imageId: UNKNOWN_STRING,
    instanceType: "ecs.c7.large",
    httpTokens: "required",
    systemDiskEncrypted: true,
    internetMaxBandwidthOut: 0,
    ...props,
  });

describe("instances-without-public-ip", () => {
  test("no bandwidth out (or unset: the API's default 0) passes; any bandwidth out, allocatePublicIp or an EIP is refused", async () => {
    expect(await runStackPolicy(instancesWithoutPublicIp, [instance({})])).toEqual([]);
    expect(await runStackPolicy(instancesWithoutPublicIp, [instance({ internetMaxBandwidthOut: undefined })])).toEqual([]);
    expect(messages(await runStackPolicy(instancesWithoutPublicIp, [instance({ internetMaxBandwidthOut: 5 })]))).toEqual([
      `instance "wechat-app-0" has internetMaxBandwidthOut 5, which gives it a public IP address: set it to ` +
        `0; the instances are reached only through the load balancer`,
    ]);
    expect(messages(await runStackPolicy(instancesWithoutPublicIp, [instance({ allocatePublicIp: true })]))).toHaveLength(1);
    const eip = (props: Record<string, unknown>) =>
      resource(TYPES.eipAssociation, "eip", { allocationId: UNKNOWN_STRING, instanceId: UNKNOWN_STRING, ...props });
    expect(messages(await runStackPolicy(instancesWithoutPublicIp, [eip({})]))).toEqual([
      `EIP association "eip" gives an instance a public IP address: remove it; the instances are reached only through the load balancer`,
    ]);
    expect(messages(await runStackPolicy(instancesWithoutPublicIp, [eip({ instanceType: "NetworkInterface" })]))).toHaveLength(1);
    expect(await runStackPolicy(instancesWithoutPublicIp, [eip({ instanceType: "Nat" })])).toEqual([]);
  });
});

describe("instance-metadata-tokens-required", () => {
  test('"required" (or metadata off) passes; "optional" and unset (the provider default, optional) are refused', async () => {
    expect(await runResourcePolicy(instanceMetadataTokensRequired, instance({}))).toEqual([]);
    expect(await runResourcePolicy(instanceMetadataTokensRequired, instance({ httpTokens: undefined, httpEndpoint: "disabled" }))).toEqual(
      [],
    );
    expect(messages(await runResourcePolicy(instanceMetadataTokensRequired, instance({ httpTokens: "optional" })))).toEqual([
      `instance "wechat-app-0" has httpTokens "optional", so any request the app can be tricked into sending reads its metadata: set httpTokens to "required"`,
    ]);
    expect(messages(await runResourcePolicy(instanceMetadataTokensRequired, instance({ httpTokens: undefined })))).toEqual([
      expect.stringContaining("has httpTokens unset (the provider's default: optional)"),
    ]);
  });
});

describe("disks-encrypted", () => {
  test("an encrypted system disk passes; unencrypted or unset (the provider's default, false) is refused", async () => {
    expect(await runResourcePolicy(disksEncrypted, instance({}))).toEqual([]);
    expect(messages(await runResourcePolicy(disksEncrypted, instance({ systemDiskEncrypted: false })))).toEqual([
      `instance "wechat-app-0" has an unencrypted system disk: set systemDiskEncrypted true (the ECS service ` +
        `key is used unless systemDiskKmsKeyId is set); this replaces the instance`,
    ]);
    expect(messages(await runResourcePolicy(disksEncrypted, instance({ systemDiskEncrypted: undefined })))).toHaveLength(1);
  });

  test("data disks of an instance and separate disks are judged too", async () => {
    const withDisks = instance({ dataDisks: [{ size: 20, encrypted: true }, { size: 40 }] });
    expect(messages(await runResourcePolicy(disksEncrypted, withDisks))).toEqual([
      `instance "wechat-app-0" has an unencrypted data disk (dataDisks[1]): set encrypted true on it`,
    ]);
    expect(messages(await runResourcePolicy(disksEncrypted, resource(TYPES.ecsDisk, "data", { size: 20 })))).toEqual([
      `disk "data" is not encrypted: set encrypted true (the ECS service key is used unless kmsKeyId is set)`,
    ]);
    expect(await runResourcePolicy(disksEncrypted, resource(TYPES.disk, "data", { size: 20, encrypted: true }))).toEqual([]);
  });
});
