import Link from "next/link";
import { Notice } from "@/components/ui/notice";

/** What a spent, replaced or expired e-mailed link opens: where to ask for a new one. */
export function ExpiredLinkNotice({ askAgain }: { askAgain: string }) {
  return (
    <Notice kind="error">
      This link has expired or has already been used.{" "}
      <Link className="underline" href={askAgain}>
        Ask for a new one
      </Link>
      .
    </Notice>
  );
}
