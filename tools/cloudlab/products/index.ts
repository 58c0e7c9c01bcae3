// Every product the emulator answers, by the label its endpoint host carries (`<label>.cloudlab.invalid`).
import type { LabProduct } from "../server";
import { alidns } from "./alidns";
import { cms } from "./cms";
import { ecs } from "./ecs";
import { fc } from "./fc";
import { log } from "./log";
import { oss } from "./oss";
import { sts } from "./sts";

export const PRODUCTS: Readonly<Record<string, LabProduct>> = {
  ecs: { dialect: "rpc", product: ecs },
  alidns: { dialect: "rpc", product: alidns },
  sts: { dialect: "rpc", product: sts },
  cms: { dialect: "rpc", product: cms },
  fc,
  log,
  oss,
};
