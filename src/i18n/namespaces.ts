/**
 * Which interface strings the first screen needs, and which wait for the view or dialog that shows them. The
 * locale files stay one file per language (locales/<lang>/translation.json); the build splits each into i18next
 * namespaces by these key prefixes, so the review screen downloads only its own strings and a view's strings come
 * with the view's code. Keys keep their full dotted names in every namespace: `t('align.title')` reads the same
 * wherever the string lives.
 */
export const UI_NAMESPACES = [
  'translation',
  'glossary',
  'align',
  'dashboard',
  'transfer',
  'help',
  'team',
  'settings',
  'learn',
  'panels',
] as const;
export type UiNamespace = (typeof UI_NAMESPACES)[number];
/** Strings that are not on the first screen. */
export type LazyNamespace = Exclude<UiNamespace, 'translation'>;

/**
 * Key prefixes (whole dotted segments) and their namespace; the longest prefix of a key decides, and a key under no
 * prefix is a first-screen string ('translation'). The first screen's own uses inside lazy groups (the glossary
 * panel's title, the team button, the help button's name…) are listed back as 'translation'.
 */
const PREFIXES: Readonly<Record<string, UiNamespace>> = {
  glossary: 'glossary',
  'glossary.title': 'translation',
  'glossary.count': 'translation',
  'glossary.count_one': 'translation',
  'glossary.count_other': 'translation',
  'glossary.status': 'translation',
  align: 'align',
  dashboard: 'dashboard',
  qaReport: 'dashboard',
  transfer: 'transfer',
  help: 'help',
  'help.title': 'translation',
  team: 'team',
  'team.open': 'translation',
  'team.localOnly.tag': 'translation',
  'team.localOnly.current': 'translation',
  checkSettings: 'settings',
  'checkSettings.open': 'translation',
  phraseRules: 'settings',
  spellingSettings: 'settings',
  learn: 'learn',
  // The review view's side panels (loaded just after the grid) and the issue messages they show.
  checks: 'panels',
  mqm: 'panels',
  memory: 'panels',
  history: 'panels',
  comments: 'panels',
  annotations: 'panels',
};

/** The namespace a dotted key (or the static start of a built key, like `align.problem.`) belongs to. */
export function namespaceOf(key: string): UiNamespace {
  const parts = key.split('.');
  for (let length = parts.length; length > 0; length--) {
    const found = PREFIXES[parts.slice(0, length).join('.')];
    if (found) return found;
  }
  return 'translation';
}

type Tree = { readonly [key: string]: string | Tree };

/** One language's strings split by namespace, each part keeping the full key paths of its strings. */
export function splitStrings(strings: Tree): Record<UiNamespace, Tree> {
  const parts = Object.fromEntries(UI_NAMESPACES.map((ns) => [ns, {}])) as Record<UiNamespace, Tree>;
  const place = (tree: Tree, path: readonly string[]) => {
    for (const [key, value] of Object.entries(tree)) {
      const at = [...path, key];
      if (typeof value === 'string') {
        let node = parts[namespaceOf(at.join('.'))] as Record<string, unknown>;
        for (const step of path) node = (node[step] ??= {}) as Record<string, unknown>;
        node[key] = value;
      } else place(value, at);
    }
  };
  place(strings, []);
  return parts;
}
