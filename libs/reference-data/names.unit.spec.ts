import namesFile from './names.v1.json';
import { referenceData } from './index';
import { ReferenceNames, referenceNames, rowNames } from './names';

describe('the Chinese and English names of the reference data', () => {
  it("names every org unit in both languages, Yinchuan's districts by their real names", () => {
    expect(referenceNames.orgUnits).toHaveLength(
      [
        ...referenceData.unitsAt('city'),
        ...referenceData.unitsAt('district'),
        ...referenceData.unitsAt('township'),
        ...referenceData.unitsAt('village'),
      ].length,
    );
    const districts = referenceNames.orgUnits.filter((unit) => unit.level === 'district').map((unit) => [unit.code, unit.name['zh-CN']]);
    expect(districts).toEqual([
      ['640104', '兴庆区'],
      ['640105', '西夏区'],
      ['640106', '金凤区'],
      ['640121', '永宁县'],
      ['640122', '贺兰县'],
      ['640181', '灵武市'],
    ]);
    expect(referenceNames.orgUnit('640100')?.name).toEqual({ 'zh-CN': '银川市', en: 'Yinchuan' });
    expect(referenceNames.orgUnit('640104012')?.name).toEqual({ 'zh-CN': '掌政镇', en: 'Zhangzheng Town' });
    expect(referenceNames.orgUnit('640104001001')?.name).toEqual({ 'zh-CN': '和平社区1', en: 'Heping Community 1' });
  });

  it('gives no two units under one parent the same Chinese name, and no Latin letters in it', () => {
    const seen = new Set<string>();
    for (const unit of referenceNames.orgUnits) {
      const key = `${unit.parent}/${unit.name['zh-CN']}`;
      expect([unit.code, seen.has(key), /[A-Za-z]/.test(unit.name['zh-CN'])]).toEqual([unit.code, false, false]);
      seen.add(key);
    }
  });

  it("names categories and focus areas with the seed report's terms", () => {
    expect(referenceNames.catalogue.categories.map((c) => c.name['zh-CN'])).toEqual([
      '发展型家庭',
      '稳定型家庭',
      '老年型家庭',
      '新市民家庭',
    ]);
    expect(referenceNames.catalogue.focusAreas.map((c) => c.name['zh-CN'])).toEqual([
      '文明倡导',
      '健康促进',
      '优生优育',
      '致富发展',
      '奉献社会',
    ]);
    expect(referenceNames.catalogue.departments).toHaveLength(referenceData.allDepartments().length);
    expect(referenceNames.catalogue.serviceTypes.find((t) => t.code === 'family-doctor')).toMatchObject({
      name: { 'zh-CN': '家庭医生签约服务', en: 'Family doctor contract' },
      focusAreas: ['health'],
    });
  });

  it('words the satisfaction answers as the rate counts them: only 满意 is satisfied', () => {
    // 基本满意 reads as a kind of satisfied, and a Chinese reader would count it in the 满意率; the rate does not.
    expect(referenceNames.catalogue.satisfactionResponses.map((r) => [r.code, r.name['zh-CN']])).toEqual([
      ['satisfied', '满意'],
      ['neutral', '一般'],
      ['dissatisfied', '不满意'],
      ['no-answer', '未作答'],
    ]);
  });

  it('refuses a names file that misses a code or names one that does not exist', () => {
    const missing = { ...namesFile, departments: { ...namesFile.departments, health: '' } };
    expect(() => new ReferenceNames(referenceData, missing)).toThrow(/department health has no Chinese name/);
    const extra = { ...namesFile, categories: { ...namesFile.categories, wealthy: { 'zh-CN': '富裕', en: 'Wealthy' } } };
    expect(() => new ReferenceNames(referenceData, extra)).toThrow(/category wealthy is not a known code/);
  });

  it('finds a unit by pinyin, by Chinese and by code, ignoring case and spaces', () => {
    expect(referenceNames.searchOrgUnits('Xingqing').map((u) => u.code)).toContain('640104');
    expect(referenceNames.searchOrgUnits('xing qing').map((u) => u.code)).toContain('640104');
    expect(referenceNames.searchOrgUnits('兴庆').map((u) => u.code)).toEqual(['640104']);
    expect(referenceNames.searchOrgUnits('640181009').map((u) => u.code)[0]).toBe('640181009');
  });

  it("names an indicator row's org unit and dimension codes in the language asked for", () => {
    const row = { orgUnit: '640104', level: 'district', period: '2012', category: 'elderly', focusArea: 'health', value: 3 };
    expect(rowNames(row, 'zh-CN')).toEqual({ orgUnit: '兴庆区', category: '老年型家庭', focusArea: '健康促进' });
    expect(rowNames({ ...row, category: 'unknown' }, 'en')).toEqual({ orgUnit: 'Xingqing District', focusArea: 'Health promotion' });
  });
});
