// The list of benchmarks `npm run bench` runs. Each module prints its own figures and targets.
import { runEngineBench } from "./engine";
import { run as runPlan } from "./plan";
import { runProxyBench } from "./proxy";
import { runVerifierBench } from "./verifier";

export interface Bench {
  /** Short name, selectable with `npm run bench -- <name>`. */
  readonly name: string;
  /** What it measures, one line. */
  readonly title: string;
  readonly run: () => Promise<void>;
}

export const benches: Bench[] = [
  { name: "plan", title: "offline plan of the prod stack against the SDK load floor", run: runPlan },
  { name: "proxy", title: "instance path: app direct vs this project's nginx vs the guide's plain config (wrk)", run: runProxyBench },
  { name: "verifier", title: "HTTPS verifier vs testssl.sh: protocols, cipher suites, HSTS (good and bad server)", run: runVerifierBench },
  {
    name: "engine",
    title: "real engine against the emulator: preview beside the offline plan, an emulated up (needs engine:install)",
    run: runEngineBench,
  },
];
