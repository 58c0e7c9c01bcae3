import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import type { MonitoringSettings } from "../lib/config/settings";
import { RENEW_EVERY_DAYS } from "../lib/monitoring/defaults";
import { HANDLER, buildFunctionBundle } from "../lib/monitoring/bundle";
import { contactName, globalNames } from "../lib/monitoring/names";
import { SITE_MONITOR_OPTIONS, unsetOptionPaths } from "../lib/monitoring/siteMonitor";
import { DEFAULT_NGINX_PATHS } from "../lib/instance/nginx";
import { FUNCTION_ENV as ENV } from "../lib/monitoring/functionEnv";
import { unknownOutput } from "../lib/secretOutput";

/** Where the state bucket is mounted in the function. */
const STATE_MOUNT = "/mnt/monitor";

export interface MonitoringArgs {
  /** What the stack config resolved: schedule, robots, addresses, probe points, retention, names. */
  readonly settings: MonitoringSettings;
  /** Stack name, in alarm names and alerts. */
  readonly stack: string;
  /** Host name verified and probed. */
  readonly domain: string;
  /** Health path the site monitor and the verifier request. */
  readonly healthPath: string;
  /** Minimum HSTS max-age the verifier expects, seconds. */
  readonly hstsMinSeconds: number;
  /** Days the certificate must stay valid. */
  readonly minDaysRemaining: number;
  /** acme, pem, cas or selfSigned: alerts say who renews the certificate. */
  readonly certificateSource: string;
  /** The load balancer, for its unhealthy-backend and 5xx alarms; none at the instance edge (the site monitor watches it). */
  readonly loadBalancerId?: pulumi.Input<string>;
  /** The instances, for the CPU alarm. */
  readonly instanceIds: pulumi.Input<string>[];
  /** Tags for the resources that take them; default none. */
  readonly tags?: Record<string, string>;
}

/**
 * The full-text index's delimiters, Log Service's console default. Never left empty: the provider
 * sends the list as given and reads back what the service keeps (terraform-provider-alicloud
 * alicloud/resource_alicloud_log_store_index.go), so whatever the service makes of an empty list (a
 * refusal, its own default, no splitting at all) is a failed create, a diff on every preview or an
 * index that finds nothing; every example of the provider sets one (log_store_index.html.markdown).
 */
const LOG_INDEX_DELIMITERS = ", '\";=()[]{}?@&<>/:\n\t\r";

/** Alarm thresholds; CloudMonitor notifies on the change to alarm and on recovery. */
const ALARMS = {
  /** Percent of probe points that reached the health URL in a minute; below it for 3 minutes alarms. */
  availabilityPercent: 80,
  /** Any unhealthy backend for 3 one-minute periods. */
  unhealthyMinutes: 3,
  /** 5xx answers of the load balancer per second, on average, for 3 minutes. */
  status5xxPerSecond: 1,
  /** Instance CPU percent, on average, for 5 minutes. */
  cpuPercent: 85,
} as const;

/**
 * Watching one environment from outside and inside: the project's verifier on a schedule in
 * Function Compute (alerting group robots when a check starts failing and when it recovers),
 * CloudMonitor's site monitor probing the health URL from carriers in China, alarms on the load
 * balancer and the instances to an alarm contact group, and nginx's access logs in Log Service.
 */
export class Monitoring extends pulumi.ComponentResource {
  /** The scheduled verifier's function name. */
  readonly functionName: pulumi.Output<string>;
  /** The Log Service project holding the access logs and the function's logs. */
  readonly logProject: pulumi.Output<string>;
  /** The CloudMonitor alarm contact group. */
  readonly contactGroup: pulumi.Output<string>;

  constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super("wechat-https-backend:monitoring:Monitoring", name, {}, opts);
    const { settings } = args;
    const names = settings.names;
    const parent = { parent: this };
    const accountId = alicloud.getCallerIdentityOutput({ parent: this }).accountId;
    const global = accountId.apply((account) => globalNames(args.stack, settings.region, account));

    // Log Service: one project, a Logstore for the instances' nginx access logs, one for the function.
    const project = new alicloud.log.Project(
      `${name}-logs`,
      { projectName: global.logProject, description: `wechat-https-backend ${args.stack}: access and monitoring logs`, tags: args.tags },
      parent,
    );
    const store = (suffix: string, logstoreName: string): alicloud.log.Store => {
      const logstore = new alicloud.log.Store(
        `${name}-${suffix}`,
        { projectName: project.projectName, logstoreName, retentionPeriod: settings.logRetentionDays, shardCount: 1 },
        parent,
      );
      // Without an index a Logstore keeps data but cannot be searched.
      new alicloud.log.StoreIndex(
        `${name}-${suffix}-index`,
        {
          project: project.projectName,
          logstore: logstore.logstoreName,
          fullText: { caseSensitive: false, includeChinese: true, token: LOG_INDEX_DELIMITERS },
        },
        parent,
      );
      return logstore;
    };
    const accessLog = store("access-log", "nginx-access");
    const functionLog = store("function-log", "monitor-function");

