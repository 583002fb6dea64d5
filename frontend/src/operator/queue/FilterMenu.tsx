import { useEffect, useRef, useState, type ReactNode } from "react";

import type { Choice } from "./QueueFilters";

/**
 * A compact filter of the queue: a disclosure button saying what is chosen ("Stati: aperte"),
 * opening a panel of checkboxes over the results. Escape closes it and gives the focus back to
 * the button, as does leaving it with Tab or a click elsewhere. Every choice applies at once.
 */
export function FilterMenu({ id, label, summary, children }: { id: string; label: string; summary: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    // Focus leaving for another control (Tab): a click on a label focuses the page's main
    // container for a moment, which holds the menu, so that does not count.
    const moved = (event: FocusEvent) => {
      const target = event.target as Node;
      if (root.current && !root.current.contains(target) && !target.contains(root.current)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("focusin", moved);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("focusin", moved);
    };
  }, [open]);

  return (
    <div className="queue-menu" ref={root} data-testid={id}
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !open) return;
        event.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}>
      <button ref={button} type="button" id={`${id}-button`} className="btn btn-sm btn-outline-primary queue-menu-button"
        aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((shown) => !shown)}>
        <span className="fw-semibold">{label}:</span> {summary}
        <span aria-hidden="true"> ▾</span>
      </button>
      <div id={`${id}-panel`} className="queue-menu-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}

/** Checkboxes for some of `options` (none chosen: no filter). */
export function CheckboxList({ id, legend, options, chosen, onChange }: {
  id: string;
  legend: string;
  options: readonly Choice[];
  chosen: readonly string[];
  onChange(chosen: string[]): void;
}) {
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...chosen, value] : chosen.filter((item) => item !== value));
  return (
    <fieldset className="mb-2">
      <legend className="queue-menu-legend">{legend}</legend>
      {options.map((option) => (
        <div className="form-check my-1" key={option.id}>
          <input id={`${id}-${option.id}`} type="checkbox" checked={chosen.includes(option.id)}
            onChange={(event) => toggle(option.id, event.target.checked)} />
          <label htmlFor={`${id}-${option.id}`}>{option.name}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** What a multiple choice says on its button: "tutti", the one chosen, or how many. */
export function chosenSummary(chosen: readonly string[], options: readonly Choice[], any: string, many: (count: number) => string): string {
  if (!chosen.length) return any;
  if (chosen.length === 1) return options.find((option) => option.id === chosen[0])?.name ?? many(1);
  return many(chosen.length);
}
