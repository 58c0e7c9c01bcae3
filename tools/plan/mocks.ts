// The Pulumi mocks of this project, shared by the tests and the offline plan: they record every
// resource the program registers and answer the provider functions it calls the way the provider
// would, from a described region and account (cloudCatalog.ts: filters, orders and refusals as the
// provider's data sources have them). Three modes:
// - "plan": values only the cloud knows (ids, addresses, lookup results) come back unknown, so the
//   plan shows "known after apply" instead of invented values; a lookup the provider would refuse
//   fails here too;
// - "preview": what the real `pulumi preview` knows of an account the catalog describes: lookups run
//   (as the engine runs them at preview), ids and computed outputs stay unknown; the engine tests
//   hold the real preview against it;
// - "test": they come back as fixed, obviously fake values, and lookups as the catalog answers them,
//   so tests can follow one resource's output into another's input.
import * as pulumi from "@pulumi/pulumi";
import { alidnsDomainsLookup, defaultCatalog, imagesLookup, instanceTypesLookup, zonesLookup, type CloudCatalog } from "./cloudCatalog";

export type MockMode = "plan" | "preview" | "test";

export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  /** Inputs as the provider would receive them (secrets wrapped, unknowns marked). */
  readonly inputs: Record<string, unknown>;
  /** The id the mock gave it (test mode). */
  readonly id?: string;
  /** Its outputs as the mock returned them. */
  readonly state: Record<string, unknown>;
  /** Reference to an explicit provider ("<urn>::<id>"), when the program set one. */
  readonly provider?: string;
}

export interface RecordedInvoke {
  readonly token: string;
  readonly inputs: Record<string, unknown>;
}

/**
 * A real but worthless certificate (its key was thrown away) for example.com and *.example.com,
 * valid until 2126: what the mocks return where a CA or SSL Certificates Service would return one.
 */
const MOCK_CERTIFICATE_PEM = `-----BEGIN CERTIFICATE-----
MIIDqjCCApKgAwIBAgIUIaZNY1nV8841oI1db6YM5vYBBM8wDQYJKoZIhvcNAQEL
BQAwUDEjMCEGA1UECgwad2VjaGF0LWh0dHBzLWJhY2tlbmQgbW9ja3MxKTAnBgNV
BAMMIG1vY2sgY2VydGlmaWNhdGUsIG5vdCBhIHJlYWwgb25lMCAXDTI2MTEyNDAz
MTk0OVoYDzIxMjYxMDMxMDMxOTQ5WjBQMSMwIQYDVQQKDBp3ZWNoYXQtaHR0cHMt
YmFja2VuZCBtb2NrczEpMCcGA1UEAwwgbW9jayBjZXJ0aWZpY2F0ZSwgbm90IGEg
cmVhbCBvbmUwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQC5Sp8EGYJo
AeSpZMtk5tUDPwbj0HHVDce+ubPIGXK8OO/tXju/tDTn91UVzwnh//y/zGmWydKk
9Jnyb6YSO+mBvbDMIhv1XadvPVrf7sdADJWmDGj8b+pDG2sY88ubp0/Aewpy369v
Y5FAB/Z/5S/Umh0HbxuK13Id1hOr/35HlmE/0jYARGwENJ3e6ctGEPNiFo8LQ3UA
fVM6SVumrN92tozFjJtHgOs8nNt3QeZeQxkaiSwYurkE76n4HCLw2DolUo3/AApP
qlnoKXI70cMugZ2uAOE1Uvzry0zWOactEHvN1ob+WSxHxHH1uTR4+kfW6hBcB4h2
E+KYd2kfl5t/AgMBAAGjejB4MB0GA1UdDgQWBBRPRkX5E5YI8Dwp+wviGEPpAhVP
GjAfBgNVHSMEGDAWgBRPRkX5E5YI8Dwp+wviGEPpAhVPGjAPBgNVHRMBAf8EBTAD
AQH/MCUGA1UdEQQeMByCC2V4YW1wbGUuY29tgg0qLmV4YW1wbGUuY29tMA0GCSqG
SIb3DQEBCwUAA4IBAQB+tGqh5EUYmSwNZ1V8SRK40vo2JNA84gom4rymc8Je4SSv
7Ab3KlhukoneyyIcT9iYxZxNFenutpGG7rhNqCxTsknVNqAjIuW5OP/8Um2wHCUb
3aVWOz9DEeSYfxOkAR7pqcFkmyeY9UlJtMJlGqTxRIo2NxZR+l8VyoJizveGEDut
nN/rNG07sHXKF+/kuXgj1Kh+IARXpmjl02AciZwypfSwFSxr2RezuHegyHXHsdgJ
jMOsv1FpKy22TdiECN5i9hLMZNk6NNGJjrPvt3TOVVy1HbzWxrXdnFMwTNYQJCgg
iLDaHCJq74xVEdw/I6IpEEwhvDBhBFik/fLkrMDw
-----END CERTIFICATE-----
`;

