import { resolveStackConfig, UNREADABLE_SECRET, type ConfigInput } from "../../../lib/config/stackConfig";
import { fullKeys, problemsOf } from "../../support/config";

function input(values: Record<string, string>, stack = "dev"): ConfigInput {
  const full = fullKeys(values);
  return { stack, values: { "alicloud:region": "cn-hangzhou", ...full } };
}

const devBase = { domain: "dev.example.com", certificateSource: "selfSigned" };
const prodBase = {
  domain: "example.com",
  environment: "prod",
  icpLicense: "京ICP备00000000号-1",
  certificateSource: "pem",
  certificatePem: UNREADABLE_SECRET,
  privateKeyPem: UNREADABLE_SECRET,
  // Monitoring is on in prod: its robots are a secret, as unreadable to these checks as in the offline plan.
  alertWebhooks: UNREADABLE_SECRET,
};

/** The problems of a config that must be refused. */
function problems(values: Record<string, string>, stack = "dev"): string[] {
  return problemsOf(input(values, stack));
}

describe("stack config: defaults", () => {
  test("a minimal dev stack gets the documented defaults", () => {
    const { settings, warnings } = resolveStackConfig(input(devBase));
    expect(settings).toMatchObject({
      environment: "dev",
      domain: "dev.example.com",
      dnsZone: "example.com",
      recordName: "dev",
      tlsPolicy: "tls_cipher_policy_1_2_strict_with_1_3",
      hstsMaxAge: 31536000,
      instanceCount: 1,
      zoneCount: 1,
      backendPort: 3000,
      healthPath: "/api/health",
      apiBasePath: "/api",
      maxUploadSize: "20m",
      sshAllowedCidrs: [],
      protect: false,
    });
    expect(settings.appImage).toBeUndefined();
    expect(settings.instanceType).toBeUndefined();
    expect(warnings).toEqual([
      expect.stringMatching(/^domain: "dev\.example\.com" is an example domain .*pulumi config set domain api\.your-domain\.com$/),
      expect.stringMatching(/^no ICP filing \(备案\) is recorded in icpLicense, and nothing this stack creates can carry one: /),
      "certificateSource: selfSigned certificates are rejected by phones; only the WeChat developer tools with domain checks off will connect",
    ]);
  });

  test("prod defaults to two instances in two zones, protected", () => {
    const { settings, warnings, checksNotRun } = resolveStackConfig(input(prodBase, "prod"));
    expect(settings).toMatchObject({
      environment: "prod",
      instanceCount: 2,
      zoneCount: 2,
      protect: true,
      recordName: "@",
      dnsZone: "example.com",
    });
    // Only the example values are warned about, and that an example filing number is no filing.
    expect(warnings).toEqual([
      expect.stringMatching(/^domain: "example\.com" is an example domain/),
      expect.stringMatching(/^icpLicense: "京ICP备00000000号-1" is the example filing number.*pulumi config set icpLicense/),
      expect.stringMatching(/^no ICP filing \(备案\) is recorded in icpLicense/),
    ]);
    expect(checksNotRun).toEqual([expect.stringContaining("certificatePem/privateKeyPem are secrets the offline plan cannot decrypt")]);
  });

  test("the environment follows the stack name when not set", () => {
    expect(resolveStackConfig(input(prodBase, "production")).settings.environment).toBe("prod");
    expect(resolveStackConfig(input(devBase, "staging")).settings.environment).toBe("dev");
  });

  test("dnsZone may be a parent zone deeper than the registrable domain; internationalised names become punycode", () => {
    const deep = resolveStackConfig(input({ ...devBase, domain: "api.dev.example.com.cn", dnsZone: "dev.example.com.cn" })).settings;
    expect([deep.dnsZone, deep.recordName]).toEqual(["dev.example.com.cn", "api"]);
    const idn = resolveStackConfig(input({ ...devBase, domain: "API.例子.cn." })).settings;
    expect([idn.domain, idn.dnsZone, idn.recordName]).toEqual(["api.xn--fsqu00a.cn", "xn--fsqu00a.cn", "api"]);
  });
});

