import { describe, expect, it } from 'vitest';
import { buildTermIndex, findTerms } from '../../../src/core/glossary/match.ts';
import { queryMatchesTerm } from '../../../src/core/glossary/queryMatch.ts';
import { entryId, projectId } from '../../../src/core/model/ids.ts';

/**
 * Inflected forms a glossary term must be found in, written out by hand from the grammar of each language
 * (case tables of Russian nouns and adjectives, Kazakh plural + possessive + case chains with vowel harmony
 * and final-consonant voicing, English plurals and possessives) — not from the matcher's ending lists — and
 * forms that share letters with a term but are other words, which must not be found. The terms are municipal
 * and police vocabulary chosen for this table; none of its phrases come from the demo article.
 * Each row: the term, then its forms separated by commas.
 */
const RU: Readonly<Record<string, string>> = {
  инспектор:
    'инспектора, инспектору, инспектором, инспекторе, инспекторы, инспекторов, инспекторам, инспекторами, инспекторах',
  'участковый инспектор':
    'участкового инспектора, участковому инспектору, участковым инспектором, участковом инспекторе, участковые инспекторы, участковых инспекторов, участковым инспекторам, участковыми инспекторами, участковых инспекторах',
  аким: 'акима, акиму, акимом, акиме, акимы, акимов, акимам, акимами, акимах',
  акимат: 'акимата, акимату, акиматом, акимате, акиматы, акиматов, акиматам, акиматами, акиматах',
  маслихат:
    'маслихата, маслихату, маслихатом, маслихате, маслихаты, маслихатов, маслихатам, маслихатами, маслихатах',
  полиция: 'полиции, полицию, полицией, полициею, полиций, полициям, полициями, полициях',
  'местная полицейская служба':
    'местной полицейской службы, местную полицейскую службу, местной полицейской службой, местной полицейской службе, местные полицейские службы, местных полицейских служб, местным полицейским службам, местными полицейскими службами, местных полицейских службах',
  'правоохранительный орган':
    'правоохранительного органа, правоохранительному органу, правоохранительным органом, правоохранительном органе, правоохранительные органы, правоохранительных органов, правоохранительным органам, правоохранительными органами, правоохранительных органах',
  'министерство внутренних дел':
    'министерства внутренних дел, министерству внутренних дел, министерством внутренних дел, министерстве внутренних дел, министерств внутренних дел',
  'общественный порядок':
    'общественного порядка, общественному порядку, общественным порядком, общественном порядке',
  'сотрудник полиции':
    'сотрудника полиции, сотруднику полиции, сотрудником полиции, сотруднике полиции, сотрудники полиции, сотрудников полиции, сотрудникам полиции, сотрудниками полиции, сотрудниках полиции',
  район: 'района, району, районом, районе, районы, районов, районам, районами, районах',
  область: 'области, областью, областей, областям, областями, областях',
  город: 'города, городу, городом, городе, городов, городам, городами, городах',
  преступление:
    'преступления, преступлению, преступлением, преступлении, преступлений, преступлениям, преступлениями, преступлениях',
  правонарушение:
    'правонарушения, правонарушению, правонарушением, правонарушении, правонарушений, правонарушениям, правонарушениями, правонарушениях',
  'патрульная служба':
    'патрульной службы, патрульную службу, патрульной службой, патрульные службы, патрульных служб, патрульным службам, патрульными службами, патрульных службах',
  депутат: 'депутата, депутату, депутатом, депутате, депутаты, депутатов, депутатам, депутатами, депутатах',
  'местное самоуправление':
    'местного самоуправления, местному самоуправлению, местным самоуправлением, местном самоуправлении',
  реформа: 'реформы, реформе, реформу, реформой, реформою, реформ, реформам, реформами, реформах',
  гражданин: 'гражданина, гражданину, гражданином, гражданине',
  закон: 'закона, закону, законом, законе, законы, законов, законам, законами, законах',
  бюджет: 'бюджета, бюджету, бюджетом, бюджете, бюджеты, бюджетов, бюджетам, бюджетами, бюджетах',
  'отдел внутренних дел':
    'отдела внутренних дел, отделу внутренних дел, отделом внутренних дел, отделе внутренних дел, отделы внутренних дел, отделов внутренних дел, отделам внутренних дел, отделами внутренних дел, отделах внутренних дел',
  'ювенальная полиция': 'ювенальной полиции, ювенальную полицию, ювенальной полицией',
  участок: 'участка, участку, участком, участке, участки, участков, участкам, участками, участках',
  порядок: 'порядка, порядку, порядком, порядке, порядки, порядков, порядкам, порядками, порядках',
  'уполномоченный орган':
    'уполномоченного органа, уполномоченному органу, уполномоченным органом, уполномоченные органы, уполномоченных органов',
  'штатная численность': 'штатной численности, штатную численность, штатной численностью',
};