    // CLB's own layer-7 access logs have no resource in either provider (only the console or the
    // SetAccessLogsDownloadAttribute API), so nginx's JSON access log is shipped instead, by
    // Logtail, from the instances that carry the machine group's custom identifier.
    const machines = new alicloud.log.MachineGroup(
      `${name}-machines`,
      { project: project.projectName, name: names.machineGroupId, identifyType: "userdefined", identifyLists: [names.machineGroupId] },
      parent,
    );
    const tail = new alicloud.log.LogTailConfig(
      `${name}-nginx`,
      {
        project: project.projectName,
        logstore: accessLog.logstoreName,
        name: "nginx-access-json",
        inputType: "file",
        outputType: "LogService",
        inputDetail: JSON.stringify({
          logType: "json_log",
          logPath: dirname(DEFAULT_NGINX_PATHS.accessLog),
          filePattern: basename(DEFAULT_NGINX_PATHS.accessLog),
          topicFormat: "none",
          discardUnmatch: false,
          enableRawLog: false,
          fileEncoding: "utf8",
          maxDepth: 0,
        }),
      },
      parent,
    );
    new alicloud.log.LogTailAttachment(
      `${name}-nginx-machines`,
      { project: project.projectName, logtailConfigName: tail.name, machineGroupName: machines.name },
      parent,
    );

    // The state of the scheduled verifier: one small object in a private bucket the function mounts.
    const bucket = new alicloud.oss.Bucket(
      `${name}-state`,
      {
        bucket: global.bucket,
        serverSideEncryptionRule: { sseAlgorithm: "AES256" },
        // Only the last verdicts live here; losing them costs at most one repeated alert.
        forceDestroy: true,
        tags: args.tags,
      },
      parent,
    );

