// Log Service projects: CreateProject, GetProject, UpdateProject, DeleteProject, the project policy
// (GetProjectPolicy, UpdateProjectPolicy, DeleteProjectPolicy) and project tags (TagResources,
// UntagResources, ListTagResources). Read in terraform-provider-alicloud v1.285.0
// alicloud/resource_alicloud_log_project.go and service_alicloud_sls_v2.go: CreateProject is POST /
// on the account host with {projectName, description, resourceGroupId}; GetProject (GET / on the
// project's host) is read for createTime, description, resourceGroupId, status and projectName, and
// ProjectNotExist is "not found"; tags are listed with GET /tags?resourceType=PROJECT&resourceId=[…]
// and read from tagResources[].{tagKey, tagValue}; the policy (aliyun-log-go-sdk GetProjectPolicy,
// GET /policy) is read as the raw body, "" or "{}" meaning none. DeleteProject removes the project
// with everything in it (SLS API reference: deleting a project deletes its Logstores and configs).
import type { RestRoute } from "../../restRoutes";
import { slsError, type SlsHandler } from "../../sls";
import type { LabRecord, LabStore } from "../../store";
import { defaultResourceGroupId } from "../resourceGroups";
import { LOG, checkName, mustProject, ofProject, seconds } from "./kinds";

/** 3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit (CreateProject). */
const PROJECT_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

type Tag = { key: string; value: string };

function projectView(p: LabRecord): LabRecord {
  return Object.fromEntries(Object.entries(p).filter(([k]) => !k.startsWith("_")));
}

const createProject: SlsHandler = ({ body, store }) => {
  const name = checkName("projectName", body.projectName, PROJECT_NAME);
  if (store.get(LOG.project, name)) throw slsError("ProjectAlreadyExist", `Project ${name} already exist`);
  const now = String(seconds());
  store.create(LOG.project, name, {
    projectName: name,
    description: typeof body.description === "string" ? body.description : "",
    resourceGroupId:
      typeof body.resourceGroupId === "string" && body.resourceGroupId ? body.resourceGroupId : defaultResourceGroupId(store),
    status: "Normal",
    owner: store.accountId,
    region: store.region,
    location: "",
    dataRedundancyType: "LRS",
    recycleBinEnabled: false,
    createTime: now,
    lastModifyTime: now,
    _tags: [] as Tag[],
    _policy: "",
  });
  return undefined;
};

const getProject: SlsHandler = ({ project, store }) => projectView(mustProject(store, project));

const updateProject: SlsHandler = ({ project, body, store }) => {
  mustProject(store, project);
  store.update(LOG.project, project, {
    description: typeof body.description === "string" ? body.description : "",
    lastModifyTime: String(seconds()),
  });
  return undefined;
};

const deleteProject: SlsHandler = ({ project, store }) => {
  mustProject(store, project);
  for (const kind of [LOG.config, LOG.machineGroup, LOG.index, LOG.logstore]) {
    for (const [id] of ofProject(store, kind, project)) store.delete(kind, id);
  }
  store.delete(LOG.project, project);
  return undefined;
};

const getPolicy: SlsHandler = ({ project, store }) => String(mustProject(store, project)._policy ?? "");

/** UpdateProjectPolicy (POST /policy) keeps the policy document as sent; DeleteProjectPolicy (DELETE /policy) clears it. */
const updatePolicy: SlsHandler = ({ project, raw, store }) => {
  mustProject(store, project);
  store.update(LOG.project, project, { _policy: raw.toString("utf8") });
  return undefined;
};

const deletePolicy: SlsHandler = ({ project, store }) => {
  mustProject(store, project);
  store.update(LOG.project, project, { _policy: "" });
  return undefined;
};

/** The projects a tag call names: resourceType PROJECT and resourceId a list of project names. */
function taggedProjects(store: LabStore, type: unknown, ids: unknown): LabRecord[] {
  if (String(type).toUpperCase() !== "PROJECT") throw slsError("ParameterInvalid", `resourceType ${String(type)} is not supported here`);
  if (!Array.isArray(ids) || ids.length === 0) throw slsError("ParameterInvalid", "resourceId must name at least one project");
  return ids.map((id) => mustProject(store, String(id)));
}

const tagResources: SlsHandler = ({ body, store }) => {
  const added = (Array.isArray(body.tags) ? body.tags : []) as Tag[];
  for (const p of taggedProjects(store, body.resourceType, body.resourceId)) {
    const tags = new Map(((p._tags ?? []) as Tag[]).map((t) => [t.key, t.value]));
    for (const t of added) tags.set(t.key, t.value ?? "");
    store.update(LOG.project, String(p.projectName), { _tags: [...tags].map(([key, value]) => ({ key, value })) });
  }
  return undefined;
};

const untagResources: SlsHandler = ({ body, store }) => {
  const removed = new Set((Array.isArray(body.tags) ? body.tags : []).map(String));
  for (const p of taggedProjects(store, body.resourceType, body.resourceId)) {
    const tags = ((p._tags ?? []) as Tag[]).filter((t) => body.all !== true && !removed.has(t.key));
    store.update(LOG.project, String(p.projectName), { _tags: tags });
  }
  return undefined;
};

const listTagResources: SlsHandler = ({ query, store }) => {
  let ids: unknown;
  try {
    ids = JSON.parse(query.get("resourceId") ?? "[]");
  } catch {
    ids = [query.get("resourceId")];
  }
  const projects = taggedProjects(store, query.get("resourceType"), ids);
  const tagResources = projects.flatMap((p) =>
    ((p._tags ?? []) as Tag[]).map((t) => ({
      resourceId: p.projectName,
      resourceType: "ALIYUN::SLS::PROJECT",
      tagKey: t.key,
      tagValue: t.value,
    })),
  );
  return { tagResources, nextToken: "" };
};

export function projectRoutes(): RestRoute<SlsHandler>[] {
  return [
    { method: "POST", path: "/", action: "CreateProject", handle: createProject },
    { method: "GET", path: "/", action: "GetProject", handle: getProject },
    { method: "PUT", path: "/", action: "UpdateProject", handle: updateProject },
    { method: "DELETE", path: "/", action: "DeleteProject", handle: deleteProject },
    { method: "GET", path: "/policy", action: "GetProjectPolicy", handle: getPolicy },
    { method: "POST", path: "/policy", action: "UpdateProjectPolicy", handle: updatePolicy },
    { method: "DELETE", path: "/policy", action: "DeleteProjectPolicy", handle: deletePolicy },
    { method: "POST", path: "/tag", action: "TagResources", handle: tagResources },
    { method: "POST", path: "/untag", action: "UntagResources", handle: untagResources },
    { method: "GET", path: "/tags", action: "ListTagResources", handle: listTagResources },
  ];
}
