import { describe, expect, it } from 'vitest';
import { KeyVocabulary, segmentKeys, termPatterns } from '../../../src/core/align/features.ts';

/** Key strings of a segment, for reading. */
function keysOf(text: string, lang: string, terms: string[] = []): string[] {
  const vocab = new KeyVocabulary();
  const ids: number[] = [];
  segmentKeys(text, lang, vocab, termPatterns(terms, vocab), ids, []);
  return [...new Set(ids.map((id) => vocab.name(id)))].sort();
}

describe('segmentKeys: evidence that needs no dictionary', () => {
  it('gives the same keys to a Russian sentence and its English and Kazakh translations', () => {
    const ru = keysOf('Сообщить о звонках можно по телефону 102 или на сайте www.police.kz.', 'ru');
    const en = keysOf('Calls can be reported by dialling 102 or at www.police.kz.', 'en');
    const kk = keysOf(
      'Қоңыраулар туралы 102 телефоны арқылы немесе www.police.kz сайтында хабарлауға болады.',
      'kk',
    );
    for (const key of ['n:102', 'u:police.kz']) {
      expect(ru).toContain(key);
      expect(en).toContain(key);
      expect(kk).toContain(key);
    }
  });

  it('normalises e-mails and URLs', () => {
    expect(keysOf('Пишите на Akimat@Zhetysu.gov.kz.', 'ru')).toContain('u:akimat@zhetysu.gov.kz');
    expect(keysOf('See https://www.gov.kz/memleket/entities/?lang=en, please', 'en')).toContain(
      'u:gov.kz/memleket/entities/?lang=en',
    );
  });

  it('meets acronyms, codes and names across scripts', () => {
    const ru = keysOf('Генсек НАТО прилетел на A380 в Шымкент, где Ким выступил.', 'ru');
    const en = keysOf('The NATO chief flew an A380 to Shymkent, where Kim spoke.', 'en');
    for (const key of ['a:nato', 'i:a380', 'w:shmke', 'w:kim']) {
      expect(ru).toContain(key);
      expect(en).toContain(key);
    }
    // Ordinals are numbers, not codes.
    expect(keysOf('2-го ноября', 'ru').some((k) => k.startsWith('i:'))).toBe(false);
  });

  it('finds glossary terms in inflected forms', () => {
    expect(keysOf('Поручение акима района выполнено.', 'ru', ['аким района'])).toContain('g:0');
    expect(keysOf('Поручение выполнено.', 'ru', ['аким района'])).not.toContain('g:0');
  });

  it('keeps question and exclamation marks, quotes and brackets', () => {
    expect(keysOf('«Когда?» — спросил он (не сразу)!', 'ru')).toEqual(
      expect.arrayContaining(['p:?', 'p:!', 'p:q', 'p:(']),
    );
  });
});
