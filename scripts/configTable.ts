// `node bin/run.js scripts/configTable`: prints README's config table from the code's declarations.
import { renderConfigTable } from "../lib/projectFile";

process.stdout.write(renderConfigTable() + "\n");
