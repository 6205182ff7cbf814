import { accountPortalOperations } from "@/lib/dialects/portal/account-operations";
import { argoAccountingOperations } from "@/lib/dialects/argo/accounting/operations";
import { argoTypeOperations } from "@/lib/dialects/argo/accounting/type-operations";
import { argoProviderOperations } from "@/lib/dialects/argo/provider-operations";
import { cloudcockpitOperations } from "@/lib/dialects/cloudcockpit/operations";
import { healthOperations } from "@/lib/dialects/portal/health-operations";
import { notificationPortalOperations } from "@/lib/dialects/portal/notification-operations";
import { portalOperations } from "@/lib/dialects/portal/operations";
import { webhookPortalOperations } from "@/lib/dialects/portal/webhook-operations";
import { registrationPortalOperations } from "@/lib/dialects/portal/registration-operations";
import { tenancyPortalOperations } from "@/lib/dialects/portal/tenancy-operations";
import { ucloudOperations } from "@/lib/dialects/ucloud/operations";
import { waldurOperations } from "@/lib/dialects/waldur/operations";
import { orderOperations } from "@/lib/dialects/waldur/order-operations";
import { projectOperations } from "@/lib/dialects/waldur/project-operations";
import { resourceOperations } from "@/lib/dialects/waldur/resource-operations";
import type { Operation } from "@/lib/http/operation";

// Every operation of every dialect; each area appends its list. Feeds /api/openapi.json and the fuzzers.
export const allOperations: Operation[] = [
  ...portalOperations,
  ...tenancyPortalOperations,
  ...cloudcockpitOperations,
  ...ucloudOperations,
  ...argoProviderOperations,
  ...waldurOperations,
  ...orderOperations,
  ...projectOperations,
  ...resourceOperations,
  ...argoAccountingOperations,
  ...argoTypeOperations,
  ...registrationPortalOperations,
  ...healthOperations,
  ...notificationPortalOperations,
  ...webhookPortalOperations,
  ...accountPortalOperations,
];
