/** Every step of a wizard, with where you are; finished steps can be revisited. */
export function Stepper({
  steps,
  current,
  reached,
  onSelect,
}: {
  steps: readonly string[];
  current: number;
  reached: number;
  onSelect: (i: number) => void;
}) {
  return (
    <nav aria-label="Wizard steps" className="mb-6">
      <ol className="flex flex-wrap gap-2">
        {steps.map((s, i) => {
          const state = i === current ? "current" : i < current || i <= reached ? "done" : "todo";
          const tone =
            state === "current"
              ? "border-brand-600 bg-brand-600 text-white"
              : state === "done"
                ? "border-brand-500 bg-brand-50 text-brand-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
                : "border-slate-300 text-slate-500 dark:border-slate-700";
          return (
            <li key={s}>
              <button
                type="button"
                disabled={state === "todo"}
                aria-current={state === "current" ? "step" : undefined}
                onClick={() => onSelect(i)}
                className={`flex items-center gap-2 rounded-full border px-3 py-1 text-sm ${tone} disabled:cursor-not-allowed`}
              >
                <span className="font-semibold">{i + 1}</span> {s}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
