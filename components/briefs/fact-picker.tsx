"use client";
import { useEffect, useId, useRef, useState } from "react";
import { searchBriefFactsAction } from "@/lib/server/actions/briefs/search-brief-facts";
import type { FactOption } from "@/lib/server/data/briefs";
import { FactStateBadge } from "./fact-state-badge";

// A searchable combobox for citing a fact: type words of the subject, the attribute or a
// figure; arrow keys move through the matches, Enter cites one, Escape closes. The workspace
// may hold thousands of facts, so the server returns the first 20 matches and a count.

type Found = { facts: FactOption[]; total: number; limit: number };

export function FactPicker({ workspaceId, label, onPick, exclude = [], disabled = false }: {
  workspaceId: string;
  /** The accessible name, e.g. "Cite a fact in statement 2". */
  label: string;
  onPick: (fact: FactOption) => void;
  /** Facts already chosen: listed as such and not picked twice. */
  exclude?: readonly string[];
  disabled?: boolean;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<Found | null>(null);
  // The query the shown results answer; while it differs from what is typed, a search is due.
  const [answered, setAnswered] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const request = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);

  // Search 200 ms after typing stops; only the answer to the latest request is shown.
  useEffect(() => {
    if (!open) return;
    const mine = ++request.current;
    const timer = setTimeout(async () => {
      const result = await searchBriefFactsAction({ workspaceId, query }).catch(() => null);
      if (mine !== request.current) return;
      setAnswered(query);
      if (!result || !result.ok) {
        setError(result?.message ?? "The search could not reach the server. Try again.");
        return;
      }
      setError(null);
      setFound(result.data);
      setActive(0);
    }, 200);
    return () => clearTimeout(timer);
  }, [open, query, workspaceId]);

  const options = found?.facts ?? [];
  const pickable = (f: FactOption) => !exclude.includes(f.id);

  function pick(f: FactOption | undefined) {
    if (!f || !pickable(f)) return;
    onPick(f);
    setQuery("");
    setOpen(false);
    inputRef.current?.focus();
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === "Home" && open) {
      setActive(0);
    } else if (e.key === "End" && open) {
      setActive(Math.max(options.length - 1, 0));
    } else if (e.key === "Enter") {
      if (open && options.length) {
        e.preventDefault();
        pick(options[active]);
      }
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        setOpen(false);
      }
    }
  }

  const activeId = open && options[active] ? `${id}-opt-${active}` : undefined;
  const more = found && found.total > found.facts.length ? found.total - found.facts.length : 0;

  return (
    <div className="relative">
      <label htmlFor={`${id}-input`} className="sr-only">{label}</label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        autoComplete="off"
        disabled={disabled}
        placeholder="Search facts to cite: company, attribute or figure"
        value={query}
        onChange={(e) => { setQuery(e.target.value); setOpen(true); }}
        onFocus={() => setOpen(true)}
        onBlur={(e) => {
          // Clicking an option moves focus into the list first; keep it open for that click.
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget as Node | null)) setOpen(false);
        }}
        onKeyDown={onKeyDown}
        className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-sky-600 focus:outline-none focus:ring-1 focus:ring-sky-600 disabled:bg-stone-100"
      />
      <div
        className={open ? "absolute z-20 mt-1 w-full rounded-md border border-stone-300 bg-white shadow-lg" : "hidden"}
        onMouseDown={(e) => e.preventDefault()}
      >
        <ul id={listId} role="listbox" aria-label={`Facts matching “${query}”`} className="max-h-72 overflow-y-auto py-1">
          {options.map((f, i) => {
            const taken = !pickable(f);
            return (
              <li
                key={f.id}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                aria-disabled={taken || undefined}
                data-testid="fact-option"
                onClick={() => pick(f)}
                onMouseEnter={() => setActive(i)}
                className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-sky-50" : ""} ${taken ? "text-stone-500" : "text-stone-900"}`}
              >
                <span className="font-medium">{f.label}</span>
                <span className="ml-1">{f.value}</span>
                <span className="ml-2 inline-flex gap-1 align-middle"><FactStateBadge state={f.state} stale={f.stale} /></span>
                {taken ? <span className="ml-2 text-xs">(already cited)</span> : null}
              </li>
            );
          })}
        </ul>
        <p className="border-t border-stone-200 px-3 py-1.5 text-xs text-stone-600" aria-live="polite">
          {error
            ? <span className="text-red-700">{error}</span>
            : answered !== query
              ? "Searching…"
              : options.length === 0
                ? query ? `No fact matches “${query}”.` : "No facts yet: confirm claims first."
                : more
                  ? `Showing ${options.length} of ${found!.total} facts: type more to refine your search.`
                  : `${options.length} fact${options.length === 1 ? "" : "s"}. ↑ ↓ to move, Enter to cite, Esc to close.`}
        </p>
      </div>
    </div>
  );
}
