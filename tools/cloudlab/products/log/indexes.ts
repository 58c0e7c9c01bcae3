// Log Service indexes: CreateIndex, GetIndex, UpdateIndex, DeleteIndex at /logstores/{logstore}/index.
// Read in terraform-provider-alicloud v1.285.0 alicloud/resource_alicloud_log_store_index.go and
// service_alicloud_log.go (aliyun-log-go-sdk: Create first calls GetIndex and goes on only on
// IndexConfigNotExist; Read takes the Index JSON, whose line.token it joins back into one string, and
// treats ProjectNotExist, LogStoreNotExist and IndexConfigNotExist as "not found"; Update sends the
// whole index back with PUT). The index is kept and answered as it was sent (aliyun-log-go-sdk
// model.go Index: keys, line.{token, caseSensitive, chn}, log_reduce, max_text_len...): whether the
// service adds a max_text_len of its own when none was given is unconfirmed; if it did, the
// provider's max_text_len (optional, not computed) would differ on every preview.
import type { RestRoute } from "../../restRoutes";
import { slsError, type SlsHandler } from "../../sls";
import { LOG, inProject, mustLogstore } from "./kinds";

function checkIndex(body: Readonly<Record<string, unknown>>): void {
  if (body.line === undefined && body.keys === undefined) throw slsError("ParameterInvalid", "an index needs line or keys");
  const line = body.line as { token?: unknown } | undefined;
  if (line && (!Array.isArray(line.token) || line.token.length === 0))
    throw slsError("ParameterInvalid", "line.token must list the delimiters");
}

const createIndex: SlsHandler = ({ project, path, body, store }) => {
  const name = String(mustLogstore(store, project, path.logstore as string).logstoreName);
  if (store.get(LOG.index, inProject(project, name))) throw slsError("IndexAlreadyExist", `log store index ${name} already exists`);
  checkIndex(body);
  store.create(LOG.index, inProject(project, name), {
    _project: project,
    _name: name,
    ...body,
    lastModifyTime: Math.floor(Date.now() / 1000),
  });
  return undefined;
};

function mustIndex(store: Parameters<SlsHandler>[0]["store"], project: string, logstore: string): Record<string, unknown> {
  const name = String(mustLogstore(store, project, logstore).logstoreName);
  return store.must(LOG.index, inProject(project, name), () =>
    slsError("IndexConfigNotExist", `index config doesn't exist in logstore ${name}`, 404),
  );
}

const getIndex: SlsHandler = ({ project, path, store }) => {
  const index = mustIndex(store, project, path.logstore as string);
  return Object.fromEntries(Object.entries(index).filter(([k]) => !k.startsWith("_")));
};

/** UpdateIndex replaces the whole index with the one sent (what the provider sends back is the complete index). */
const updateIndex: SlsHandler = ({ project, path, body, store }) => {
  const index = mustIndex(store, project, path.logstore as string);
  checkIndex(body);
  const dropped = Object.keys(index).filter((k) => !k.startsWith("_") && !(k in body));
  const patch = { ...Object.fromEntries(dropped.map((k) => [k, undefined])), ...body, lastModifyTime: Math.floor(Date.now() / 1000) };
  store.update(LOG.index, inProject(project, String(index._name)), patch);
  return undefined;
};

const deleteIndex: SlsHandler = ({ project, path, store }) => {
  const index = mustIndex(store, project, path.logstore as string);
  store.delete(LOG.index, inProject(project, String(index._name)));
  return undefined;
};

export function indexRoutes(): RestRoute<SlsHandler>[] {
  const path = "/logstores/{logstore}/index";
  return [
    { method: "POST", path, action: "CreateIndex", handle: createIndex },
    { method: "GET", path, action: "GetIndex", handle: getIndex },
    { method: "PUT", path, action: "UpdateIndex", handle: updateIndex },
    { method: "DELETE", path, action: "DeleteIndex", handle: deleteIndex },
  ];
}