    // The function's role: FC assumes it to mount the bucket and to write the function's logs.
    const role = new alicloud.ram.Role(
      `${name}-role`,
      {
        roleName: names.roleName,
        description: `wechat-https-backend ${args.stack}: the monitoring function`,
        assumeRolePolicyDocument: JSON.stringify({
          Version: "1",
          Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: ["fc.aliyuncs.com"] } }],
        }),
      },
      parent,
    );
    // Scoped to this account, region and stack: the bucket and its objects (OSS resources name no
    // region), and the function's own Logstore, not the access logs beside it.
    const policy = new alicloud.ram.Policy(
      `${name}-policy`,
      {
        policyName: names.roleName,
        description: `wechat-https-backend ${args.stack}: read and write the monitor state, write the monitor's logs`,
        policyDocument: pulumi
          .all([accountId, bucket.bucket, project.projectName, functionLog.logstoreName])
          .apply(([account, bucketName, projectName, logstore]) =>
            JSON.stringify({
              Version: "1",
              Statement: [
                { Effect: "Allow", Action: ["oss:ListObjects", "oss:GetBucketInfo"], Resource: [`acs:oss:*:${account}:${bucketName}`] },
                {
                  Effect: "Allow",
                  Action: ["oss:GetObject", "oss:PutObject", "oss:DeleteObject"],
                  Resource: [`acs:oss:*:${account}:${bucketName}/*`],
                },
                {
                  Effect: "Allow",
                  Action: ["log:PostLogStoreLogs"],
                  Resource: [`acs:log:${settings.region}:${account}:project/${projectName}/logstore/${logstore}`],
                },
              ],
            }),
          ),
      },
      parent,
    );
    const grant = new alicloud.ram.RolePolicyAttachment(
      `${name}-role-policy`,
      { roleName: role.roleName, policyName: policy.policyName, policyType: "Custom" },
      parent,
    );

    const bundle = buildFunctionBundle();
    const verifyOptions = {
      url: `https://${args.domain}/`,
      healthPath: args.healthPath,
      hstsMinSeconds: args.hstsMinSeconds,
      minDays: args.minDaysRemaining,
      // Each verification stops by itself after this (the verifier's --deadline), so the two of a run
      // (a new failure is checked again after 60 s) end inside the function's 180 s timeout.
      deadlineSeconds: 50,
    };
    // The robots are a secret in the stack and stay one: Pulumi encrypts them in its state, FC stores
    // environment variables encrypted; unknown (the offline plan) they stay an unknown secret.
    const robots = settings.robots.known ? pulumi.secret(JSON.stringify(settings.robots.value)) : pulumi.secret(unknownOutput());
    const fn = new alicloud.fc.V3Function(
      `${name}-fn`,
      {
        functionName: names.functionName,
        description: `wechat-https-backend ${args.stack}: scheduled HTTPS verification of ${args.domain}, alerts to group robots`,
        runtime: "nodejs20",
        handler: HANDLER,
        code: { zipFile: bundle.zipBase64 },
        // Two verifications (a new failure is checked again after 60 s) and the robot posts fit well within.
        timeout: 180,
        cpu: 0.25,
        memorySize: 512,
        internetAccess: true,
        role: role.arn,
        environmentVariables: {
          [ENV.verify]: JSON.stringify(verifyOptions),
          [ENV.robots]: robots,
          [ENV.stateDir]: `${STATE_MOUNT}/state`,
          [ENV.stack]: args.stack,
          [ENV.certificateSource]: args.certificateSource,
          [ENV.renewEveryDays]: String(RENEW_EVERY_DAYS),
          [ENV.alertLanguage]: settings.alertLanguage,
        },
        ossMountConfig: {
          mountPoints: [
            {
              bucketName: bucket.bucket,
              bucketPath: "/",
              endpoint: `http://oss-${settings.region}-internal.aliyuncs.com`,
              mountDir: STATE_MOUNT,
              readOnly: false,
            },
          ],
        },
        logConfig: { project: project.projectName, logstore: functionLog.logstoreName, enableRequestMetrics: true, logBeginRule: "None" },
        tags: args.tags,
      },
      { parent: this, dependsOn: [grant] },
    );

    new alicloud.fc.V3Trigger(
      `${name}-timer`,
      {
        functionName: fn.functionName,
        qualifier: "LATEST",
        triggerType: "timer",
        triggerName: "verify-schedule",
        description: `runs the HTTPS verifier: ${settings.verifySchedule}`,
        triggerConfig: JSON.stringify({
          cronExpression: settings.verifySchedule,
          enable: true,
          payload: JSON.stringify({ kind: "verify" }),
        }),
      },
      parent,
    );

    // CloudMonitor: contacts by email, one group, and the alarms that notify it.
    const contacts = settings.alertEmails.map(
      (email) =>
        new alicloud.cms.AlarmContact(
          // The address is in the resource's name: a changed address is a new contact, never an in-place
          // edit that the ignored field below would hide.
          `${name}-contact-${contactName(args.stack, email).split("-").pop()}`,
          {
            alarmContactName: contactName(args.stack, email),
            describe: `wechat-https-backend ${args.stack}`,
            channelsMail: email,
            lang: "zh-cn",
          },
          // CloudMonitor returns the address only once its owner clicked the activation email; until
          // then every refresh would show a change (cms_alarm_contact.html.markdown's own advice).
          { parent: this, ignoreChanges: ["channelsMail"] },
        ),
    );
    const group = new alicloud.cms.AlarmContactGroup(
      `${name}-contacts`,
      {
        alarmContactGroupName: names.contactGroup,
        describe: `wechat-https-backend ${args.stack}: alarms of ${args.domain}`,
        contacts: contacts.map((c) => c.alarmContactName),
      },
      parent,
    );

    const site = new alicloud.cms.SiteMonitor(
      `${name}-site`,
      {
        taskName: names.siteMonitorTask,
        taskType: "HTTP",
        address: `https://${args.domain}${args.healthPath}`,
        interval: "1",
        ispCities: settings.siteMonitorProbes.map((p) => ({ isp: p.isp, city: p.city, ...(p.type ? { type: p.type } : {}) })),
        optionJson: SITE_MONITOR_OPTIONS,
      },
      // The service may fill in option fields the stack does not set, which the provider would show
      // as a change on every preview: lib/monitoring/siteMonitor.ts says what is known.
      { parent: this, ignoreChanges: unsetOptionPaths(SITE_MONITOR_OPTIONS) },
    );

    // With robots, each alarm also names the function as a target, which relays it to them (WeCom
    // cannot be an alarm contact). The provider documents only FC 2.0's ARN form
    // (acs:fc:{region}:{uid}:services/{service}/functions/{function}, cms_alarm.html.markdown); an FC
    // 3.0 function has no service, and whether CloudMonitor takes its own ARN is unconfirmed. The
    // provider sets targets with PutMetricRuleTargets after creating the rule
    // (resource_alicloud_cms_alarm.go, Update), so a refusal fails that alarm only: alarmRelay off
    // leaves the targets out.
    //
    // Leaving them out does not take them away from a deployed alarm, though: `targets` is
    // Optional+Computed, so an absent value is no change (and an empty list reaches the provider as
    // no list at all: pulumi-terraform-bridge pkg/tfbridge/schema.go, makeTerraformInput), and the
    // provider's Update never removes a target: it only calls PutMetricRuleTargets, which adds or
    // overwrites by id, never DeleteMetricRuleTargets (resource_alicloud_cms_alarm.go at 81c43b67).
    // So switching the relay replaces each alarm (`replacementTrigger`): the new rule (Create picks
    // a fresh RuleId) has exactly the targets declared, and deleting the old one takes its targets
    // with it. A stack deployed before the trigger existed has none recorded, and an absent side
    // never triggers (pulumi/pulumi pkg/resource/deploy/step_generator.go, shouldTriggerReplace):
    // the upgrade replaces nothing, and switching the relay in that same `pulumi up` would not
    // either (README, "Monitoring and alerts").
    const relay = settings.relayAlarms ? [{ targetId: "relay-to-robots", arn: fn.functionArn, level: "Critical" }] : undefined;
    const relayTrigger = settings.relayAlarms ? "relayed-to-robots" : "contact-group-only";
    const alarm = (suffix: string, alarmArgs: Omit<alicloud.cms.AlarmArgs, "contactGroups" | "targets">): alicloud.cms.Alarm =>
      new alicloud.cms.Alarm(
        `${name}-${suffix}`,
        { ...alarmArgs, contactGroups: [group.alarmContactGroupName], targets: relay, silenceTime: 86400, tags: args.tags },
        { parent: this, replacementTrigger: relayTrigger },
      );
    alarm("availability", {
      name: `${args.stack}: ${args.domain} unreachable from carriers`,
      project: "acs_networkmonitor",
      metric: "Availability",
      metricDimensions: pulumi.interpolate`[{"taskId":"${site.id}"}]`,
      period: 60,
      escalationsCritical: { statistics: "Availability", comparisonOperator: "<", threshold: String(ALARMS.availabilityPercent), times: 3 },
    });
    if (args.loadBalancerId !== undefined) this.loadBalancerAlarms(alarm, args.stack, args.loadBalancerId);
    alarm("cpu", {
      name: `${args.stack}: instance CPU above ${ALARMS.cpuPercent}%`,
      project: "acs_ecs_dashboard",
      metric: "CPUUtilization",
      metricDimensions: pulumi.all(args.instanceIds).apply((ids) => JSON.stringify(ids.map((instanceId) => ({ instanceId })))),
      period: 60,
      escalationsCritical: { statistics: "Average", comparisonOperator: ">", threshold: String(ALARMS.cpuPercent), times: 5 },
    });

    this.functionName = fn.functionName;
    this.logProject = project.projectName;
    this.contactGroup = group.alarmContactGroupName;
    this.registerOutputs({ functionName: this.functionName, logProject: this.logProject, contactGroup: this.contactGroup });
  }

  /** The load balancer's unhealthy-backend and 5xx alarms (the load balancer edge only). */
  private loadBalancerAlarms(
    alarm: (suffix: string, alarmArgs: Omit<alicloud.cms.AlarmArgs, "contactGroups" | "targets">) => alicloud.cms.Alarm,
    stack: string,
    loadBalancerId: pulumi.Input<string>,
  ): void {
    // acs_slb_dashboard's unhealthy count is UnhealthyServerCount; its healthy twin is spelled
    // HeathyServerCount (sic) in CloudMonitor's metric list, so a "healthy below n" alarm would need that spelling.
    alarm("unhealthy-backends", {
      name: `${stack}: unhealthy backends behind the load balancer`,
      project: "acs_slb_dashboard",
      metric: "UnhealthyServerCount",
      metricDimensions: pulumi.interpolate`[{"instanceId":"${loadBalancerId}"}]`,
      period: 60,
      escalationsCritical: { statistics: "Maximum", comparisonOperator: ">", threshold: "0", times: ALARMS.unhealthyMinutes },
    });
    alarm("5xx", {
      name: `${stack}: 5xx answers from the load balancer`,
      project: "acs_slb_dashboard",
      metric: "InstanceStatusCode5xx",
      metricDimensions: pulumi.interpolate`[{"instanceId":"${loadBalancerId}"}]`,
      period: 60,
      escalationsCritical: { statistics: "Average", comparisonOperator: ">", threshold: String(ALARMS.status5xxPerSecond), times: 3 },
    });
  }
}

function dirname(file: string): string {
  return file.slice(0, file.lastIndexOf("/"));
}

function basename(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1);
}
