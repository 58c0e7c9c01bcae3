// Function Compute 3.0 (API version 2023-03-30, the ROA dialect): functions, their triggers and tags.
import { serveRoa, type RoaProduct } from "../../roa";
import type { LabProduct } from "../../server";
import { functionRoutes } from "./functions";
import { tagRoutes } from "./tags";
import { triggerRoutes } from "./triggers";

const product: RoaProduct = { name: "fc", routes: [...functionRoutes(), ...triggerRoutes(), ...tagRoutes()] };

export const fc: LabProduct = { dialect: "http", name: "fc", serve: (req, sub, store) => serveRoa(product, req, sub, store) };
