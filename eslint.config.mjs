// Lint: typescript-eslint's recommended rules, plus the type-aware ones that catch what tests
// rarely do (a promise nobody awaits, a promise where a callback's boolean was meant), with the
// formatting rules left to prettier.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "coverage/", ".render/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
  // After prettier's config, which turns max-len off: prettier wraps code at 140 but leaves long
  // strings whole, and a 300-character message cannot be read in a diff. Split such strings.
  { files: ["**/*.ts", "**/*.js"], rules: { "max-len": ["error", { code: 160, ignoreUrls: true, ignoreRegExpLiterals: true }] } },
);
