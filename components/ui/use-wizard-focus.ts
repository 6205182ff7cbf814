"use client";
import { useEffect, useRef } from "react";

/**
 * Where focus goes when a wizard changes step or reports an outcome: to the first field marked invalid, else
 * (on a step change, or when the focused control went away) to the step's heading — never left on <body>.
 * Nothing moves on the first render, so opening or reloading a wizard leaves focus alone.
 */
export function useWizardFocus<T extends HTMLElement = HTMLDivElement>(step: number, ...outcome: unknown[]) {
  const root = useRef<T>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const seen = useRef({ step, outcome });
  useEffect(() => {
    const before = seen.current;
    if (
      before.step === step &&
      before.outcome.length === outcome.length &&
      before.outcome.every((o, i) => o === outcome[i])
    )
      return;
    seen.current = { step, outcome };
    const invalid = root.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else if (before.step !== step || !root.current?.contains(document.activeElement)) heading.current?.focus();
  });
  return { root, heading };
}
