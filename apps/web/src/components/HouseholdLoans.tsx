/** A household's loans as the loan register lists them: programme, borrower group, principal and outstanding in yuan, status. */
import { Table, Typography } from 'antd';
import { useI18n } from '../i18n/i18n';
import { HouseholdLoan } from '../hooks/useHousehold';
import { useReferenceData } from '../hooks/useReference';
import { dimensionLabel } from '../charts/labels';
import { ReflectsNote } from './ReflectsNote';

export function HouseholdLoans({ position, loans }: { position: string | null; loans: HouseholdLoan[] }) {
  const i18n = useI18n();
  const { t, yuan, dateTime } = i18n;
  const reference = useReferenceData().data;
  const label = (dimension: string) => (code: string) => dimensionLabel(i18n, reference, dimension, code);
  const status = (s: string) => i18n.word('loan', s);
  return (
    <>
      <h2 style={{ fontSize: 15, marginTop: 12 }}>{t('household.loans')}</h2>
      <Table<HouseholdLoan>
        size="small"
        rowKey="loanId"
        pagination={false}
        dataSource={loans}
        data-testid="loans"
        locale={{ emptyText: <Typography.Text>{t('loan.none')}</Typography.Text> }}
        columns={[
          {
            key: 'id',
            title: t('field.loanId'),
            dataIndex: 'loanId',
            render: (id: string) => <code data-loan-id={id}>{id.slice(0, 8)}</code>,
          },
          { key: 'programme', title: t('field.program'), dataIndex: 'programmeCode', render: label('programme') },
          { key: 'group', title: t('field.borrowerGroup'), dataIndex: 'borrowerGroup', render: label('borrowerGroup') },
          { key: 'principal', title: t('field.principal'), dataIndex: 'principalFen', align: 'right', render: (fen: number) => yuan(fen) },
          {
            key: 'outstanding',
            title: t('loan.outstanding'),
            dataIndex: 'outstandingFen',
            align: 'right',
            render: (fen: number) => yuan(fen),
          },
          { key: 'status', title: t('loan.status'), dataIndex: 'status', render: status },
          { key: 'granted', title: t('loan.grantedAt'), dataIndex: 'grantedAt', render: (iso: string) => dateTime(iso) },
        ]}
      />
      <ReflectsNote reflects={{ position }} />
    </>
  );
}
