import type { Run } from '../command.ts';
import { readText } from '../io.ts';
import { UsageError } from '../args.ts';
import { segmentText } from '../../core/text/segment.ts';
import { KNOWN_LANGS, isKnownLang } from '../../core/model/lang.ts';

export const segment: Run = {
  run(args, io) {
    const lang = args.flags.lang;
    if (!lang) throw new UsageError('missing --lang (en, ru or kk)');
    if (!isKnownLang(lang))
      throw new UsageError(`--lang: unknown language "${lang}" (use ${KNOWN_LANGS.join(', ')})`);
    const text = readText(args.positional[0]);
    const segments = segmentText(text, lang);
    if (args.flags.json) io.out(JSON.stringify({ segments: segments.map((s) => s.text) }));
    else io.out(segments.map((s) => s.text).join('\n'));
    return 0;
  },
};
