"use client";
import { useId, useMemo, useRef, useState } from "react";

export type ComboSuggestion = {
  /** What selecting it puts in the field. */
  value: string;
  label: string;
  /** A second line: aliases, a count, the stored name. */
  detail?: string;
  /** Other words it is found by (aliases). */
  keywords?: readonly string[];
};

/** The extra last option, such as “Create “X”” or “Add “X” to the vocabulary”. */
export type ComboExtra = { label: string; onSelect: () => void };

const MAX_SHOWN = 8;

function rank(s: ComboSuggestion, q: string): number {
  const texts = [s.label, s.value, ...(s.keywords ?? [])].map((t) => t.toLowerCase());
  if (texts.some((t) => t === q)) return 0;
  if (texts.some((t) => t.startsWith(q))) return 1;
  if (texts.some((t) => t.split(/[\s_-]+/).some((w) => w.startsWith(q)))) return 2;
  if (texts.some((t) => t.includes(q))) return 3;
  return -1;
}

/**
 * A text field with a list of suggestions below it (the WAI-ARIA combobox pattern with list
 * autocomplete): typing filters, ↓/↑ move through the options, Enter picks one, Escape closes
 * the list. Free text stays allowed; `extra` adds one action for text the list lacks.
 */
export function SuggestCombobox({
  id, name, value, onValueChange, suggestions, extra, invalid, required, describedBy, placeholder,
}: {
  id: string;
  name: string;
  value: string;
  onValueChange: (value: string) => void;
  suggestions: readonly ComboSuggestion[];
  extra?: (typed: string) => ComboExtra | null;
  invalid?: boolean;
  required?: boolean;
  describedBy?: string;
  placeholder?: string;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const q = value.trim().toLowerCase();

  const shown = useMemo(() => {
    if (!q) return suggestions.slice(0, MAX_SHOWN);
    return suggestions
      .map((s, i) => ({ s, r: rank(s, q), i }))
      .filter((x) => x.r >= 0)
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .slice(0, MAX_SHOWN)
      .map((x) => x.s);
  }, [suggestions, q]);
  const extraOption = value.trim() ? (extra?.(value.trim()) ?? null) : null;
  const count = shown.length + (extraOption ? 1 : 0);
  const expanded = open && count > 0;
  const optionId = (i: number) => `${listId}-option-${i}`;

  function choose(i: number) {
    const picked = shown[i];
    if (picked) onValueChange(picked.value);
    else if (extraOption) extraOption.onSelect();
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(e.key === "ArrowDown" ? 0 : count - 1);
        return;
      }
      setActive((a) => (e.key === "ArrowDown" ? (a + 1) % count : (a - 1 + count) % count));
    } else if (e.key === "Enter" && expanded && active >= 0) {
      e.preventDefault();
      choose(active);
    } else if (e.key === "Escape" && expanded) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (e.key === "Tab") {
      setOpen(false);
    }
  }

  return (
    <div className="relative">
      <input
        ref={inputRef}
        id={id}
        name={name}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        required={required}
        placeholder={placeholder}
        onChange={(e) => {
          onValueChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-sky-600 focus:outline-none focus:ring-1 focus:ring-sky-600"
      />
      <ul id={listId} role="listbox" aria-label="Suggestions" hidden={!expanded}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-stone-300 bg-white py-1 text-sm shadow-lg">
        {shown.map((s, i) => (
          <li key={`${s.value}-${i}`} id={optionId(i)} role="option" aria-selected={active === i}
            onMouseDown={(e) => e.preventDefault()} onClick={() => choose(i)} onMouseMove={() => setActive(i)}
            className={`cursor-pointer px-3 py-1.5 ${active === i ? "bg-sky-100" : ""}`}>
            <span className="block">{s.label}</span>
            {s.detail ? <span className="block text-xs text-stone-600">{s.detail}</span> : null}
          </li>
        ))}
        {extraOption ? (
          <li id={optionId(shown.length)} role="option" aria-selected={active === shown.length}
            onMouseDown={(e) => e.preventDefault()} onClick={() => choose(shown.length)} onMouseMove={() => setActive(shown.length)}
            className={`cursor-pointer border-t border-stone-200 px-3 py-1.5 font-medium text-sky-800 ${active === shown.length ? "bg-sky-100" : ""}`}>
            {extraOption.label}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
