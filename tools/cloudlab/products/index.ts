// Every product the emulator answers, by the label its endpoint host carries (`<label>.cloudlab.invalid`).
import type { LabProduct } from "../server";
import { alidns } from "./alidns";
import { cas } from "./cas";
import { cms } from "./cms";
import { cr } from "./cr";
import { ecs } from "./ecs";
import { fc } from "./fc";
import { log } from "./log";
import { oos } from "./oos";
import { oss } from "./oss";
import { ram } from "./ram";
import { slb } from "./slb";
import { sts } from "./sts";
import { vpc } from "./vpc";

export const PRODUCTS: Readonly<Record<string, LabProduct>> = {
  ecs: { dialect: "rpc", product: ecs },
  alidns: { dialect: "rpc", product: alidns },
  sts: { dialect: "rpc", product: sts },
  vpc: { dialect: "rpc", product: vpc },
  slb: { dialect: "rpc", product: slb },
  cas: { dialect: "rpc", product: cas },
  ram: { dialect: "rpc", product: ram },
  oos,
  cr: { dialect: "rpc", product: cr },
  cms: { dialect: "rpc", product: cms },
  fc,
  log,
  oss,
};
