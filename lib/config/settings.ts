// The settings of one environment, as the stack config resolves them and the HttpsBackend component
// takes them: the types shared by the config (which produces them) and the components (which
// consume them), so neither imports the other's module.
import type { TlsPolicy } from "../constants";
import type { Locale } from "../i18n";
import type { CertificateSummary } from "../certificates/checkCertificate";
import type { DnsChallengeCredentials } from "./dnsChallenge";
import type { AcmeKeyAlgorithm, Edge } from "./keys";
import type { Robot } from "../monitoring/robots";
import type { MonitoringNames } from "../monitoring/names";

export type Environment = "dev" | "prod";

/**
 * A secret config value. `known: false` is a value the offline plan cannot read (a `secure:`
 * ciphertext only the Pulumi CLI decrypts); the program treats it as an unknown secret.
 */
export type SecretValue = { readonly known: true; readonly value: string } | { readonly known: false };

export interface BackendSettings {
  /** dev or prod: names the environment in tags and on the instances. */
  readonly environment: Environment;
  /** What faces the internet: the load balancer, or the one instance with an EIP (nginx ends TLS). */
  readonly edge: Edge;
  /** Host name the mini program calls, ASCII lower case. */
  readonly domain: string;
  /** Alibaba Cloud DNS zone holding the record. */
  readonly dnsZone: string;
  /** Record name inside the zone, "@" for the apex. */
  readonly recordName: string;
  /** TLS policy of the HTTPS listener (edge loadBalancer; the instance edge's nginx is as strict as the strictest). */
  readonly tlsPolicy: TlsPolicy;
  /** HSTS max-age the instances send, seconds. */
  readonly hstsMaxAge: number;
  /** Number of instances. */
  readonly instanceCount: number;
  /** Number of zones they spread over. */
  readonly zoneCount: number;
  /** Instance type; undefined: looked up, and kept once deployed. */
  readonly instanceType?: string;
  /** System image; undefined: looked up, and kept once deployed. */
  readonly imageId?: string;
  /** Zones of the vSwitches, in order; undefined: looked up, and kept once deployed. */
  readonly zoneIds?: readonly string[];
  /** Seconds a new instance may take to become ready; drives every readiness timeout. */
  readonly readinessTimeoutSeconds: number;
  /** Port of the app inside each instance. */
  readonly backendPort: number;
  /** Container image of the app; undefined: the built-in health app. */
  readonly appImage?: string;
  /** The app container's environment, identity and registry login. */
  readonly app: AppSettings;
  /** Health path (load balancer check, verifier). */
  readonly healthPath: string;
  /** Base path of the API, for apiBaseUrl. */
  readonly apiBasePath: string;
  /** nginx client_max_body_size. */
  readonly maxUploadSize: string;
  /** Ranges allowed to SSH; empty: closed. */
  readonly sshAllowedCidrs: readonly string[];
  /** Protect the load balancer or the instance edge's EIP (and their delete protection) and the DNS records. */
  readonly protect: boolean;
  /** Run the HTTPS verifier against the edge after a change, failing the update when a check fails. */
  readonly verifyAfterDeploy: boolean;
  /** Days the certificate must stay valid (the verifier's --min-days). */
  readonly minDaysRemaining: number;
  /** Path of the WeChat Pay notify_url on the domain; undefined: no payNotifyUrl. */
  readonly payNotifyPath?: string;
  /** Path of the message push (消息推送) URL on the domain; undefined: no messagePushUrl. */
  readonly messagePushPath?: string;
  /** WeChat domain verification files nginx serves at the domain root: file name to content; empty: none. */
  readonly wechatVerifyFiles: Readonly<Record<string, string>>;
  /** Scheduled verifier, site monitor, alarms and access logs; undefined when monitoring is off. */
  readonly monitoring?: MonitoringSettings;
}

/** A CloudMonitor site monitor probe point: carrier (isp) and city ids, and optionally the network type. */
export interface SiteMonitorProbe {
  readonly isp: string;
  readonly city: string;
  readonly type?: "IDC" | "LASTMILE" | "MOBILE";
}

export interface MonitoringSettings {
  /** Region of the stack: the function, the log project and the bucket live there. */
  readonly region: string;
  /** Names of the monitoring resources in the cloud (stable per stack); the globally unique ones also take the account. */
  readonly names: MonitoringNames;
  /** Function Compute timer expression of the scheduled verifier. */
  readonly verifySchedule: string;
  /** Days Log Service keeps logs. */
  readonly logRetentionDays: number;
  /** CloudMonitor alarm contacts (email). */
  readonly alertEmails: readonly string[];
  /** Group robots, a secret; unknown when the offline plan cannot read the stack's secret. */
  readonly robots: { readonly known: true; readonly value: readonly Robot[] } | { readonly known: false };
  /** Where the site monitor probes from. */
  readonly siteMonitorProbes: readonly SiteMonitorProbe[];
  /** The language of the robot alerts. */
  readonly alertLanguage: Locale;
  /** Whether the alarms name the function as a target, which relays them to the robots. */
  readonly relayAlarms: boolean;
}

/** How the instances log in to pull appImage. */
export type RegistrySettings =
  | {
      readonly kind: "acr";
      /** Registry host of appImage (the instance's VPC endpoint). */
      readonly host: string;
      /** ACR Enterprise Edition instance id, cri-... */
      readonly instanceId: string;
      /** namespace/repository of appImage. */
      readonly repository: string;
    }
  | {
      readonly kind: "password";
      readonly host: string;
      readonly username: string;
      readonly password: SecretValue;
    };

export interface AppSettings {
  /** Plain variables (appEnv), besides the ones the stack sets. */
  readonly env: Readonly<Record<string, string>>;
  /** Secret variables (appSecrets), by name. */
  readonly secrets: Readonly<Record<string, SecretValue>>;
  /** docker run --user. */
  readonly user: string;
  /** Registry login for the pull; undefined: anonymous. */
  readonly registry?: RegistrySettings;
}

export type CertificateSettings =
  | {
      readonly source: "acme";
      /** Contact address of the ACME account. */
      readonly email: string;
      /** ACME directory URL. */
      readonly serverUrl: string;
      /** true for Let's Encrypt staging (untrusted by phones). */
      readonly staging: boolean;
      readonly keyAlgorithm: AcmeKeyAlgorithm;
      /** Renew when fewer days are left. */
      readonly minDaysRemaining: number;
      /** What the DNS-01 challenge authenticates with; undefined when none are visible (the offline plan). */
      readonly dnsCredentials?: DnsChallengeCredentials;
    }
  | {
      readonly source: "pem";
      /** The chain, leaf first. */
      readonly certificatePem?: SecretValue;
      /** The unencrypted private key. */
      readonly privateKeyPem?: SecretValue;
      /** What the checks read from the chain, when the stack could read it. */
      readonly summary?: CertificateSummary;
      /** Extra roots the chain may lead to (trustedRootsPem: private PKI); the deploy check trusts them too. */
      readonly trustedRootsPem?: string;
    }
  | {
      readonly source: "cas";
      /** Certificate id in SSL Certificates Service. */
      readonly certificateId: string;
      readonly region: string;
      readonly minDaysRemaining: number;
    }
  | { readonly source: "selfSigned" };

/** One stack's validated settings: the environment's settings, the certificate as configured, and what only the stack needs. */
export interface StackSettings extends BackendSettings {
  readonly stack: string;
  readonly region: string;
  readonly icpLicense?: string;
  readonly certificate: CertificateSettings;
}
