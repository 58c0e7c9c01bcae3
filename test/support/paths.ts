// Where the project is, for tests that read its files or run its commands. Apart from program.ts so
// that importing it does not load Pulumi (a second or more per test file).
import * as path from "node:path";

export const PROJECT_DIR = path.resolve(__dirname, "..", "..");
