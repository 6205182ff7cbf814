import type { OrganisationRow, UserRow } from "@/drizzle/schema";
import type { CategoryWithCounts } from "@/lib/categories/queries";
import { hexUuid } from "@/lib/offerings/refs";
import { waldurNames, type WaldurUser } from "@/lib/service-accounts/queries";
import type { UserToken } from "@/lib/service-accounts/user-token";
import { waldurAnswers } from "./seed-differences";
import { waldurUrl } from "./urls";

export function customerJson(origin: string, o: OrganisationRow, owners: UserRow[] = []) {
  return {
    url: waldurUrl(origin, "customers", o.id),
    uuid: hexUuid(o.id),
    created: o.createdAt.toISOString(),
    name: o.name,
    display_name: o.abbreviation ? `${o.name} / ${o.abbreviation}` : o.name,
    slug: o.slug,
    abbreviation: o.abbreviation,
    native_name: "",
    email: o.email,
    phone_number: "",
    country: o.country,
    homepage: "",
    domain: "",
    backend_id: "",
    image: null,
    blocked: false,
    archived: false,
    owners: owners.map((u) => ({
      url: waldurUrl(origin, "users", u.id),
      uuid: hexUuid(u.id),
      username: u.username,
      full_name: u.name,
      email: u.email,
    })),
  };
}

export function categoryJson(origin: string, c: CategoryWithCounts) {
  return {
    url: waldurUrl(origin, "marketplace-categories", c.id),
    uuid: hexUuid(c.id),
    title: c.title,
    description: c.description,
    icon: c.icon,
    offering_count: c.offeringCount,
    available_offerings_count: c.availableOfferingsCount,
    sections: [],
    columns: [],
    components: [],
    articles: [],
    group: null,
  };
}

export type PermissionRow = {
  role: { offeringId: string; role: string; expirationTime: Date | null; createdAt: Date };
  offeringName: string;
  customerId: string;
  customerName: string;
};

export function userJson(origin: string, u: WaldurUser, permissions: PermissionRow[] = []) {
  const names = waldurNames(u);
  return {
    url: waldurUrl(origin, "users", u.user.id),
    uuid: hexUuid(u.user.id),
    username: u.user.username,
    // a user made outside the Waldur dialect has no slug: its username in the characters of a slug
    slug: u.profile?.slug ?? u.user.username.replace(/[^-a-zA-Z0-9_]/g, "-"),
    full_name: [names.firstName, names.lastName].filter(Boolean).join(" ") || u.user.name,
    native_name: u.profile?.nativeName ?? "",
    job_title: u.profile?.jobTitle ?? "",
    email: u.user.email,
    phone_number: u.profile?.phoneNumber ?? "",
    organization: u.profile?.organization ?? "",
    civil_number: u.profile?.civilNumber ?? null,
    description: u.profile?.description ?? "",
    is_staff: u.user.role === "admin",
    is_active: u.user.isActive,
    is_support: u.user.role === "support",
    registration_method: "default",
    date_joined: u.user.createdAt.toISOString(),
    agreement_date: u.profile?.agreementDate?.toISOString() ?? null,
    preferred_language: u.profile?.preferredLanguage ?? "",
    permissions: permissions.map((p) => ({
      role_name: p.role.role,
      scope_type: "offering",
      scope_uuid: hexUuid(p.role.offeringId),
      scope_name: p.offeringName,
      customer_uuid: hexUuid(p.customerId),
      customer_name: p.customerName,
      created: p.role.createdAt.toISOString(),
      expiration_time: p.role.expirationTime?.toISOString() ?? null,
    })),
    requested_email: null,
    affiliations: [],
    first_name: names.firstName,
    last_name: names.lastName,
    identity_provider_name: "Local DB",
    identity_provider_label: "Local DB",
    identity_provider_management_url: "",
    identity_provider_fields: [],
    image: null,
    identity_source: "",
  };
}

/** Waldur's token object: `user_token_lifetime` in seconds (null when tokens never expire). */
export function tokenJson(t: UserToken) {
  const names = waldurNames(t.user);
  return {
    created: t.row.createdAt.toISOString(),
    token: t.token,
    user_first_name: names.firstName,
    user_is_active: t.user.user.isActive,
    user_last_name: names.lastName,
    // seed 001: a string of seconds ("3600"); Waldur's schema: an integer
    user_token_lifetime:
      names.tokenLifetime === null
        ? null
        : waldurAnswers() === "waldur"
          ? names.tokenLifetime
          : String(names.tokenLifetime),
    user_username: t.user.user.username,
  };
}

export function offeringUserJson(
  origin: string,
  r: { role: { id: string; role: string; expirationTime: Date | null; createdAt: Date }; user: UserRow },
) {
  return {
    uuid: hexUuid(r.role.id),
    created: r.role.createdAt.toISOString(),
    expiration_time: r.role.expirationTime?.toISOString() ?? null,
    role_name: r.role.role,
    user: waldurUrl(origin, "users", r.user.id),
    user_uuid: hexUuid(r.user.id),
    user_username: r.user.username,
    user_full_name: r.user.name,
    user_email: r.user.email,
  };
}