describe("stack config: every bad value is refused with the key and the fix", () => {
  test.each([
    [
      "https://dev.example.com",
      'domain "https://dev.example.com" has a scheme (https://); set only the host name, e.g. pulumi config set domain dev.example.com',
    ],
    [
      "dev.example.com:443",
      'domain "dev.example.com:443" has a port; WeChat requires the default port 443, so set only the host name, e.g. pulumi config set domain dev.example.com',
    ],
    [
      "dev.example.com/api",
      'domain "dev.example.com/api" has a path; set only the host name, e.g. pulumi config set domain dev.example.com',
    ],
    [
      "203.0.113.5",
      'domain "203.0.113.5" is an IP address; WeChat only accepts ICP-filed domain names, e.g. pulumi config set domain dev.example.com',
    ],
    [
      "[2001:db8::1]",
      'domain "[2001:db8::1]" is an IP address; WeChat only accepts ICP-filed domain names, e.g. pulumi config set domain dev.example.com',
    ],
    [
      "localhost",
      'domain "localhost" is localhost; phones reach the backend through a public, ICP-filed domain, e.g. pulumi config set domain dev.example.com',
    ],
    [
      "*.example.com",
      'domain "*.example.com" is a wildcard; WeChat registers exact hosts, so set one host name, e.g. pulumi config set domain dev.example.com',
    ],
    [
      "dev_api.example.com",
      'domain "dev_api.example.com" is not a valid DNS name (labels of letters, digits and inner hyphens, ' +
        "at most 63 characters each), e.g. pulumi config set domain dev.example.com",
    ],
    [
      "-dev.example.com",
      'domain "-dev.example.com" is not a valid DNS name (labels of letters, digits and inner hyphens, at ' +
        "most 63 characters each), e.g. pulumi config set domain dev.example.com",
    ],
    [
      "backend.internal",
      'domain "backend.internal" is not under a public domain suffix (such as .com or .cn); WeChat needs a ' +
        "publicly registered domain, e.g. pulumi config set domain dev.example.com",
    ],
  ])("domain %s", (domain, message) => {
    expect(problems({ ...devBase, domain })).toEqual([message]);
  });

  test("missing domain and region", () => {
    expect(problems({ certificateSource: "selfSigned", "alicloud:region": "" })).toEqual([
      "alicloud:region is not set; choose the region of the load balancer, e.g. pulumi config set alicloud:region cn-hangzhou",
      "domain is not set; set the host name the mini program calls, e.g. pulumi config set domain dev.example.com",
    ]);
  });

  test("a dnsZone that is not a host name: the fix sets a zone, not a host", () => {
    expect(problems({ ...devBase, dnsZone: "https://example.com/" })).toEqual([
      'dnsZone "https://example.com/" has a scheme (https://); set only the host name, e.g. pulumi config set dnsZone example.com',
    ]);
  });

  test("a dnsZone that does not contain the domain", () => {
    expect(problems({ ...devBase, dnsZone: "example.org" })).toEqual([
      'dnsZone: "example.org" does not contain domain "dev.example.com"; set the zone the domain lives in (e.g. example.com), or leave dnsZone empty',
    ]);
  });

  test("prod without ICP filing, with a self-signed certificate, one instance, one zone and short HSTS", () => {
    expect(
      problems(
        { ...prodBase, icpLicense: "", certificateSource: "selfSigned", instanceCount: "1", zoneCount: "1", hstsMaxAge: "86400" },
        "prod",
      ),
    ).toEqual([
      'icpLicense is not set; WeChat only accepts ICP-filed (备案) domains: file the domain (README: "ICP filing (备案) from start to finish") ' +
        "and record its number: pulumi config set icpLicense '京ICP备12345678号-1'",
      "certificateSource: selfSigned is not allowed in prod (phones reject self-signed certificates); use acme or pem with a CA-issued chain",
      "hstsMaxAge: 86400 is below one year (31536000); browsers and SSL Labs expect at least that: pulumi config set hstsMaxAge 31536000",
      "instanceCount: prod needs at least 2 instances in 2 zones so one can fail; pulumi config set instanceCount 2",
      "zoneCount: prod spreads instances over at least 2 zones; pulumi config set zoneCount 2",
    ]);
  });

  test("the same short HSTS is only a warning in dev", () => {
    const { warnings } = resolveStackConfig(input({ ...devBase, hstsMaxAge: "86400" }));
    expect(warnings).toContain(
      "hstsMaxAge: 86400 is below one year (31536000); browsers and SSL Labs expect at least that: pulumi config set hstsMaxAge 31536000",
    );
  });

  test("pem source without the chain or the key", () => {
    expect(problems({ domain: "dev.example.com", certificateSource: "pem" })).toEqual([
      "certificatePem is not set (certificateSource pem); pulumi config set --secret certificatePem < fullchain.pem",
      "privateKeyPem is not set (certificateSource pem); pulumi config set --secret privateKeyPem < privkey.pem",
    ]);
  });

  // What a message means, not its wording: the key it names, why (a phrase), and the command that fixes it.
  test.each([
    [
      { tlsPolicy: "tls_cipher_policy_1_0" },
      "tlsPolicy",
      /allows TLS below 1\.2/,
      "pulumi config set tlsPolicy tls_cipher_policy_1_2_strict_with_1_3",
    ],
    [
      { tlsPolicy: "modern" },
      "tlsPolicy",
      /is not tls_cipher_policy_1_2, tls_cipher_policy_1_2_strict or tls_cipher_policy_1_2_strict_with_1_3/,
      "pulumi config set tlsPolicy",
    ],
    [
      { certificateSource: "letsencrypt" },
      "certificateSource",
      /is not acme, pem, cas or selfSigned/,
      "pulumi config set certificateSource acme",
    ],
    [{ environment: "staging" }, "environment", /is not dev or prod/, "pulumi config set environment prod"],
    [{ instanceCount: "two" }, "instanceCount", /is not a whole number/, "pulumi config set instanceCount 2"],
    [{ instanceCount: "21" }, "instanceCount", /outside 0-20/, "pulumi config set instanceCount 2"],
    [{ instanceCount: "2", zoneCount: "3" }, "zoneCount", /cannot each hold one of 2 instances/, "set zoneCount at most instanceCount"],
    [{ backendPort: "80" }, "backendPort", /outside 1024-65535 \(nginx holds port 80/, "pulumi config set backendPort 3000"],
    [{ instanceType: "large" }, "instanceType", /is not an ECS instance type/, "pulumi config set instanceType ecs.c7.large"],
    [{ appImage: "Bad Image!" }, "appImage", /is not a container image reference/, "pulumi config set appImage registry-vpc."],
    [{ healthPath: "api/health" }, "healthPath", /is not a URL path .* starting with "\/"/, "pulumi config set healthPath /api/health"],
    [{ apiBasePath: "/api?v=1" }, "apiBasePath", /\(no query\)/, "pulumi config set apiBasePath /api"],
    [{ maxUploadSize: "20MB" }, "maxUploadSize", /is not an nginx size/, "pulumi config set maxUploadSize 20m"],
    // 0 is nginx's "no limit" (a 64 MiB body reached the app); the largest values fail nginx -t on the instance.
    [
      { maxUploadSize: "0" },
      "maxUploadSize",
      /"0" is outside 1 byte to 1g: 0 would switch nginx's body limit off/,
      "pulumi config set maxUploadSize 20m",
    ],
    [{ maxUploadSize: "0m" }, "maxUploadSize", /outside 1 byte to 1g/, "pulumi config set maxUploadSize 20m"],
    [{ maxUploadSize: "99999999999g" }, "maxUploadSize", /"99999999999g" is outside 1 byte to 1g/, "pulumi config set maxUploadSize 20m"],
    [{ maxUploadSize: "1025m" }, "maxUploadSize", /outside 1 byte to 1g/, "pulumi config set maxUploadSize 20m"],
    [
      { sshAllowedCidrs: '["10.0.0.0/33"]' },
      "sshAllowedCidrs",
      /prefix length outside 0-32/,
      "pulumi config set --path 'sshAllowedCidrs[0]' 203.0.113.0/24",
    ],
    [{ sshAllowedCidrs: "{}" }, "sshAllowedCidrs", /expected a list of strings/, "pulumi config set --path 'sshAllowedCidrs[0]'"],
    [{ protect: "yes" }, "protect", /is not auto, true or false/, "pulumi config set protect auto"],
    [{ icpLicense: "12345" }, "icpLicense", /is not an ICP filing number/, "pulumi config set icpLicense '京ICP备12345678号-1'"],
    [
      { minDaysRemaining: "90" },
      "minDaysRemaining",
      /outside 1-60 \(Let's Encrypt certificates last 90 days\)/,
      "pulumi config set minDaysRemaining 30",
    ],
    [
      { "alicloud:region": "Hangzhou" },
      "alicloud:region",
      /is not an Alibaba Cloud region id/,
      "pulumi config set alicloud:region cn-hangzhou",
    ],
  ])("%j", (values, key, why, fix) => {
    const found = problems({ ...devBase, ...values });
    expect(found).toHaveLength(1);
    expect(found[0].startsWith(`${key}:`)).toBe(true);
    expect(found[0]).toMatch(why);
    expect(found[0]).toContain(fix);
  });

  test("SSH open to the internet (half of it, or a public /8, counts): an error in prod, a warning in dev", () => {
    for (const [cidr, prefix] of [
      ["0.0.0.0/0", 8],
      ["128.0.0.0/1", 8],
      ["1.0.0.0/8", 8],
      ["::/1", 32],
      ["2001:db8::/32", 32],
    ]) {
      expect(problems({ ...prodBase, sshAllowedCidrs: JSON.stringify([cidr]) }, "prod")).toEqual([
        `sshAllowedCidrs: "${cidr}" opens SSH to the internet (a /${prefix} or wider counts); list your office or bastion range instead`,
      ]);
    }
    expect(resolveStackConfig(input({ ...devBase, sshAllowedCidrs: '["0.0.0.0/1"]' })).warnings).toContain(
      'sshAllowedCidrs: "0.0.0.0/1" opens SSH to the internet (a /8 or wider counts); list your office or bastion range instead',
    );
    expect(() => resolveStackConfig(input({ ...prodBase, sshAllowedCidrs: '["10.0.0.0/8"]' }, "prod"))).not.toThrow();
  });

  test("tls_cipher_policy_1_2 (no forward secrecy for some suites): an error in prod, a warning in dev", () => {
    expect(problems({ ...prodBase, tlsPolicy: "tls_cipher_policy_1_2" }, "prod")).toEqual([
      "tlsPolicy: tls_cipher_policy_1_2 still offers cipher suites without forward secrecy (RSA key exchange, " +
        "3DES), which the verifier fails: pulumi config set tlsPolicy tls_cipher_policy_1_2_strict_with_1_3",
    ]);
    expect(resolveStackConfig(input({ ...devBase, tlsPolicy: "tls_cipher_policy_1_2" })).warnings).toContainEqual(
      expect.stringContaining("tlsPolicy: tls_cipher_policy_1_2 still offers cipher suites without forward secrecy"),
    );
    expect(() => resolveStackConfig(input({ ...prodBase, tlsPolicy: "tls_cipher_policy_1_2_strict" }, "prod"))).not.toThrow();
  });

  test("the error message lists every problem under the stack's file name", () => {
    expect(() => resolveStackConfig(input({ domain: "localhost", tlsPolicy: "x", certificateSource: "selfSigned" }))).toThrow(
      /^invalid config for stack "dev" \(Pulumi\.dev\.yaml\):\n {2}- tlsPolicy: "x" is not .*\n {2}- domain "localhost" is localhost/,
    );
  });
});

describe("stack config: the region", () => {
  test("a region the provider does not accept is refused before the provider starts, with the region meant", () => {
    const [found, ...others] = problems({ ...devBase, "alicloud:region": "cn-hanzhou" });
    expect(others).toEqual([]);
    expect(found.startsWith("alicloud:region:")).toBe(true);
    expect(found).toContain("did you mean cn-hangzhou?");
    expect(found).toContain("pulumi config set alicloud:region cn-hangzhou");
  });

  test("a region newer than the provider passes once the provider's own check is off", () => {
    const values = { ...devBase, "alicloud:region": "cn-newcity", "alicloud:skipRegionValidation": "true" };
    expect(resolveStackConfig(input(values)).settings.region).toBe("cn-newcity");
  });
});

describe("stack config: keys nothing reads are refused with the nearest known key", () => {
  test.each([
    ["wechat-https-backend:domian", "did you mean domain?"],
    ["wechat-https-backend:tlspolicy", "did you mean tlsPolicy?"],
    ["wechat-https-backend:instancecount", "did you mean instanceCount?"],
    ["alicloud:regoin", "did you mean alicloud:region?"],
    ["alicloud:acessKey", "did you mean alicloud:accessKey?"],
    ["wechat-http-backend:domain", "did you mean wechat-https-backend:domain?"],
  ])("%s", (key, suggestion) => {
    const found = problems({ ...devBase, [key]: "x" });
    expect(found).toHaveLength(1);
    expect(found[0].startsWith(`${key} `)).toBe(true);
    expect(found[0]).toContain(suggestion);
    expect(found[0]).toContain(`pulumi config rm ${key}`);
  });

  test("a key far from every known one is refused without a guess", () => {
    const [found] = problems({ ...devBase, "wechat-https-backend:databaseUrl": "postgres://" });
    expect(found).toMatch(/^wechat-https-backend:databaseUrl is not a config key of this stack/);
    expect(found).not.toContain("did you mean");
  });

  test("keys of other namespaces (another provider, pulumi:) are not ours to judge", () => {
    expect(resolveStackConfig(input({ ...devBase, "acme:serverUrl": "x", "pulumi:tags": "{}" })).settings.domain).toBe("dev.example.com");
  });

  test("a typo is reported even when the key it stands for has a default, which would otherwise apply silently", () => {
    const found = problems({ ...devBase, "wechat-https-backend:hstsMaxage": "63072000" });
    expect(found).toEqual([expect.stringContaining("did you mean hstsMaxAge?")]);
  });
});

describe("stack config: certificate sources", () => {
  const acme = { domain: "dev.example.com", acmeEmail: "ops@example.com" };

  test("acme is the default source: Let's Encrypt production, RSA 2048, renewal 30 days before expiry", () => {
    expect(resolveStackConfig(input(acme)).settings.certificate).toEqual({
      source: "acme",
      email: "ops@example.com",
      serverUrl: "https://acme-v02.api.letsencrypt.org/directory",
      staging: false,
      keyAlgorithm: "rsa2048",
      minDaysRemaining: 30,
    });
  });

  test("acme needs no contact address (Let's Encrypt sends no expiry emails since 2025-06-04); one that is set must be an address", () => {
    const { settings } = resolveStackConfig(input({ domain: "dev.example.com" }));
    expect(settings.certificate).toMatchObject({ source: "acme", email: "" });
    expect(problems({ ...acme, acmeEmail: "ops" })).toEqual([
      'acmeEmail: "ops" is not an email address; e.g. pulumi config set acmeEmail ops@your-domain.com',
    ]);
  });

  test("an example acmeEmail: remove it, since Let's Encrypt needs no contact and has sent no expiry emails since June 4, 2025", () => {
    const warningAbout = (locale: "en" | "zh-CN") =>
      resolveStackConfig({ ...input(acme), locale }).warnings.find((w) => w.startsWith("acmeEmail"));
    expect(warningAbout("en")).toBe(
      "acmeEmail is an address at example.com, an example domain. Let's Encrypt needs no contact and has sent no expiry emails " +
        "since June 4, 2025 (the stack's monitoring warns before a certificate expires): remove it, pulumi config rm acmeEmail, " +
        "or set an address of yours for a CA that wants one",
    );
    expect(warningAbout("zh-CN")).toBe(
      "acmeEmail 是示例域名 example.com 下的邮箱。Let's Encrypt 不需要联系邮箱，自 2025 年 6 月 4 日起也不再发送到期提醒邮件" +
        "（证书到期前由本栈的监控报警）：请删除它（pulumi config rm acmeEmail），或者为需要联系邮箱的 CA 设置你自己的邮箱",
    );
  });

  test("staging: a warning in dev, an error in prod", () => {
    const staging =
      "acmeServer: staging certificates come from an untrusted test CA and phones reject them; use production once a trial works";
    const dev = resolveStackConfig(input({ ...acme, acmeServer: "staging" }));
    expect(dev.settings.certificate).toMatchObject({ serverUrl: "https://acme-staging-v02.api.letsencrypt.org/directory", staging: true });
    expect(dev.warnings).toContain(staging);
    expect(problems({ ...prodBase, certificateSource: "acme", acmeEmail: "ops@example.com", acmeServer: "staging" }, "prod")).toEqual([
      staging,
    ]);
  });

  test("an ECDSA key is refused because CLB serves RSA certificates only", () => {
    const [refused, ...others] = problems({ ...acme, acmeKeyAlgorithm: "ecdsaP256" });
    expect(others).toEqual([]);
    expect(refused).toMatch(/^acmeKeyAlgorithm: "ecdsaP256" cannot be used: Alibaba Cloud CLB serves RSA certificates only/);
    expect(refused).toContain("use rsa2048 or rsa4096");
  });

  test("another ACME directory is accepted with a warning; nonsense is not", () => {
    const other = resolveStackConfig(input({ ...acme, acmeServer: "https://acme.example.net/directory" }));
    expect(other.settings.certificate).toMatchObject({ serverUrl: "https://acme.example.net/directory" });
    expect(other.warnings).toContain(
      "acmeServer: https://acme.example.net/directory is not Let's Encrypt; make sure phones trust the CA behind it",
    );
    expect(problems({ ...acme, acmeServer: "letsencrypt" })).toEqual([
      'acmeServer: "letsencrypt" is not production, staging or an https:// ACME directory URL; e.g. pulumi config set acmeServer production',
    ]);
  });

  test("minDaysRemaining outside 1-60", () => {
    expect(problems({ ...acme, minDaysRemaining: "90" })).toEqual([
      "minDaysRemaining: 90 is outside 1-60 (Let's Encrypt certificates last 90 days); e.g. pulumi config set minDaysRemaining 30",
    ]);
  });

  test("cas needs a numeric certificate id and warns about the international site", () => {
    expect(problems({ domain: "dev.example.com", certificateSource: "cas" })).toEqual([
      "alicloudCertificateId is not set (certificateSource cas); copy the id from the SSL Certificates " +
        "Service console: pulumi config set alicloudCertificateId 12345678",
    ]);
    const cas = resolveStackConfig(input({ domain: "dev.example.com", certificateSource: "cas", alicloudCertificateId: "8765" }));
    expect(cas.settings.certificate).toEqual({ source: "cas", certificateId: "8765", region: "cn-hangzhou", minDaysRemaining: 30 });
    expect(cas.warnings).toContain(
      "certificateSource cas: Alibaba Cloud's international site does not offer certificates from SSL Certificates Service to CLB; use pem or acme there",
    );
  });
});

describe("stack config: verification after deploy", () => {
  test("auto is on in prod and off in dev", () => {
    expect(resolveStackConfig(input({ ...prodBase }, "prod")).settings.verifyAfterDeploy).toBe(true);
    expect(resolveStackConfig(input(devBase)).settings.verifyAfterDeploy).toBe(false);
    expect(resolveStackConfig(input({ ...prodBase, verifyAfterDeploy: "false" }, "prod")).settings.verifyAfterDeploy).toBe(false);
  });

  test("cannot pass with a certificate phones do not trust", () => {
    expect(problems({ ...devBase, verifyAfterDeploy: "true" })).toEqual([
      "verifyAfterDeploy: the verifier's chain check cannot pass with a self-signed certificate, which phones " +
        "do not trust either; set verifyAfterDeploy false, or use a trusted certificate",
    ]);
    expect(problems({ domain: "dev.example.com", acmeEmail: "ops@example.com", acmeServer: "staging", verifyAfterDeploy: "true" })).toEqual(
      [
        "verifyAfterDeploy: the verifier's chain check cannot pass with a Let's Encrypt staging certificate, " +
          "which phones do not trust either; set verifyAfterDeploy false, or use a trusted certificate",
      ],
    );
  });
});

describe("stack config: edge", () => {
  test("defaults to the load balancer", () => {
    expect(resolveStackConfig(input(devBase)).settings.edge).toBe("loadBalancer");
  });

  test("edge instance runs one instance in one zone, in dev and in prod", () => {
    expect(resolveStackConfig(input({ ...devBase, edge: "instance" })).settings).toMatchObject({
      edge: "instance",
      instanceCount: 1,
      zoneCount: 1,
    });
    const prod = resolveStackConfig(input({ ...prodBase, edge: "instance" }, "prod"));
    expect(prod.settings).toMatchObject({ edge: "instance", instanceCount: 1, zoneCount: 1, protect: true });
    // Prod's two-instance rule gives way to a warning that says what is given up and the way back.
    expect(prod.warnings).toContainEqual(
      expect.stringMatching(/^edge: instance in prod serves from one instance in one zone: .*pulumi config set edge loadBalancer/),
    );
    expect(prod.warnings.join("\n")).not.toMatch(/instanceCount: prod needs/);
  });

  test("more than one instance or zone is refused with the key and the fix", () => {
    expect(problems({ ...devBase, edge: "instance", instanceCount: "2", zoneCount: "2" })).toEqual([
      expect.stringMatching(
        /^instanceCount: edge instance serves from exactly one instance .*not 2: pulumi config set instanceCount 1, or pulumi config set edge loadBalancer/,
      ),
      expect.stringMatching(/^zoneCount: edge instance runs in one zone, not 2: pulumi config set zoneCount 1/),
    ]);
  });

  test("a tlsPolicy other than the strict one is said to be unused at the instance edge, not refused in prod", () => {
    const { warnings } = resolveStackConfig(input({ ...prodBase, edge: "instance", tlsPolicy: "tls_cipher_policy_1_2" }, "prod"));
    expect(warnings).toContainEqual(
      expect.stringMatching(/^tlsPolicy: tls_cipher_policy_1_2 applies to the load balancer only; .*pulumi config rm tlsPolicy$/),
    );
  });

  test("an edge that is neither is refused, naming both", () => {
    expect(problems({ ...devBase, edge: "nginx" })).toEqual([expect.stringMatching(/^edge: "nginx" is not .*loadBalancer.*instance/)]);
  });
});
