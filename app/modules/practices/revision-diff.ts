import { diffLines, diffWords } from "diff";

export interface DiffPart {
  text: string;
  change: "added" | "removed" | "same";
}

export interface FieldChange {
  field: string;
  parts: DiffPart[];
}

/** Unchanged stretches longer than this many lines are shortened to their ends. */
const CONTEXT_LINES = 3;
const ELLIPSIS = "⋯\n";

function shortenSame(text: string): string {
  const lines = text.split(/(?<=\n)/);
  if (lines.length <= CONTEXT_LINES * 2 + 1) return text;
  return [...lines.slice(0, CONTEXT_LINES), ELLIPSIS, ...lines.slice(-CONTEXT_LINES)].join("");
}

/**
 * The fields that differ between two revisions, each as a readable diff: line by line for
 * long text (the body, lists), word by word for short fields. Fields are compared as the
 * text a reader sees, so lists and numbers diff the way they are shown.
 */
export function diffRevisionTexts(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
  lineFields: ReadonlySet<string>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(after)) {
    const old = before[field] ?? "";
    const current = after[field] ?? "";
    if (old === current) continue;
    const byLine = lineFields.has(field);
    const parts = (byLine ? diffLines(old, current) : diffWords(old, current)).map(
      (part): DiffPart => {
        const change = part.added ? "added" : part.removed ? "removed" : "same";
        return { change, text: change === "same" && byLine ? shortenSame(part.value) : part.value };
      },
    );
    changes.push({ field, parts });
  }
  return changes;
}
