// OSS (the XML REST dialect): the account's buckets, their settings, and their objects.
import type { LabProduct } from "../../server";
import { serveOss, type OssProduct } from "../../oss";
import { bucketRoutes, serviceRoutes } from "./buckets";
import { bucketSettingRoutes } from "./bucketSettings";
import { objectRoutes } from "./objects";

const product: OssProduct = {
  name: "oss",
  service: serviceRoutes(),
  bucket: [...bucketRoutes(), ...bucketSettingRoutes(), ...objectRoutes()],
};

export const oss: LabProduct = { dialect: "http", name: "oss", serve: (req, sub, store) => serveOss(product, req, sub, store) };
