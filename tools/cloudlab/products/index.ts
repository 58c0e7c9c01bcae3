// Every product the emulator answers, by the label its endpoint host carries (`<label>.cloudlab.invalid`).
import type { LabProduct } from "../server";
import { alidns } from "./alidns";
import { cr } from "./cr";
import { ecs } from "./ecs";
import { oos } from "./oos";
import { ram } from "./ram";
import { sts } from "./sts";

export const PRODUCTS: Readonly<Record<string, LabProduct>> = {
  ecs: { dialect: "rpc", product: ecs },
  alidns: { dialect: "rpc", product: alidns },
  sts: { dialect: "rpc", product: sts },
  ram: { dialect: "rpc", product: ram },
  oos,
  cr: { dialect: "rpc", product: cr },
};
