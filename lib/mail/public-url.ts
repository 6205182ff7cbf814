import { config } from "@/lib/config";

/** An absolute link into the portal for e-mails (`PORTICO_PUBLIC_URL`): `publicUrl("/providers/x")`. */
export function publicUrl(path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${config.publicUrl}${path.startsWith("/") ? path : `/${path}`}`;
}
