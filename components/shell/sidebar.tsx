"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "./nav-items";

export function Sidebar({ items, badges }: { items: NavItem[]; badges: Record<string, number> }) {
  const path = usePathname();
  const sections = [...new Set(items.map((i) => i.section))];
  // The most specific entry wins: /usage/upload lights "Upload usage", not "Usage reports" too.
  const activeHref = items
    .map((i) => i.href)
    .filter((h) => (h === "/" ? path === "/" : path === h || path.startsWith(h + "/")))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label="Main" className="space-y-5">
      {sections.map((s) => (
        <div key={s}>
          <p className="px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">{s}</p>
          <ul className="mt-1 space-y-0.5">
            {items
              .filter((i) => i.section === s)
              .map((i) => {
                const active = i.href === activeHref;
                return (
                  <li key={i.href}>
                    <Link
                      href={i.href}
                      aria-current={active ? "page" : undefined}
                      className={`flex items-center justify-between rounded-md px-3 py-1.5 text-sm ${active ? "bg-brand-100 font-medium text-brand-700 dark:bg-slate-800 dark:text-white" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`}
                    >
                      {i.label}
                      {badges[i.href] ? (
                        <span
                          className="rounded-full bg-red-600 px-2 text-xs text-white"
                          aria-label={`${badges[i.href]} pending`}
                        >
                          {badges[i.href]}
                        </span>
                      ) : null}
                    </Link>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
