// Log Service (the SLS REST dialect, API version 2020-12-30 and the legacy Go SDK's paths, which
// are the same): projects, Logstores, indexes, machine groups, Logtail configs and where they apply.
import type { LabProduct } from "../../server";
import { serveSls, type SlsProduct } from "../../sls";
import { configRoutes } from "./configs";
import { indexRoutes } from "./indexes";
import { logstoreRoutes } from "./logstores";
import { machineGroupRoutes } from "./machineGroups";
import { projectRoutes } from "./projects";

const product: SlsProduct = {
  name: "log",
  routes: [...projectRoutes(), ...logstoreRoutes(), ...indexRoutes(), ...machineGroupRoutes(), ...configRoutes()],
};

export const log: LabProduct = { dialect: "http", name: "log", serve: (req, sub, store) => serveSls(product, req, sub, store) };
