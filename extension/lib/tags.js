// The Edit form's tag field: tags separated by commas. A tag that holds a comma (the API and vCard imports allow
// one) is written in double quotes, so that editing another tag does not split it in two.

/** The field's text for a contact's tags: `trade fair 2026, "Milan, Italy"`. */
export function tagText(tags) {
  return (tags ?? []).map((t) => (/[",]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t)).join(', ');
}

/** The tags typed in the field: split at commas outside double quotes, trimmed, empty ones dropped. */
export function tagList(text) {
  const tags = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { current += '"'; i++; } else if (ch === '"') quoted = false; else current += ch;
    } else if (ch === '"' && current.trim() === '') {
      quoted = true;
      current = '';
    } else if (ch === ',') {
      tags.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  tags.push(current);
  return tags.map((t) => t.trim()).filter(Boolean);
}
