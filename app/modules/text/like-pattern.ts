/** `%`, `_` and `\` are wildcards in LIKE patterns; a user's name query means them literally. */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