const RU_NOT: readonly [string, string][] = [
  ['маслихат', 'маслина'],
  ['инспектор', 'инспекция'],
  ['инспектор', 'инспектировать'],
  ['участковый инспектор', 'участок'],
  ['полиция', 'полицейский'],
  ['район', 'районный'],
  ['город', 'городской'],
  ['закон', 'законный'],
  ['закон', 'законодательство'],
  ['депутат', 'депутатский'],
  ['реформа', 'реформировать'],
  ['бюджет', 'бюджетный'],
  ['область', 'областной'],
  ['министерство внутренних дел', 'министр внутренних дел'],
  ['отдел внутренних дел', 'отделение внутренних дел'],
  ['местная полицейская служба', 'местная полиция'],
  ['сотрудник полиции', 'сотрудница полиции'],
  ['преступление', 'преступник'],
  ['аким', 'акимовский'],
  ['акимат', 'аккумулятор'],
  ['гражданин', 'гражданство'],
  ['порядок', 'порядочный'],
  ['участок', 'участковый'],
];

const KK: Readonly<Record<string, string>> = {
  әкім: 'әкімі, әкімнің, әкімге, әкімді, әкімде, әкімнен, әкіммен, әкімдер, әкімдердің, әкімдерге, әкімдерді, әкімдерде, әкімдерден, әкімдермен, әкімдері, әкімдерінің, әкімінің, әкіміне',
  әкімдік:
    'әкімдігі, әкімдіктің, әкімдікке, әкімдікті, әкімдікте, әкімдіктен, әкімдікпен, әкімдіктер, әкімдіктердің, әкімдіктерге, әкімдігінің, әкімдігіне, әкімдігін, әкімдігінде, әкімдігінен',
  мәслихат:
    'мәслихаттың, мәслихатқа, мәслихатты, мәслихатта, мәслихаттан, мәслихатпен, мәслихаттар, мәслихаттардың, мәслихаттарға, мәслихаты, мәслихатының, мәслихатына, мәслихатын, мәслихатында, мәслихатынан, мәслихаттары, мәслихаттарының',
  полиция:
    'полицияның, полицияға, полицияны, полицияда, полициядан, полициямен, полициясы, полициясының, полициясына, полициясын, полициясында, полициясынан, полициялар, полициялардың, полицияларға, полициялары',
  'Жергілікті полиция қызметі':
    'Жергілікті полиция қызметінің, Жергілікті полиция қызметіне, Жергілікті полиция қызметін, Жергілікті полиция қызметінде, Жергілікті полиция қызметінен, Жергілікті полиция қызметімен, Жергілікті полиция қызметіндегі, жергілікті полиция қызметі',
  'ішкі істер министрлігі':
    'ішкі істер министрлігінің, ішкі істер министрлігіне, ішкі істер министрлігін, ішкі істер министрлігінде, ішкі істер министрлігінен, ішкі істер министрлігімен',
  'учаскелік инспектор':
    'учаскелік инспектордың, учаскелік инспекторға, учаскелік инспекторды, учаскелік инспекторда, учаскелік инспектордан, учаскелік инспектормен, учаскелік инспекторлар, учаскелік инспекторлардың, учаскелік инспекторларға, учаскелік инспекторы, учаскелік инспекторының, учаскелік инспекторына, учаскелік инспекторлары',
  'қоғамдық тәртіп':
    'қоғамдық тәртіптің, қоғамдық тәртіпке, қоғамдық тәртіпті, қоғамдық тәртіпте, қоғамдық тәртіптен, қоғамдық тәртіппен, қоғамдық тәртібі, қоғамдық тәртібін, қоғамдық тәртібінің, қоғамдық тәртібіне',
  аудан:
    'ауданның, ауданға, ауданды, ауданда, аудандан, ауданмен, аудандар, аудандардың, аудандарға, ауданы, ауданының, ауданына, ауданында, аудандары',
  облыс:
    'облыстың, облысқа, облысты, облыста, облыстан, облыспен, облыстар, облыстардың, облысы, облысының, облысына, облысында, облыстары',
  қала: 'қаланың, қалаға, қаланы, қалада, қаладан, қаламен, қалалар, қалалардың, қаласы, қаласының, қаласына, қаласында, қалалары',
  заң: 'заңның, заңға, заңды, заңда, заңнан, заңмен, заңдар, заңдардың, заңы, заңының',
  депутат:
    'депутаттың, депутатқа, депутатты, депутатта, депутаттан, депутатпен, депутаттар, депутаттардың, депутаттарға, депутаты',
  реформа:
    'реформаның, реформаға, реформаны, реформада, реформадан, реформамен, реформалар, реформалардың, реформасы, реформасының',
  'құқық бұзушылық':
    'құқық бұзушылықтың, құқық бұзушылыққа, құқық бұзушылықты, құқық бұзушылықта, құқық бұзушылықтан, құқық бұзушылықпен, құқық бұзушылықтар, құқық бұзушылықтардың, құқық бұзушылығы, құқық бұзушылығының',
  бюджет: 'бюджеттің, бюджетке, бюджетті, бюджетте, бюджеттен, бюджетпен, бюджеттер, бюджеті, бюджетінің',
  қылмыс: 'қылмыстың, қылмысқа, қылмысты, қылмыста, қылмыстан, қылмыспен, қылмыстар, қылмыстардың',
  азамат:
    'азаматтың, азаматқа, азаматты, азаматта, азаматтан, азаматпен, азаматтар, азаматтардың, азаматтарға, азаматы',
};

