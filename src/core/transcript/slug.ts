/**
 * A readable URL slug: lower case, diacritics and punctuation removed, words
 * joined with `-`, cut at a word boundary to at most `max` characters.
 */
export function slugify(title: string, max = 60): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > max && slug) break;
    slug = next.slice(0, max);
  }
  return slug || 'question';
}
