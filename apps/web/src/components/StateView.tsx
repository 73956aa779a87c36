/**
 * A case's state as the API folds it, in words: each field under its label, codes in the language in force,
 * instants in the programme's calendar. The exact JSON stays one click away: it is what an auditor compares
 * with the export bundle.
 */
import { Descriptions } from 'antd';
import { ReactNode } from 'react';
import { I18n, MessageKey, useI18n } from '../i18n/i18n';
import { useOrgUnits } from '../hooks/useReference';
import { useUnitWords } from '../hooks/useUnitWords';

/** The fields of a case's state (libs/domain/accountability-case/state.ts) as the API answers them. */
interface CaseStateShape {
  status: string;
  subjectUnit?: string;
  districtCode?: string;
  grounds?: string[];
  rectification?: { stage: string; round?: number; requirements?: string[]; deadline?: string; late?: boolean };
  criticisms?: string[];
  accountability?: { officialId: string; position: string; measure: string }[];
  escalation?: string | null;
  reopenings?: number;
  resolution?: string;
  waived?: boolean;
}

function fields(
  state: CaseStateShape,
  i18n: I18n,
  districtName: string | undefined,
  unitWords: (code: string) => string,
): [MessageKey, ReactNode][] {
  const { t, dateTime } = i18n;
  const list = (items: string[] | undefined, prefix?: string) =>
    items && items.length > 0 ? items.map((item) => (prefix ? i18n.word(prefix, item) : item)).join(t('state.separator')) : '—';
  const rows: [MessageKey, ReactNode][] = [['state.status', i18n.word('status', state.status)]];
  if (state.status === 'NotOpened') return rows;
  const rectification = state.rectification ?? { stage: 'none' };
  rows.push(
    ['state.subjectUnit', state.subjectUnit ? unitWords(state.subjectUnit) : '—'],
    [
      'state.district',
      districtName ? t('common.named', { name: districtName, code: state.districtCode ?? '' }) : (state.districtCode ?? '—'),
    ],
    ['state.grounds', list(state.grounds, 'ground')],
    ['state.stage', i18n.word('stage', rectification.stage)],
  );
  if (rectification.round !== undefined) rows.push(['state.round', rectification.round]);
  if (rectification.requirements) rows.push(['state.requirements', list(rectification.requirements)]);
  if (rectification.deadline) rows.push(['state.deadline', dateTime(rectification.deadline)]);
  if (rectification.late !== undefined) rows.push(['state.late', t(rectification.late ? 'state.lateYes' : 'state.lateNo')]);
  rows.push(
    ['state.criticisms', list(state.criticisms)],
    [
      'state.accountability',
      list(
        state.accountability?.map((a) =>
          t('state.accountableOne', { official: a.officialId, position: a.position, measure: i18n.word('measure', a.measure) }),
        ),
      ),
    ],
    ['state.escalation', state.escalation ? i18n.word('escalation', state.escalation) : '—'],
    ['state.reopenings', state.reopenings ?? 0],
  );
  if (state.resolution) rows.push(['state.resolution', i18n.word('resolution', state.resolution)]);
  if (state.waived) rows.push(['state.waived', t('state.lateYes')]);
  return rows;
}

export function StateView({ state, label }: { state: unknown; label: string }) {
  const i18n = useI18n();
  const shape = state as CaseStateShape;
  const district = (useOrgUnits().data ?? []).find((unit) => unit.code === shape.districtCode);
  const unitWords = useUnitWords();
  return (
    <div data-testid="state-view" aria-label={label} role="group">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2 }}
        items={fields(shape, i18n, district && i18n.name(district.name, district.code), unitWords).map(([key, value]) => ({
          key,
          label: i18n.t(key),
          children: <span data-field={key}>{value}</span>,
        }))}
      />
      <details style={{ marginTop: 8 }}>
        <summary>{i18n.t('state.json')}</summary>
        <pre
          tabIndex={0}
          aria-label={i18n.t('state.json')}
          data-testid="state-json"
          style={{ background: '#fafafa', padding: 8, maxHeight: 320, overflow: 'auto', fontSize: 12 }}
        >
          {JSON.stringify(state, null, 2)}
        </pre>
      </details>
    </div>
  );
}
