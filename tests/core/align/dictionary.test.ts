import { describe, expect, it } from 'vitest';
import { alignSegments, alignWithParams, DEFAULT_PARAMS } from '../../../src/core/align/align.ts';
import { dictionaryStem, seedIndex } from '../../../src/core/align/dictionary.ts';
import type { AlignSegment, Bead } from '../../../src/core/align/types.ts';

// Sentences written for this test (not from any evaluation set).
const DE = [
  'Der Hund schläft ruhig im warmen Garten.',
  'Die Katze trinkt jeden Morgen frische Milch.',
  'Das Wetter bleibt morgen schön und sonnig.',
  'Wir wandern dann zur alten Hütte hinauf.',
  'Dort wartet der Wirt mit einer heissen Suppe.',
  'Am Abend spielen die Kinder draussen Karten.',
  'Die Nacht in der Hütte ist kalt und still.',
  'Am Sonntag fahren wir mit dem Zug nach Hause.',
];
// The second German sentence has no translation.
const FR = [
  'Le chien dort tranquillement dans le jardin chaud.',
  'Le temps restera beau et ensoleillé demain.',
  'Nous monterons ensuite à la vieille cabane.',
  'Là-haut, l’aubergiste nous attend avec une soupe chaude.',
  'Le soir, les enfants jouent aux cartes dehors.',
  'La nuit à la cabane est froide et silencieuse.',
  'Dimanche, nous rentrons à la maison en train.',
];
const SEEDS: [string, string][] = [
  ['Hund', 'chien'],
  ['Garten', 'jardin'],
  ['Katze', 'chat'],
  ['Milch', 'lait'],
  ['Wetter', 'temps'],
  ['sonnig', 'ensoleillé'],
  ['Hütte', 'cabane'],
  ['Suppe', 'soupe'],
  ['Abend', 'soir'],
  ['Kinder', 'enfants'],
  ['Nacht', 'nuit'],
  ['kalt', 'froid'],
  ['Sonntag', 'dimanche'],
  ['Hause', 'maison'],
];

const seg = (texts: readonly string[]): AlignSegment[] => texts.map((text) => ({ text }));
const keys = (beads: readonly Bead[]) => beads.map((b) => `${b.source.join(',')}:${b.target.join(',')}`);

describe('dictionaryStem', () => {
  it.each([
    ['Hütte', 'Hütten'],
    ['Gipfel', 'Gipfeln'],
    ['sommet', 'sommets'],
    ['montagne', 'montagnes'],
    ['Gletscher', 'gletschers'],
  ])('%s and %s share a stem', (a, b) => expect(dictionaryStem(a)).toBe(dictionaryStem(b)));

  it.each([
    ['Hund', 'Hut'],
    ['glacier', 'glace'],
    ['sommet', 'somme'],
  ])('%s and %s do not', (a, b) => expect(dictionaryStem(a)).not.toBe(dictionaryStem(b)));
});

describe('seedIndex', () => {
  it('keeps single words of four letters or more, and at most three senses per target word', () => {
    const index = seedIndex([
      ['Berg', 'montagne'],
      ['Gebirge', 'montagne'],
      ['Bergland', 'montagne'],
      ['Massiv', 'montagne'],
      ['und', 'et'],
      ['Hütte', 'petite maison'],
    ]);
    expect(index.target.get(dictionaryStem('montagne'))).toHaveLength(3);
    expect(index.source.has(dictionaryStem('und'))).toBe(false);
    expect(index.source.has(dictionaryStem('Hütte'))).toBe(false);
  });
});

describe('alignment with a seed dictionary', () => {
  it('finds the sentence pairs that lengths alone misplace', () => {
    const beads = alignSegments(seg(DE), seg(FR), { sourceLang: 'de', targetLang: 'fr', seedPairs: SEEDS });
    expect(keys(beads)).toEqual(expect.arrayContaining(['2:1', '3:2', '4:3', '5:4', '6:5', '7:6']));
  });

  it('leaves the alignment as it was when no pair occurs in the text', () => {
    const plain = alignSegments(seg(DE), seg(FR), { sourceLang: 'de', targetLang: 'fr' });
    const unrelated = alignSegments(seg(DE), seg(FR), {
      sourceLang: 'de',
      targetLang: 'fr',
      seedPairs: [['Flugzeug', 'avion']],
    });
    expect(unrelated).toEqual(plain);
  });

  it('weighs mutual best partners only when a dictionary is given', () => {
    const options = { sourceLang: 'de', targetLang: 'fr' };
    const heavy = { ...DEFAULT_PARAMS, mutualCross: 50 };
    const none = { ...DEFAULT_PARAMS, mutualCross: 0 };
    expect(alignWithParams(seg(DE), seg(FR), options, heavy)).toEqual(
      alignWithParams(seg(DE), seg(FR), options, none),
    );
    const seeded = { ...options, seedPairs: SEEDS };
    expect(alignWithParams(seg(DE), seg(FR), seeded, heavy)).not.toEqual(
      alignWithParams(seg(DE), seg(FR), seeded, none),
    );
  });
});
