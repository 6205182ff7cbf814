import type { GlobalRole } from "@/lib/auth/actor";

export type NavItem = { href: string; label: string; roles?: GlobalRole[]; section: "Work" | "Catalogue" | "Administration" | "Account" };

// The sidebar by role; each area adds its pages here when they exist.
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Dashboard", section: "Work" },
  { href: "/providers", label: "Providers", section: "Work" },
  { href: "/tenants", label: "Tenants & customers", section: "Work" },
  { href: "/usage", label: "Usage reports", section: "Work" },
  { href: "/usage/dashboard", label: "Provider dashboard", section: "Work" },
  { href: "/usage/upload", label: "Upload usage", section: "Work" },
  { href: "/onboarding", label: "Provider onboarding", section: "Work" },
  { href: "/registered-providers", label: "Registered providers", section: "Work" },
  { href: "/approvals", label: "Approval queue", roles: ["admin", "support"], section: "Administration" },
  { href: "/offerings", label: "Offerings", section: "Catalogue" },
  { href: "/catalogue", label: "Public catalogue", section: "Catalogue" },
  { href: "/usage/manage", label: "Accounting setup", section: "Work" },
  { href: "/users", label: "Users & service accounts", roles: ["admin", "support"], section: "Administration" },
  { href: "/audit", label: "Audit log", roles: ["admin", "support"], section: "Administration" },
  { href: "/tokens", label: "API tokens", section: "Account" },
  { href: "/api-docs", label: "API docs", section: "Account" },
];

export const navFor = (role: GlobalRole) => NAV_ITEMS.filter((i) => !i.roles || i.roles.includes(role));