const KK_NOT: readonly [string, string][] = [
  ['әкім', 'әкімшілік'],
  ['заң', 'заңгер'],
  ['аудан', 'аудандық'],
  ['облыс', 'облыстық'],
  ['қылмыс', 'қылмыскер'],
  ['азамат', 'азаматтық'],
  ['депутат', 'депутаттық'],
  ['бюджет', 'бюджеттік'],
  ['реформа', 'реформалау'],
  ['қала', 'қалалық'],
  ['тәртіп', 'тәртіпсіздік'],
  ['полиция', 'полицей'],
  ['учаскелік инспектор', 'учаскелік инспекция'],
  ['ішкі істер министрлігі', 'ішкі істер басқармасы'],
  ['мәслихат', 'мәслихатшылар'],
  ['Жергілікті полиция қызметі', 'жергілікті әкімдік қызметі'],
  ['әкімдік', 'әкімдікшілдік'],
];

const EN: Readonly<Record<string, string>> = {
  akim: "akims, akim's, akims', Akim, Akims, Akim's",
  akimat: "akimats, akimat's, akimats', Akimat, Akimats, Akimat's",
  maslikhat: "maslikhats, maslikhat's, maslikhats', Maslikhat, Maslikhats",
  'local police service':
    "local police services, local police service's, local police services', Local Police Service, Local Police Services",
  'district police inspector':
    "district police inspectors, district police inspector's, district police inspectors', District Police Inspector",
  'law enforcement agency':
    "law enforcement agencies, law enforcement agency's, law enforcement agencies', Law Enforcement Agency",
  'public order': "public orders, public order's, Public Order",
  'police officer': "police officers, police officer's, police officers', Police Officer, Police Officers",
  'patrol service': "patrol services, patrol service's, patrol services', Patrol Service",
  deputy: "deputies, deputy's, deputies', Deputy, Deputies",
  reform: "reforms, reform's, reforms', Reform, Reforms",
  budget: "budgets, budget's, budgets', Budget, Budgets",
  crime: "crimes, crime's, crimes', Crime, Crimes",
  offence: "offences, offence's, offences', Offence",
  citizen: "citizens, citizen's, citizens', Citizen, Citizens",
  oblast: "oblasts, oblast's, oblasts', Oblast, Oblasts",
  council: "councils, council's, councils', Council, Councils",
  committee: "committees, committee's, committees', Committee",
  department: "departments, department's, departments', Department, Departments",
  prosecutor: "prosecutors, prosecutor's, prosecutors', Prosecutor",
  court: "courts, court's, courts', Court, Courts",
  judge: "judges, judge's, judges', Judge",
  region: "regions, region's, regions', Region, Regions",
  district: "districts, district's, districts', District, Districts",
  city: "cities, city's, cities', City, Cities",
  authority: "authorities, authority's, authorities', Authority, Authorities",
  'local government': "local governments, local government's, local governments', Local Government",
  'police station': "police stations, police station's, police stations', Police Station",
  inspector: "inspectors, inspector's, inspectors', Inspector, Inspectors",
  'juvenile inspector': "juvenile inspectors, juvenile inspector's, juvenile inspectors'",
  'traffic police': "traffic police's, Traffic Police",
  'internal affairs body': "internal affairs bodies, internal affairs body's, internal affairs bodies'",
  'staff unit': "staff units, staff unit's, staff units', Staff Unit",
  'public council': "public councils, public council's, public councils', Public Council",
  'municipal police': "municipal police's, Municipal Police",
  'crime rate': "crime rates, crime rate's, crime rates', Crime Rate",
  'community officer': "community officers, community officer's, community officers', Community Officer",
  ministry: "ministries, ministry's, ministries', Ministry, Ministries",
  'road patrol': "road patrols, road patrol's, road patrols', Road Patrol",
  precinct: "precincts, precinct's, precincts', Precinct, Precincts",
  officer: "officers, officer's, officers', Officer, Officers",
  agency: "agencies, agency's, agencies', Agency, Agencies",
  service: "services, service's, services', Service, Services",
  station: "stations, station's, stations', Station, Stations",
  unit: "units, unit's, units', Unit, Units",
  body: "bodies, body's, bodies', Body, Bodies",
  warden: "wardens, warden's, wardens', Warden, Wardens",
  LPS: "LPSs, LPS's",
};

