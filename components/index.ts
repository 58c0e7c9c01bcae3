export { AppRuntime, type AppRuntimeArgs } from "./appRuntime";
export { BackendInstances, type BackendInstancesArgs } from "./backendInstances";
export { Certificate, type CertificateArgs, type CertificateSourceArgs } from "./certificate";
export { DeployVerification, type DeployVerificationArgs } from "./deployVerification";
export { DnsRecords, type DnsRecordsArgs } from "./dnsRecords";
export { HttpsBackend, type HttpsBackendArgs } from "./httpsBackend";
export { HttpsLoadBalancer, type HttpsLoadBalancerArgs } from "./httpsLoadBalancer";
export { Monitoring, type MonitoringArgs } from "./monitoring";
export { Network, type NetworkArgs } from "./network";
