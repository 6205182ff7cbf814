"use client";
import { usePathname } from "next/navigation";
import { useRef, useState } from "react";
import type { NavItem } from "./nav-items";
import { Sidebar } from "./sidebar";

/**
 * Narrow screens: the navigation folds behind a Menu button (a disclosure: aria-expanded, Escape closes
 * and returns focus), so a phone shows the page's own content first. It closes on every navigation.
 */
export function PhoneMenu({ items, badges }: { items: NavItem[]; badges: Record<string, number> }) {
  const path = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const open = openOn === path;
  const pending = Object.values(badges).reduce((a, b) => a + b, 0);
  const close = (e: React.KeyboardEvent) => {
    if (e.key !== "Escape" || !open) return;
    setOpenOn(null);
    button.current?.focus();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="phone-nav"
        onClick={() => setOpenOn(open ? null : path)}
        onKeyDown={close}
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium md:hidden dark:border-slate-600"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          {open ? (
            <path d="M5.3 4.3 10 9l4.7-4.7 1 1L11 10l4.7 4.7-1 1L10 11l-4.7 4.7-1-1L9 10 4.3 5.3z" />
          ) : (
            <path d="M3 5h14v1.5H3zm0 4.25h14v1.5H3zM3 13.5h14V15H3z" />
          )}
        </svg>
        Menu
        {pending > 0 && (
          <span className="rounded-full bg-red-600 px-2 text-xs text-white" aria-label={`${pending} pending`}>
            {pending}
          </span>
        )}
      </button>
      <div
        id="phone-nav"
        hidden={!open}
        onKeyDown={close}
        className="order-last basis-full border-t border-slate-200 pt-3 md:hidden dark:border-slate-800"
      >
        <Sidebar items={items} badges={badges} />
      </div>
    </>
  );
}