/** What the mock returns, in test mode, for values only the cloud knows. */
export const FAKE = {
  certificatePem: MOCK_CERTIFICATE_PEM,
  casCertificateId: "12345678",
  loadBalancerAddress: "203.0.113.10",
  /** The instance edge's EIP. */
  eipAddress: "203.0.113.20",
  accountId: "1234567890123456",
} as const;

type Outputs = (inputs: Record<string, unknown>, name: string, index: number, region: string) => Record<string, unknown>;

/** Outputs each resource type computes in the cloud, beyond echoing its inputs (test mode values). */
const COMPUTED: Record<string, Outputs> = {
  "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer": () => ({
    address: FAKE.loadBalancerAddress,
    status: "active",
  }),
  "alicloud:ecs/instance:Instance": (_inputs, _name, index) => ({
    privateIp: `10.0.${index % 256}.${10 + Math.floor(index / 256)}`,
    status: "Running",
  }),
  "alicloud:ecs/ecsInvocation:EcsInvocation": () => ({ status: "Success" }),
  "alicloud:ecs/eipAddress:EipAddress": () => ({ ipAddress: FAKE.eipAddress, status: "Available" }),
  "alicloud:slb/serverCertificate:ServerCertificate": (_inputs, name) => ({ name }),
  // The ARN forms the providers return (ram Role arn; FC 3.0 CreateFunction's functionArn).
  "alicloud:ram/role:Role": (inputs) => ({ arn: `acs:ram::${FAKE.accountId}:role/${String(inputs.roleName).toLowerCase()}` }),
  "alicloud:fc/v3Function:V3Function": (inputs, _name, _index, region) => ({
    functionArn: `acs:fc:${region}:${FAKE.accountId}:functions/${String(inputs.functionName)}`,
  }),
  "tls:index/certRequest:CertRequest": () => ({
    certRequestPem: "-----BEGIN CERTIFICATE REQUEST-----\nmock\n-----END CERTIFICATE REQUEST-----\n",
  }),
  "acme:index/registration:Registration": () => ({ registrationUrl: "https://acme.invalid/acct/1" }),
  "acme:index/certificate:Certificate": () => ({
    certificatePem: FAKE.certificatePem,
    issuerPem: "",
    certificateNotAfter: "2126-10-31T03:19:49Z",
    certificateDomain: "example.com",
    certificateUrl: "https://acme.invalid/cert/1",
  }),
  // One per key, so the plan diff can tell which key an input came from.
  "tls:index/privateKey:PrivateKey": (_inputs, name) => ({
    privateKeyPem: `-----BEGIN PRIVATE KEY-----\nmock ${name}\n-----END PRIVATE KEY-----\n`,
    publicKeyPem: `-----BEGIN PUBLIC KEY-----\nmock ${name}\n-----END PUBLIC KEY-----\n`,
  }),
  "tls:index/selfSignedCert:SelfSignedCert": (inputs) => ({
    certPem: FAKE.certificatePem,
    validityStartTime: "2026-01-01T00:00:00Z",
    validityEndTime: new Date(Date.parse("2026-01-01T00:00:00Z") + Number(inputs.validityPeriodHours ?? 0) * 3_600_000).toISOString(),
  }),
};

type Answer = (inputs: Record<string, unknown>, catalog: CloudCatalog) => Record<string, unknown>;

