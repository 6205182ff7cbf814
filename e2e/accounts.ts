// The demo accounts the seed creates (lib/demo/demo-accounts.ts) and the bootstrap admin token of playwright.config.ts.
export const ACCOUNTS = {
  admin: { login: "admin@portico.local", password: "portico-admin" },
  support: { login: "support@portico.local", password: "portico-support" },
  provider: { login: "provider@portico.local", password: "portico-provider" },
  member: { login: "member@portico.local", password: "portico-member" },
} as const;
export type Role = keyof typeof ACCOUNTS;
export const ADMIN_TOKEN = "ptk_e2e_bootstrap_admin_token_0123456789abcdefghij";
export const storageStateOf = (role: Role) => `e2e/.auth/${role}.json`;
