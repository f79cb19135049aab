"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { humanize } from "@/lib/format";
import { removeVocabularyAttributeAction } from "@/lib/server/actions/workspaces/remove-vocabulary-attribute";

/** The attributes researchers added to the vocabulary, each removable after a confirmation; built-ins are listed for reference. */
export function VocabularySettings({ workspaceId, added, builtIn }: { workspaceId: string; added: string[]; builtIn: readonly string[] }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function remove(attribute: string) {
    startTransition(async () => {
      const result = await removeVocabularyAttributeAction({ workspaceId, attribute });
      setConfirming(null);
      if (!result.ok) return setNotice({ tone: "error", text: result.message });
      setNotice({ tone: "success", text: `Removed “${attribute}”. Claims that use it keep it; the forms no longer suggest it.` });
      router.refresh();
    });
  }

  return (
    <section aria-labelledby="vocabulary-title" className="max-w-2xl space-y-3">
      <h2 id="vocabulary-title" className="text-lg font-semibold">Attribute vocabulary</h2>
      <p className="text-sm text-stone-600">
        What claims can measure. Researchers add attributes from the claim form (“Add … to the vocabulary”); you can remove the ones this workspace added.
      </p>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {added.length === 0 ? (
        <p className="text-sm text-stone-600">This workspace has not added any attributes yet.</p>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" aria-label="Attributes added by this workspace">
          {added.map((a) => (
            <li key={a} data-testid="vocabulary-attribute" className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
              <span className="font-medium">{humanize(a)}</span> <code className="text-xs text-stone-600">{a}</code>
              {confirming === a ? (
                <span className="ml-auto flex items-center gap-2" role="group" aria-label={`Confirm removing ${a}`}>
                  <span>Remove it?</span>
                  <Button variant="danger" disabled={pending} onClick={() => remove(a)}>Yes, remove</Button>
                  <Button variant="secondary" disabled={pending} onClick={() => setConfirming(null)}>Keep</Button>
                </span>
              ) : (
                <Button variant="ghost" className="ml-auto" onClick={() => { setConfirming(a); setNotice(null); }} aria-label={`Remove ${a} from the vocabulary`}>Remove</Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer text-stone-700">{builtIn.length} built-in attributes (the extractor&apos;s)</summary>
        <p className="mt-2 text-stone-600">{builtIn.join(", ")}</p>
      </details>
    </section>
  );
}