const EN_NOT: readonly [string, string][] = [
  ['police', 'policy'],
  ['police', 'policies'],
  ['citizen', 'citizenship'],
  ['reform', 'reformed'],
  ['reform', 'reformation'],
  ['budget', 'budgetary'],
  ['crime', 'criminal'],
  ['court', 'courtyard'],
  ['law', 'lawyer'],
  ['deputy', 'deputize'],
  ['council', 'councillor'],
  ['region', 'regional'],
  ['officer', 'official'],
  ['inspector', 'inspectorate'],
  ['department', 'departmental'],
  ['prosecutor', 'prosecution'],
  ['judge', 'judged'],
  ['order', 'ordered'],
  ['agency', 'agent'],
  ['LPS', 'lps'],
  ['district police inspector', 'district inspector'],
  ['akimat', 'akimate'],
];

function rows(table: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(table).flatMap(([term, forms]) =>
    forms.split(/,\s*/).map((form): [string, string] => [term, form]),
  );
}

const found = (term: string, lang: string, text: string) => {
  const index = buildTermIndex([
    {
      id: entryId('e'),
      projectId: projectId('p'),
      terms: [{ lang, text: term, status: 'approved' }],
      createdAt: 0,
      updatedAt: 0,
    },
  ]);
  return findTerms(index, text, lang).map((h) => text.slice(h.start, h.end));
};

describe.each([
  ['ru', RU, RU_NOT],
  ['kk', KK, KK_NOT],
  ['en', EN, EN_NOT],
] as const)('inflected forms in %s', (lang, table, not) => {
  const forms = rows(table);
  it('has at least 200 forms to find', () => {
    expect(forms.length).toBeGreaterThanOrEqual(200);
  });
  it.each(forms)('%s is found as «%s» in text and by search', (term, form) => {
    expect(found(term, lang, `— ${form} —`)).toEqual([form]);
    expect(queryMatchesTerm(form, term, lang, false)).toBe(true);
  });
  it.each(not)('%s is not found in «%s»', (term, other) => {
    expect(found(term, lang, `— ${other} —`)).toEqual([]);
    expect(queryMatchesTerm(other, term, lang, false)).toBe(false);
  });
});
