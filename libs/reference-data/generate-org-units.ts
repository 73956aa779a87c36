/**
 * Generates org-units.v1.json: Yinchuan (640100), its six districts/counties with their real division codes,
 * their townships/streets (9-digit codes) and exactly 386 villages/communities (12-digit codes).
 *
 * Deterministic on purpose (no randomness, no clock): the committed file must equal this script's output,
 * which org-units.unit.spec.ts checks. Township names follow the real ones; township and village codes and
 * village names are synthetic, laid out like the statistical division codes. Never edit the JSON by hand:
 * change this script, bump the version (a new file, org-units.v2.json), and keep v1 for events that cite it.
 *
 * Run from the repository root:
 *   npx tsc --ignoreConfig libs/reference-data/generate-org-units.ts --outDir /tmp/gen-org-units \
 *     --module commonjs --target es2022 --types node && node /tmp/gen-org-units/generate-org-units.js
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type OrgUnitLevel = 'city' | 'district' | 'township' | 'village';
export type OrgUnitKind = 'city' | 'district' | 'county' | 'county-level-city' | 'town' | 'township' | 'street' | 'village' | 'community';

export interface OrgUnitRecord {
  code: string;
  name: string;
  level: OrgUnitLevel;
  kind: OrgUnitKind;
  /** Absent only for the city, the root of the tree. */
  parent?: string;
}

export interface OrgUnitsFile {
  version: string;
  units: OrgUnitRecord[];
}

export const ORG_UNITS_VERSION = 'org-units.v1';
export const VILLAGE_COUNT = 386;

interface DistrictPlan {
  code: string;
  name: string;
  kind: OrgUnitKind;
  villages: number;
  townships: ReadonlyArray<readonly [name: string, kind: 'town' | 'township' | 'street']>;
}

// Village counts per district add up to VILLAGE_COUNT; the urban districts get more communities.
const DISTRICTS: readonly DistrictPlan[] = [
  {
    code: '640104',
    name: 'Xingqing District',
    kind: 'district',
    villages: 80,
    townships: [
      ['Fenghuang North Street', 'street'],
      ['Jiefang West Street', 'street'],
      ['Wenhua Street', 'street'],
      ['Funing Street', 'street'],
      ['Xinhua Street', 'street'],
      ['Yuhuangge North Street', 'street'],
      ['Qianjin Street', 'street'],
      ['Zhongshan South Street', 'street'],
      ['Yingu Road Street', 'street'],
      ['Shengli Street', 'street'],
      ['Lijing Street', 'street'],
      ['Zhangzheng Town', 'town'],
      ['Daxin Town', 'town'],
      ['Tonggui Township', 'township'],
      ['Yueyahu Township', 'township'],
    ],
  },
  {
    code: '640105',
    name: 'Xixia District',
    kind: 'district',
    villages: 60,
    townships: [
      ['Shuofang Road Street', 'street'],
      ['Ninghua Road Street', 'street'],
      ['Helanshan West Road Street', 'street'],
      ['Wenchang Road Street', 'street'],
      ['Beijing West Road Street', 'street'],
      ['Zhenbeibu Town', 'town'],
      ['Xingjing Town', 'town'],
    ],
  },
  {
    code: '640106',
    name: 'Jinfeng District',
    kind: 'district',
    villages: 56,
    townships: [
      ['Mancheng North Street', 'street'],
      ['Huanghe East Road Street', 'street'],
      ['Beijing Middle Road Street', 'street'],
      ['Shanghai West Road Street', 'street'],
      ['Changcheng Middle Road Street', 'street'],
      ['Liangtian Town', 'town'],
      ['Fengdeng Town', 'town'],
    ],
  },
  {
    code: '640121',
    name: 'Yongning County',
    kind: 'county',
    villages: 70,
    townships: [
      ['Tuanjie West Road Street', 'street'],
      ['Yanghe Town', 'town'],
      ['Lijun Town', 'town'],
      ['Wangyuan Town', 'town'],
      ['Wanghong Town', 'town'],
      ['Minning Town', 'town'],
      ['Shengli Township', 'township'],
    ],
  },
  {
    code: '640122',
    name: 'Helan County',
    kind: 'county',
    villages: 64,
    townships: [
      ['Fuxing Street', 'street'],
      ['Xigang Town', 'town'],
      ['Jingui Town', 'town'],
      ['Ligang Town', 'town'],
      ['Hongguang Town', 'town'],
      ['Changxin Township', 'township'],
    ],
  },
  {
    code: '640181',
    name: 'Lingwu City',
    kind: 'county-level-city',
    villages: 56,
    townships: [
      ['Chengqu Street', 'street'],
      ['Dongta Town', 'town'],
      ['Haojiaqiao Town', 'town'],
      ['Chongxing Town', 'town'],
      ['Ningdong Town', 'town'],
      ['Majiatan Town', 'town'],
      ['Linhe Town', 'town'],
      ['Wutongshu Township', 'township'],
      ['Baitugang Township', 'township'],
    ],
  },
];

// Stems for synthetic village and community names; combined with a running number so none repeats in a township.
const STEMS = [
  'Heping',
  'Xingfu',
  'Tuanjie',
  'Jianshe',
  'Hongxing',
  'Xinhua',
  'Fuxing',
  'Dongfang',
  'Yuquan',
  'Changan',
  'Minzhu',
  'Shuguang',
  'Qinghe',
  'Jinsha',
  'Lvyuan',
  'Fengshou',
  'Chaoyang',
  'Taiping',
  'Baohu',
  'Xinyuan',
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Splits `total` villages over `buckets` townships as evenly as possible, the first ones taking the remainder. */
function spread(total: number, buckets: number): number[] {
  return Array.from({ length: buckets }, (_, i) => Math.floor(total / buckets) + (i < total % buckets ? 1 : 0));
}

function villagesOf(township: OrgUnitRecord, count: number, seed: number): OrgUnitRecord[] {
  const urban = township.kind === 'street';
  return Array.from({ length: count }, (_, i) => ({
    code: `${township.code}${pad(i + 1, 3)}`,
    name: `${STEMS[(seed + i) % STEMS.length]} ${urban ? 'Community' : 'Village'} ${i + 1}`,
    level: 'village' as const,
    kind: urban ? ('community' as const) : ('village' as const),
    parent: township.code,
  }));
}

/** The whole tree, parents before children (city, then each district followed by its subtree). */
export function buildOrgUnits(): OrgUnitsFile {
  const units: OrgUnitRecord[] = [{ code: '640100', name: 'Yinchuan', level: 'city', kind: 'city' }];
  DISTRICTS.forEach((district, d) => {
    units.push({ code: district.code, name: district.name, level: 'district', kind: district.kind, parent: '640100' });
    const counts = spread(district.villages, district.townships.length);
    district.townships.forEach(([name, kind], t) => {
      const township: OrgUnitRecord = { code: `${district.code}${pad(t + 1, 3)}`, name, level: 'township', kind, parent: district.code };
      units.push(township, ...villagesOf(township, counts[t], d * 7 + t));
    });
  });
  return { version: ORG_UNITS_VERSION, units };
}

if (require.main === module) {
  // Run from the repository root; the compiled script lives elsewhere, so __dirname would not do.
  const target = process.argv[2] ?? join(process.cwd(), 'libs/reference-data/org-units.v1.json');
  writeFileSync(target, JSON.stringify(buildOrgUnits(), null, 2) + '\n');
  console.log(`wrote ${target}`);
}
