// CloudMonitor alarm contacts and contact groups: PutContact, DescribeContactList, DeleteContact,
// PutContactGroup, DescribeContactGroupList, DeleteContactGroup. Read in terraform-provider-alicloud
// v1.285.0: alicloud/resource_alicloud_cms_alarm_contact{,_group}.go and service_alicloud_cms.go
// (typed alibaba-cloud-sdk-go calls: Contacts.Contact[].{Name, Desc, Lang, Channels.{Mail, SMS, AliIM,
// DingWebHook}}, ContactGroupList.ContactGroup[].{Name, Describe, EnableSubscribed,
// Contacts.Contact[]}; Code must be "200"; a contact is looked up by ContactName and the first entry
// taken; groups are paged 20 at a time and matched by Name). Put* create or overwrite the named
// entry: PutContactGroup with the name of an existing group replaces it rather than refusing.
import { ApiError } from "../../apiError";
import type { RpcHandler } from "../../rpc";
import type { LabRecord, LabStore } from "../../store";
import { CMS, OK } from "./kinds";

type Channel = "Mail" | "SMS" | "AliIM" | "DingWebHook";
const CHANNELS: readonly Channel[] = ["Mail", "SMS", "AliIM", "DingWebHook"];

/**
 * Email addresses and phone numbers wait for their owner to follow the activation link before
 * CloudMonitor lists them (cms_alarm_contact.html.markdown: "The system adds the recipient to the
 * list of alarm contacts only after the recipient activates the email address"; its example ignores
 * channels_mail changes for that reason). ChannelsState says PENDING until then and OK after (the
 * DescribeContactList reference's ChannelsState values, as recalled: unconfirmed).
 */
const NEEDS_ACTIVATION: readonly Channel[] = ["Mail", "SMS"];

/** What a test does in place of the owner clicking the link: the contact's pending channels become active. */
export function activateContact(store: LabStore, name: string): void {
  const contact = store.get(CMS.contact, name);
  if (!contact) throw new Error(`no alarm contact ${name}`);
  const state = { ...(contact.ChannelsState as Record<string, string>) };
  for (const c of NEEDS_ACTIVATION) if (state[c] === "PENDING") state[c] = "OK";
  store.update(CMS.contact, name, { ChannelsState: state });
}

function contactView(c: LabRecord): LabRecord {
  const channels = c.Channels as Record<Channel, string>;
  const state = c.ChannelsState as Record<Channel, string>;
  const shown = Object.fromEntries(CHANNELS.map((ch) => [ch, state[ch] === "PENDING" ? "" : channels[ch]]));
  return { ...c, Channels: shown };
}

const putContact: RpcHandler = ({ params, store }) => {
  const name = params.required("ContactName");
  const describe = params.required("Describe");
  const lang = params.get("Lang");
  if (lang !== undefined && !["en", "zh-cn"].includes(lang)) throw new ApiError("InvalidParameter", `Lang ${lang} must be en or zh-cn`);
  const current = store.get(CMS.contact, name);
  const before = (current?.Channels ?? {}) as Record<Channel, string>;
  const beforeState = (current?.ChannelsState ?? {}) as Record<Channel, string>;
  const channels = Object.fromEntries(CHANNELS.map((c) => [c, params.values[`Channels.${c}`] ?? ""])) as Record<Channel, string>;
  if (CHANNELS.every((c) => channels[c] === ""))
    throw new ApiError("InvalidParameter", "at least one of Channels.Mail, SMS, AliIM, DingWebHook is required");
  const state = Object.fromEntries(
    CHANNELS.map((c) => {
      if (channels[c] === "") return [c, ""];
      // A changed address must be activated again; an unchanged one keeps its state.
      if (NEEDS_ACTIVATION.includes(c)) return [c, before[c] === channels[c] ? beforeState[c] || "PENDING" : "PENDING"];
      return [c, "OK"];
    }),
  );
  const now = Date.now();
  const record: LabRecord = {
    Name: name,
    Desc: describe,
    Lang: lang ?? (current?.Lang as string | undefined) ?? "zh-cn",
    Channels: channels,
    ChannelsState: state,
    CreateTime: current?.CreateTime ?? now,
    UpdateTime: now,
  };
  if (current) store.update(CMS.contact, name, record);
  else store.create(CMS.contact, name, record);
  return { ...OK };
};

function groupsOf(store: LabStore, contact: string): string[] {
  return store
    .list(CMS.contactGroup)
    .filter((g) => ((g.Contacts as { Contact: string[] }).Contact ?? []).includes(contact))
    .map((g) => String(g.Name));
}

const describeContactList: RpcHandler = ({ params, store }) => {
  const name = params.get("ContactName");
  const all = store.list(CMS.contact).filter((c) => name === undefined || c.Name === name);
  const size = params.int("PageSize", 100) as number;
  const page = params.int("PageNumber", 1) as number;
  const shown = all
    .slice((page - 1) * size, page * size)
    .map((c) => contactView({ ...c, ContactGroups: { ContactGroup: groupsOf(store, String(c.Name)) } }));
  return { ...OK, Total: all.length, Contacts: { Contact: shown } };
};

const deleteContact: RpcHandler = ({ params, store }) => {
  const name = params.required("ContactName");
  store.must(CMS.contact, name, () => new ApiError("ContactNotExists", `The contact ${name} does not exist.`, 404));
  store.delete(CMS.contact, name);
  return { ...OK };
};

const putContactGroup: RpcHandler = ({ params, store }) => {
  const name = params.required("ContactGroupName");
  const current = store.get(CMS.contactGroup, name);
  const contacts = params.list("ContactNames");
  const now = Date.now();
  const record: LabRecord = {
    Name: name,
    Describe: params.get("Describe") ?? (current?.Describe as string | undefined) ?? "",
    EnableSubscribed: params.bool("EnableSubscribed") ?? (current?.EnableSubscribed as boolean | undefined) ?? false,
    EnabledWeeklyReport: current?.EnabledWeeklyReport ?? false,
    // Left out of a call that changes only the description, the members stay (the provider's Update
    // sends ContactNames only when they changed).
    Contacts: { Contact: contacts.length > 0 || !current ? contacts : (current.Contacts as { Contact: string[] }).Contact },
    CreateTime: current?.CreateTime ?? now,
    UpdateTime: now,
  };
  if (current) store.update(CMS.contactGroup, name, record);
  else store.create(CMS.contactGroup, name, record);
  return { ...OK };
};

const describeContactGroupList: RpcHandler = ({ params, store }) => {
  const groups = store.list(CMS.contactGroup);
  const size = params.int("PageSize", 100) as number;
  const page = params.int("PageNumber", 1) as number;
  const shown = groups.slice((page - 1) * size, page * size);
  return {
    ...OK,
    Total: groups.length,
    ContactGroups: { ContactGroup: shown.map((g) => String(g.Name)) },
    ContactGroupList: { ContactGroup: shown },
  };
};

const deleteContactGroup: RpcHandler = ({ params, store }) => {
  const name = params.required("ContactGroupName");
  store.must(CMS.contactGroup, name, () => new ApiError("ContactGroupNotExists", `The contact group ${name} does not exist.`, 404));
  store.delete(CMS.contactGroup, name);
  return { ...OK };
};

export const contactActions: Readonly<Record<string, RpcHandler>> = {
  PutContact: putContact,
  DescribeContactList: describeContactList,
  DeleteContact: deleteContact,
  PutContactGroup: putContactGroup,
  DescribeContactGroupList: describeContactGroupList,
  DeleteContactGroup: deleteContactGroup,
};
