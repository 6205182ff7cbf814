import { approveRegistration } from "@/lib/registration/approve-registration";
import { requestRegistration } from "@/lib/registration/request-registration";
import { retrieveRegisteredProvider } from "@/lib/registration/retrieve-registered-provider";
import { signRegistration } from "@/lib/registration/sign-registration";
import { db, unique, type TestUser } from "./fixtures";

/** A provider registered through seed 000's flow (requested, signed by `owner`, approved by `admin`), with its credentials. */
export async function registerTestProvider(admin: TestUser, owner: TestUser) {
  const as = async (u: TestUser | null) => ({ db: await db(), actor: u?.actor ?? null, correlationId: unique("corr") });
  const specId = unique("prov");
  const specification = {
    id: specId,
    domain: "provider.example.com",
    https: true,
    port: null,
    product: { id: "", category: "", provider: "ucloud_core" },
  };
  const { token } = await requestRegistration(await as(null), { specification, origin: "integration_module" });
  await signRegistration(await as(owner), token);
  const { provider } = await approveRegistration(await as(admin), { token });
  const found = await retrieveRegisteredProvider(await as(admin), provider.id);
  return {
    specId,
    resourceId: String(provider.resourceNumber),
    refreshToken: found.refreshToken,
    publicKey: found.credentials.publicKey,
  };
}
