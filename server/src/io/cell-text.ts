// A table cell's paragraphs on one line, shared by the Word and Excel readers.

/** A cell's paragraphs on one line: a list of short names (units stacked one per line in a
 *  责任单位 cell: `县委办` / `县政府办`) joined by `、`, anything else by a space. */
export function joinCellParagraphs(paragraphs: string[]): string {
  const parts = paragraphs.map((p) => p.trim()).filter(Boolean);
  if (parts.length > 1 && parts.every((p) => p.length <= 20 && !/[。；;，,：:、\s]/.test(p))) return parts.join('、');
  return parts.join(' ');
}
