/** Cases as a table: id, district, subject unit, status, opened, revision; each linking to its page. */
import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { CaseSummary } from '../hooks/types';
import { useOrgUnits } from '../hooks/useReference';
import { useUnitWords } from '../hooks/useUnitWords';

export function CaseList({ cases }: { cases: CaseSummary[] }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const units = useOrgUnits().data ?? [];
  const district = (code: string) => i18n.name(units.find((u) => u.code === code)?.name, code);
  const unitWords = useUnitWords();
  return (
    <div className="scroll-x">
      <Table<CaseSummary>
        size="small"
        rowKey="caseId"
        dataSource={cases}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            key: 'id',
            title: t('cases.id'),
            dataIndex: 'caseId',
            render: (id: string) => <Link to={`/app/cases/${id}`}>{id.slice(0, 8)}</Link>,
          },
          { key: 'district', title: t('cases.district'), dataIndex: 'districtCode', render: district },
          { key: 'subject', title: t('cases.subject'), dataIndex: 'subjectUnit', render: unitWords },
          {
            key: 'status',
            title: t('cases.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={s === 'Open' ? '#ad4e00' : undefined}>{i18n.word('status', s)}</Tag>,
          },
          { key: 'opened', title: t('cases.opened'), dataIndex: 'openedAt', render: (at: string) => dateTime(at) },
          { key: 'revision', title: t('cases.revision'), dataIndex: 'revision' },
        ]}
      />
    </div>
  );
}
