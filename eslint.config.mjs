import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Browser globals that TypeScript's DOM library declares, so a forgotten local of that name typechecks
// and only fails at run time (as `name` once did in scripts/bench-load.ts).
const confusingGlobals = [
  "name",
  "length",
  "status",
  "event",
  "close",
  "open",
  "parent",
  "top",
  "self",
  "origin",
  "closed",
  "stop",
  "print",
  "find",
  "history",
  "location",
  "screen",
  "external",
].map((name) => ({
  name,
  message: `'${name}' here is the browser's global; declare a local or use window.${name} explicitly.`,
}));

const config = [
  ...next,
  ...nextTs,
  { rules: { "no-restricted-globals": ["error", ...confusingGlobals] } },
  // An import circle makes module order (and so start-up) depend on who is imported first.
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs"],
    settings: { "import/ignore": ["node_modules"] },
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "drizzle/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/http/**", "lib/auth/next-auth.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "next-auth", "next-auth/*"], message: "Domain code stays free of Next.js." },
          ],
        },
      ],
    },
  },
];
export default config;
