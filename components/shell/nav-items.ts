import type { GlobalRole } from "@/lib/auth/actor";

export type NavItem = {
  href: string;
  label: string;
  roles?: GlobalRole[];
  section: "Work" | "Providers" | "Usage" | "Catalogue" | "Resellers" | "Administration" | "Account";
};

// The sidebar by role, in the order a provider meets the areas; each area adds its pages here.
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Dashboard", section: "Work" },
  { href: "/onboarding", label: "Provider onboarding", section: "Providers" },
  { href: "/providers", label: "Providers", section: "Providers" },
  { href: "/webhooks", label: "Webhooks", section: "Providers" },
  { href: "/offerings", label: "Offerings", section: "Catalogue" },
  { href: "/catalogue", label: "Public catalogue", section: "Catalogue" },
  { href: "/usage", label: "Usage reports", section: "Usage" },
  { href: "/usage/dashboard", label: "Provider dashboard", section: "Usage" },
  { href: "/usage/upload", label: "Upload usage", section: "Usage" },
  { href: "/usage/manage", label: "Accounting setup", section: "Usage" },
  { href: "/tenants", label: "Tenants & customers", section: "Resellers" },
  { href: "/approvals", label: "Approval queue", roles: ["admin", "support"], section: "Administration" },
  { href: "/users", label: "Users & service accounts", roles: ["admin", "support"], section: "Administration" },
  { href: "/audit", label: "Audit log", roles: ["admin", "support"], section: "Administration" },
  { href: "/notifications", label: "Notifications", section: "Account" },
  { href: "/profile", label: "Profile", section: "Account" },
  { href: "/tokens", label: "API tokens", section: "Account" },
  { href: "/api-docs", label: "API docs", section: "Account" },
];

export const navFor = (role: GlobalRole) => NAV_ITEMS.filter((i) => !i.roles || i.roles.includes(role));
