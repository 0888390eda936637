/** Text as HTML that shows it literally: for the feeds' HTML fields, which readers render. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
