/**
 * Fills a message template (issue 14): `{name}` takes a parameter, and
 * `{count, plural, one {# badge} other {# badges}}` picks the form Intl.PluralRules gives for the
 * number in the language (`#` is the number, formatted for the locale). Japanese has one form, so
 * its templates just write `{count}件`; English needs both, so "1 badges" cannot happen. A form the
 * language does not give falls back to `other`. Unknown parameters are left as written.
 */
const rulesCache = new Map<string, Intl.PluralRules>();

function rules(locale: string): Intl.PluralRules {
  let r = rulesCache.get(locale);
  if (r === undefined) {
    r = new Intl.PluralRules(locale);
    rulesCache.set(locale, r);
  }
  return r;
}

/** The text of the `{…}` group that opens at `open`, and the index after it; null when unbalanced. */
function group(s: string, open: number): { body: string; end: number } | null {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}') {
      depth--;
      if (depth === 0) return { body: s.slice(open + 1, i), end: i + 1 };
    }
  }
  return null;
}

function plural(body: string, n: number, locale: string): string | null {
  const forms = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*/.exec(body.slice(i));
    if (m === null) break;
    const open = i + m[0].length;
    if (body[open] !== '{') return null;
    const g = group(body, open);
    if (g === null) return null;
    forms.set(m[1] ?? 'other', g.body);
    i = g.end;
  }
  const form = forms.get(`=${n}`) ?? forms.get(rules(locale).select(n)) ?? forms.get('other');
  return form === undefined ? null : form.replace(/#/g, new Intl.NumberFormat(locale).format(n));
}

export function formatMessage(template: string, params: Readonly<Record<string, string | number>> = {}, locale = 'en'): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    out += template.slice(i, open);
    const g = group(template, open);
    if (g === null) {
      out += template.slice(open);
      return out;
    }
    const simple = /^(\w+)$/.exec(g.body);
    const pl = /^(\w+),\s*plural,([\s\S]*)$/.exec(g.body);
    let text: string | null = null;
    if (simple?.[1] !== undefined && Object.prototype.hasOwnProperty.call(params, simple[1])) text = String(params[simple[1]]);
    else if (pl?.[1] !== undefined && pl[2] !== undefined) {
      const v = params[pl[1]];
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
      if (Number.isFinite(n)) text = plural(pl[2], n, locale);
    }
    out += text ?? template.slice(open, g.end);
    i = g.end;
  }
  return out + template.slice(i);
}
