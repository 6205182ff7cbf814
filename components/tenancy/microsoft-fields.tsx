"use client";
import { TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors/app-error";

const TEXT_FIELDS: { name: string; label: string; type?: string; placeholder?: string; hint?: string }[] = [
  {
    name: "Domain",
    label: "Microsoft domain",
    placeholder: "TestDomain",
    hint: "The onmicrosoft.com prefix or the full domain.",
  },
  { name: "CredentialsEmail", label: "Credentials email", type: "email", placeholder: "admin@contoso.com" },
  { name: "FirstName", label: "First name" },
  { name: "LastName", label: "Last name" },
  { name: "Email", label: "Contact email", type: "email" },
  { name: "Phone", label: "Phone", type: "tel", placeholder: "921231231" },
  { name: "DefaultCulture", label: "Default culture", placeholder: "en-US" },
  { name: "Language", label: "Language", placeholder: "en" },
  { name: "AssociatedPartnerId", label: "Associated partner id (MPN)", placeholder: "6234552" },
  { name: "AgreementDate", label: "Agreement date", type: "date" },
  {
    name: "Qualifications",
    label: "Qualifications (comma-separated)",
    placeholder: "Education, GovernmentCommunityCloud",
  },
];
const CHECKS = [
  { name: "AcceptedMCA", label: "The customer accepted the Microsoft Customer Agreement" },
  { name: "KeepPrimaryInformation", label: "Keep the primary contact information" },
  { name: "EnableGDAP", label: "Enable GDAP (granular delegated admin privileges)" },
];

/** The seed's Microsoft customer properties, each with its own label and errors. */
export function MicrosoftFields({ fe, idPrefix }: { fe: FieldErrors; idPrefix: string }) {
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-semibold">Microsoft customer data</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        {TEXT_FIELDS.map((f) => (
          <TextField
            key={f.name}
            id={`${idPrefix}-ms-${f.name}`}
            label={f.label}
            name={`providerCustomerData.${f.name}`}
            type={f.type}
            placeholder={f.placeholder}
            hint={f.hint}
            errors={fe[`providerCustomerData.${f.name}`]}
          />
        ))}
      </div>
      <div className="space-y-2">
        {CHECKS.map((c) => {
          const errs = fe[`providerCustomerData.${c.name}`];
          return (
            <div key={c.name}>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name={`providerCustomerData.${c.name}`}
                  defaultChecked={c.name !== "KeepPrimaryInformation"}
                  aria-invalid={errs?.length ? true : undefined}
                  aria-describedby={errs?.length ? `${idPrefix}-ms-${c.name}-error` : undefined}
                />
                {c.label}
              </label>
              {errs?.length ? (
                <p id={`${idPrefix}-ms-${c.name}-error`} className="text-sm text-red-600 dark:text-red-400">
                  {errs.join(" ")}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      {fe.providerCustomerData && (
        <p className="text-sm text-red-600 dark:text-red-400">{fe.providerCustomerData.join(" ")}</p>
      )}
    </fieldset>
  );
}
