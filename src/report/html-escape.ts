/**
 * HTML escaping for everything the report shows from a log. Names in real logs carry `<`, `&`,
 * quotes and control bytes; each value passes through here before it reaches the template, so
 * the page can only ever show them as text.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Escape `value` for HTML text and double- or single-quoted attribute values.
 *
 * @returns The text with markup characters as entities and control characters (which HTML
 *   forbids) as U+FFFD.
 */
export function escapeHtml(value: string): string {
  return (
    value
      .replace(/[&<>"']/g, (character) => ENTITIES[character] as string)
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd')
  )
}