/** Provider functions the program may call, answered from the catalog the way the provider would. */
const INVOKES: Record<string, Answer> = {
  "alicloud:ecs/getInstanceTypes:getInstanceTypes": (inputs, catalog) => instanceTypesLookup(catalog, inputs),
  "alicloud:index/getZones:getZones": (inputs, catalog) => zonesLookup(catalog, inputs),
  "alicloud:ecs/getImages:getImages": (inputs, catalog) => imagesLookup(catalog, inputs),
  "alicloud:dns/getAlidnsDomains:getAlidnsDomains": (inputs, catalog) => alidnsDomainsLookup(catalog, inputs),
  "alicloud:cas/getServiceCertificates:getServiceCertificates": (inputs) => ({
    id: "cas",
    ids: inputs.ids ?? [],
    certificates: ((inputs.ids as string[] | undefined) ?? [])
      .filter((id) => id === FAKE.casCertificateId)
      .map((id) => ({
        id,
        certId: id,
        // The provider fills both from the API's Name (data_source_alicloud_ssl_certificates_service_certificates.go);
        // `name` is deprecated and due to go.
        name: "example.com (mock)",
        certificateName: "example.com (mock)",
        cert: FAKE.certificatePem,
        key: "",
        expired: false,
      })),
  }),
  "alicloud:index/getCallerIdentity:getCallerIdentity": () => ({
    id: FAKE.accountId,
    accountId: FAKE.accountId,
    arn: `acs:ram::${FAKE.accountId}:user/deployer`,
    identityType: "RAMUser",
  }),
};

/** What the mocks know of a deployed stack, to show what its next preview sees (test mode). */
export interface MockOptions {
  /**
   * Resource types previewed as being created, as `pulumi preview` has them: unknown id and computed
   * outputs (a deployed stack whose state lost them, e.g. to a refresh).
   */
  readonly previewCreates?: readonly string[];
  /**
   * Outputs the deployed resources of these names report where they differ from the program's inputs:
   * what ignoreChanges keeps (the engine passes the deployed value on for an ignored input).
   */
  readonly deployed?: Readonly<Record<string, Record<string, unknown>>>;
}

export class ProjectMocks implements pulumi.runtime.Mocks {
  readonly resources: RecordedResource[] = [];
  readonly invokes: RecordedInvoke[] = [];
  private readonly countByType = new Map<string, number>();

  /** What the region and account offer; default: defaultCatalog(region). */
  readonly catalog: CloudCatalog;

  constructor(
    readonly mode: MockMode,
    readonly region = "cn-hangzhou",
    catalog?: CloudCatalog,
    readonly options: MockOptions = {},
  ) {
    this.catalog = catalog ?? defaultCatalog(region);
  }

  newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, unknown> } {
    const index = this.countByType.get(args.type) ?? 0;
    this.countByType.set(args.type, index + 1);
    const computed = COMPUTED[args.type]?.(args.inputs, args.name, index, this.region) ?? {};
    const known = this.mode === "test" && !(this.options.previewCreates ?? []).includes(args.type);
    const id = known ? `${args.name}-id` : undefined;
    // Before apply (plan and preview modes, and types a test previews as being created) every
    // computed output is the engine's "unknown" marker.
    const state = {
      ...args.inputs,
      ...Object.fromEntries(Object.entries(computed).map(([key, value]) => [key, known ? value : pulumi.runtime.unknownValue])),
      ...(this.mode === "test" ? this.options.deployed?.[args.name] : undefined),
    };
    this.resources.push({
      type: args.type,
      name: args.name,
      custom: args.custom ?? true,
      inputs: args.inputs,
      id,
      state,
      provider: args.provider || undefined,
    });
    return { id, state };
  }

  call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    const answer = INVOKES[args.token];
    if (!answer) {
      throw new Error(
        `the program called ${args.token}, which the mocks do not know: add an answer shaped like the provider's to tools/plan/mocks.ts`,
      );
    }
    this.invokes.push({ token: args.token, inputs: args.inputs });
    // Answered in every mode, so a lookup the provider would refuse fails the offline plan too.
    const result = answer(args.inputs, this.catalog);
    return this.mode === "plan" ? unknownLike(result) : result;
  }

  /** Registered resources of a type, in registration order. */
  ofType(type: string): RecordedResource[] {
    return this.resources.filter((r) => r.type === type);
  }
}

/** Every leaf of a lookup result replaced by the unknown marker: what a lookup is before it runs. */
function unknownLike(result: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(result).map((key) => [key, pulumi.runtime.unknownValue]));
}
