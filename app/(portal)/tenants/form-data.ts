import { AppError } from "@/lib/errors/app-error";
import { MICROSOFT_CUSTOMER_FIELDS } from "@/lib/tenancy/provider-customer-data";

// The provider-instance form's fields → the core's input. Overrides come as rows override.<n>.{type,rule,value}.

const str = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v.trim() : "";
};

export function marginsFromForm(form: FormData) {
  const margin = { rule: str(form, "margin.rule"), value: str(form, "margin.value") };
  const rows = new Set([...form.keys()].map((k) => /^override\.(\d+)\./.exec(k)?.[1]).filter((n): n is string => !!n));
  const offerTypeMargins: Record<string, { rule: string; value: string }> = {};
  for (const n of [...rows].sort((a, b) => Number(a) - Number(b))) {
    const type = str(form, `override.${n}.type`);
    const value = str(form, `override.${n}.value`);
    if (!type && !value) continue; // an empty row is ignored
    if (!type)
      throw new AppError("validation", "Name the offer type of each override.", {
        [`override.${n}.type`]: ["Name the offer type."],
      });
    if (Object.keys(offerTypeMargins).some((k) => k.toLowerCase() === type.toLowerCase()))
      throw new AppError("validation", "An offer type is listed twice.", {
        [`override.${n}.type`]: ["Already listed above."],
      });
    offerTypeMargins[type] = { rule: str(form, `override.${n}.rule`), value };
  }
  return { margin, offerTypeMargins };
}

const BOOLEAN_FIELDS = new Set(["AcceptedMCA", "KeepPrimaryInformation", "EnableGDAP"]);

/** Microsoft instances: the seed's properties from their own fields; other types: the free-text field. */
export function customerDataFromForm(form: FormData): string | Record<string, unknown> | null {
  if (str(form, "instanceType") !== "microsoft") return str(form, "providerCustomerData") || null;
  const data: Record<string, unknown> = {};
  for (const f of MICROSOFT_CUSTOMER_FIELDS) {
    const key = `providerCustomerData.${f}`;
    if (BOOLEAN_FIELDS.has(f)) data[f] = form.get(key) === "on";
    else if (f === "Qualifications")
      data[f] = str(form, key)
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    else if (f === "AgreementDate") {
      const d = str(form, key);
      data[f] = /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00Z` : d;
    } else data[f] = str(form, key);
  }
  return data;
}
