import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PHRASE_RULES, checkPair } from '../../../src/core/checks/index.ts';
import { CALQUES } from '../../../src/core/checks/util/calques.ts';

// One sentence per kind of artefact, written for this test as a machine translation of Russian might read; none
// is from the demo document or the held-out evaluation set.
const EXAMPLES: readonly string[] = [
  'To pass to the main content',
  'Send the form to the address office@school.kz today.',
  'The surname was spelled not correctly.',
  'At once I will note that the bus was late.',
  'At once it is worth noting the weather.',
  'The jury paid attention on the costumes.',
  'Respectively, the price went up.',
  'In such a way, the game ended.',
  'At that, the shop was closed.',
  'The Ministry of Education (further MOE) approved it.',
  'I consider that the film is too long.',
  'Parents attentively watch the children.',
  'It is possible to tell that spring has come.',
  'Call the doctor in case of necessity.',
  'The plan was carried out in a full measure.',
  'On the today’s day the library is closed.',
  'The road will open in the nearest time.',
  'Prices have risen in the last years.',
  'The school was built in 1998 year.',
  'In this year the harvest was good.',
  'Till now nobody has answered.',
  'The rain lasted not for long.',
  'The village has existed since long ago.',
  'The given report covers the spring.',
  'At the given moment the office is empty.',
  'At the present time the museum is closed.',
  'She worked there in the quality of a nurse.',
  'We show it on the example of one village.',
  'The concert took place in the frames of the festival.',
  'The city, in the person of the mayor, signed it.',
  'The project was approved in whole.',
  'The parliament adopted a package of measures on water.',
  'The law-enforcement bodies opened a case.',
  'The judicial organs reviewed the appeal.',
  'The bodies of local self-government met.',
  'Wolves live in the territory of the reserve.',
  'A new school opened on the territory of the village.',
  'Rains fell on all territory of the country.',
  'Volunteers help with protection of public order at the match.',
  'The Provision on the school council was signed.',
  'A resolution of the government set the prices.',
  'This is within the competence of the court.',
  'The campaign is directed to prevention of fires.',
  'Inspectors exercise the state control over prices.',
  'The court handles production on cases of fraud.',
  'The theft was a crime of small weight.',
  'The prisoners complained about the conditions of keeping.',
  'A man not having a definite place of residence was found.',
  'The deputy mayor may carry out other powers.',
  'Proceeding from the results, we chose the second plan.',
  'The park is funded by means of the local budget.',
  'The bridge was built at the expense of the regional budget.',
  'The storm led to the emergence of floods.',
  'The management of the agency changed in May.',
  'Safety is of paramount value for the airline.',
  'In the majority of schools the lessons start at eight.',
  'The duties are accurately divided between the deputies.',
  'The old ferry went to the bottom.',
  'The story spread through messages in the media.',
  'Mistakes were made at realization of the reform.',
  'The realization of the strategy took five years.',
  'The city realized the project in two years.',
  'The old order was recognized to have become invalid.',
  'The law About amendments and additions to some legislative acts was signed.',
  'He read the book “About Love” twice.',
  'A new law regulating the activity of banks was adopted.',
  'The budget of the subject was cut.',
  'Traffic changed in connection with the closing of the bridge.',
  'The poem for the first time was published in 1901.',
  'The novel was for the first time published abroad.',
  'The council meets two times a year.',
  'The court may demand their execution.',
  'Experts discussed the prospects of development of tourism.',
  'The perspectives of the development of the port are good.',
  'The forum discussed actual issues of health care.',
  'Give a concrete example, please.',
  'The teacher put an accent on reading.',
  'The school conducted a competition for pupils.',
  'The commission will make a conclusion next week.',
  'The decision was accepted at the meeting.',
  'The council accepted a decision to build a pool.',
  'The mayor accepted measures against the flood.',
  'The parliament has accepted the law on forests.',
  'Doctors rendered assistance to the victims.',
  'The weather rendered an influence on the harvest.',
  'The grant will give a possibility to study abroad.',
  'Visitors have the possibility to rent bicycles.',
  'The guide will tell about the history of the castle.',
  'The price depends from the season.',
  'The team consists from eleven players.',
  'Our pupils participated at the olympiad.',
  'The neighbours discussed about the parking.',
  'Please explain me the rules.',
  'The video appeared in the internet yesterday.',
  'The photo went viral in social nets.',
  'The address of the internet-resource changed.',
  'The question about the fee remains open.',
  'The decision about the route was postponed.',
  'The rangers stand on the guard of the forest.',
  'According to the data of the survey, people read more.',
  'It is necessary to note the role of the volunteers.',
  'On today the queue is short.',
];

describe('built-in phrase rules', () => {
  // The built-in table runs as JavaScript expressions (three of its rules look around, which RE2 refuses); the
  // project table shows the same rules under the same ids.
  it('each fire on a sentence that is not from the demo', () => {
    expect(BUILT_IN_PHRASE_RULES.map((r) => r.id)).toEqual(CALQUES.map((c) => c.id));
    for (const rule of CALQUES) {
      // A fresh copy: the shared expressions' lastIndex must stay where the checks expect it.
      const re = new RegExp(rule.re);
      const fires = EXAMPLES.some((s) => {
        re.lastIndex = 0;
        return re.test(s);
      });
      expect.soft(fires, `${rule.id}: ${rule.pattern}`).toBe(true);
    }
  });

  it('are reported by the calque and false-friend checks on every example', () => {
    for (const target of EXAMPLES) {
      const issues = checkPair({ id: 'u', source: '', target }, { sourceLang: 'ru', targetLang: 'en' });
      expect
        .soft(
          issues.some((i) => i.check === 'calque' || i.check === 'false-friend'),
          target,
        )
        .toBe(true);
    }
  });

  it('have a trigger word that every example they match contains', () => {
    for (const c of CALQUES) {
      const re = new RegExp(c.re);
      for (const s of EXAMPLES) {
        re.lastIndex = 0;
        if (re.test(s)) expect.soft(s.toLowerCase(), c.pattern).toContain(c.trigger);
      }
    }
  });

  it('are illustrated by sentences the demo does not contain', () => {
    const demo = readFileSync(
      new URL('../../../src/demo/municipal-police-kazakhstan.en.txt', import.meta.url),
      'utf8',
    );
    const heldOut = readFileSync(new URL('../../fixtures/checks-heldout/pairs.tsv', import.meta.url), 'utf8');
    for (const s of EXAMPLES) {
      expect(demo.includes(s.slice(0, 30))).toBe(false);
      expect(heldOut.includes(s.slice(0, 30))).toBe(false);
    }
  });
});
