// The records Log Service keeps, under the API's own field names (the @alicloud/sls20201230 models
// Project, Logstore, Index, MachineGroup, LogtailConfig): a project by name, the rest by
// `<project>/<name>`. A machine group's applied Logtail configs are kept on the group.
import type { LabRecord, LabStore } from "../../store";
import { slsError } from "../../sls";

export const LOG = {
  project: "log.project",
  logstore: "log.logstore",
  index: "log.index",
  machineGroup: "log.machineGroup",
  config: "log.config",
} as const;

export const inProject = (project: string, name: string): string => `${project}/${name}`;

/** SLS's timestamps: seconds since the epoch (Logstore.createTime, LogtailConfig.lastModifyTime). */
export const seconds = (): number => Math.floor(Date.now() / 1000);

/** Names of projects, Logstores, machine groups and configs: what the SLS API reference allows for each. */
export function checkName(what: string, name: unknown, pattern: RegExp): string {
  if (typeof name !== "string" || !pattern.test(name)) throw slsError("ParameterInvalid", `${what} ${String(name)} is not a valid name`);
  return name;
}

export function mustProject(store: LabStore, project: string): LabRecord {
  return store.must(LOG.project, project, () => slsError("ProjectNotExist", `The Project does not exist : ${project}`, 404));
}

export function mustLogstore(store: LabStore, project: string, logstore: string): LabRecord {
  mustProject(store, project);
  return store.must(LOG.logstore, inProject(project, logstore), () =>
    slsError("LogStoreNotExist", `logstore ${logstore} does not exist`, 404),
  );
}

/** The records of a project's kind, for listing and for deleting with the project. */
export function ofProject(store: LabStore, kind: string, project: string): [string, LabRecord][] {
  return store
    .list(kind)
    .filter((r) => r._project === project)
    .map((r) => [inProject(project, String(r._name)), r]);
}
