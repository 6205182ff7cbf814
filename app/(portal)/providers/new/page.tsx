import { ProviderForm } from "@/components/providers/provider-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/http/session";

export const metadata = { title: "New provider" };

export default async function NewProviderPage() {
  await requirePageActor("admin", "member");
  return (
    <>
      <PageHeader
        title="New provider"
        breadcrumbs={[
          { href: "/providers", label: "Providers" },
          { href: "/providers/new", label: "New" },
        ]}
        description="Register a provider that is not in the EOSC catalogue. You become its creator and can edit it later."
      />
      <Card>
        <ProviderForm mode="create" />
      </Card>
    </>
  );
}
