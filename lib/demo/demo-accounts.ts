// The demo's people, printed at start and listed in the README. Demo only: change them for real use.
export const DEMO_ACCOUNTS = [
  {
    email: "admin@portico.local",
    username: "admin",
    name: "Ada Admin",
    role: "admin" as const,
    password: "portico-admin",
    what: "federation admin",
  },
  {
    email: "support@portico.local",
    username: "support",
    name: "Sam Support",
    role: "support" as const,
    password: "portico-support",
    what: "support (read-only)",
  },
  {
    email: "provider@portico.local",
    username: "provider",
    name: "Pat Provider",
    role: "member" as const,
    password: "portico-provider",
    what: "provider admin of Nordic Compute Centre",
  },
  {
    email: "member@portico.local",
    username: "member",
    name: "Mo Member",
    role: "member" as const,
    password: "portico-member",
    what: "member of Alpine Research Cloud",
  },
];
