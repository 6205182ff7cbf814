import { describe, expect, it } from "vitest";
import { createOfferingInput } from "./schemas";
import {
  emptyWizard,
  onlyProviderOf,
  validateWizard,
  validateWizardStep,
  wizardErrorPath,
  wizardToCreateInput,
} from "./wizard";

describe("offering wizard validation", () => {
  it("reports each step's errors beside its fields", () => {
    const d = emptyWizard();
    expect(Object.keys(validateWizardStep(0, d)).sort()).toEqual(["basics.category", "basics.customer", "basics.name"]);
    d.components.push({ ...d.components[0] });
    d.components[0].billing_type = "sometimes" as never;
    expect(Object.keys(validateWizardStep(1, d)).sort()).toEqual(["components.0.billing_type", "components.1.type"]);
    d.plans[0].prices = { cpu_hours: "abc" };
    expect(Object.keys(validateWizardStep(2, d))).toEqual(["plans.0.prices.cpu_hours"]);
    d.plugin_options = { initial_uidnumber: "12x", supports_pausing: true };
    expect(Object.keys(validateWizardStep(3, d))).toEqual(["plugin_options.initial_uidnumber"]);
    d.plans = [];
    expect(validateWizardStep(2, d).plans).toBeDefined();
  });

  it("turns a complete wizard into a valid create input", () => {
    const d = emptyWizard();
    d.basics = {
      ...d.basics,
      name: "HPC",
      customer: "0123456789abcdef0123456789abcdef",
      category: "0123456789abcdef0123456789abcdef",
    };
    d.plans[0].prices = { cpu_hours: "0.05" };
    d.plans[0].quotas = { cpu_hours: "100" };
    d.plugin_options = { initial_uidnumber: "5000", supports_pausing: true, homedir_prefix: "" };
    expect(validateWizard(d)).toEqual({});
    const input = wizardToCreateInput(d, {});
    expect(input.plugin_options).toEqual({ initial_uidnumber: 5000, supports_pausing: true });
    const parsed = createOfferingInput.parse(input);
    expect(parsed.plans[0]).toMatchObject({ prices: { cpu_hours: 0.05 }, quotas: { cpu_hours: 100 } });
  });

  it("links the offering to the chosen provider, and to none when none is chosen (or an old draft has no choice)", () => {
    const d = emptyWizard();
    d.basics = {
      ...d.basics,
      name: "HPC",
      customer: "0123456789abcdef0123456789abcdef",
      category: "0123456789abcdef0123456789abcdef",
      provider: "journey-hpc",
    };
    expect(createOfferingInput.parse(wizardToCreateInput(d, {})).provider).toBe("journey-hpc");
    expect(wizardToCreateInput({ ...d, basics: { ...d.basics, provider: "" } }, {})).not.toHaveProperty("provider");
    const { provider: _, ...oldDraft } = d.basics; // eslint-disable-line @typescript-eslint/no-unused-vars
    expect(wizardToCreateInput({ ...d, basics: oldDraft }, {})).not.toHaveProperty("provider");
    expect(wizardErrorPath("provider")).toBe("basics.provider");
    const org = { id: "o", name: "Org", providers: [{ id: "a", name: "A" }] };
    expect([
      onlyProviderOf(org),
      onlyProviderOf({ ...org, providers: [...org.providers, { id: "b", name: "B" }] }),
      onlyProviderOf(undefined),
    ]).toEqual(["a", "", ""]);
  });
});
