/** A source's words with the figure they state marked, so a reader sees both at once. */
export function Quote({ text, figure, className = "" }: { text: string; figure?: string | null; className?: string }) {
  const at = figure ? text.indexOf(figure) : -1;
  return (
    <blockquote className={`border-l-4 border-stone-300 pl-3 font-serif text-stone-800 ${className}`}>
      “{at < 0 ? text : <>{text.slice(0, at)}<mark className="bg-amber-100">{figure}</mark>{text.slice(at + figure!.length)}</>}”
    </blockquote>
  );
}
