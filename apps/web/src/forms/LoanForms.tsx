/** Loan officers' commands: grant a loan to a household, record a repayment (yuan typed, fen sent). */
import { Form, Input, InputNumber } from 'antd';
import { useI18n } from '../i18n/i18n';
import { useReferenceData } from '../hooks/useReference';
import { CodeSelect } from './CodeSelect';
import { FormShell } from './FormShell';
import { CommandResult, useCommand } from './useCommand';

/** Yuan as typed (up to two decimals) to integer fen, without float drift (0.29 * 100 is 28.999...). */
export const toFen = (yuan: unknown) => (typeof yuan === 'number' ? Math.round(yuan * 100) : yuan);

export function LoanForm({ householdId, onDone }: { householdId: string; onDone(result: CommandResult): void }) {
  const { t } = useI18n();
  const reference = useReferenceData().data;
  const [form] = Form.useForm();
  const command = useCommand(form, onDone);
  return (
    <FormShell
      testId="form-loan"
      title={t('form.loan')}
      form={form}
      {...command}
      onFinish={(v) =>
        void command.send('/loans', {
          householdId,
          ...v,
          principalFen: toFen(v.principalFen),
          interestSubsidyBps: v.interestSubsidyBps ?? 0,
          lender: v.lender,
        })
      }
    >
      <Form.Item label={t('field.program')} name="programmeCode" htmlFor="loan-programme">
        <CodeSelect id="loan-programme" items={reference?.loanPrograms} />
      </Form.Item>
      <Form.Item label={t('field.borrowerGroup')} name="borrowerGroup" htmlFor="loan-group">
        {reference?.borrowerGroups ? (
          <CodeSelect id="loan-group" items={reference.borrowerGroups} />
        ) : (
          <CodeSelect id="loan-group" codes={['woman', 'youth']} />
        )}
      </Form.Item>
      <Form.Item label={t('field.principal')} name="principalFen" htmlFor="loan-principal">
        <InputNumber id="loan-principal" min={0} step={100} precision={2} />
      </Form.Item>
      <Form.Item label={t('field.termMonths')} name="termMonths" htmlFor="loan-term">
        <InputNumber id="loan-term" min={1} />
      </Form.Item>
      <Form.Item label={t('field.lender')} name="lender" htmlFor="loan-lender" initialValue="rural-credit-cooperative">
        <Input id="loan-lender" />
      </Form.Item>
    </FormShell>
  );
}

export function RepaymentForm({ loanId, etag, onDone }: { loanId?: string; etag?: string; onDone(result: CommandResult): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const command = useCommand(form, onDone);
  return (
    <FormShell
      testId="form-repayment"
      title={t('form.repayment')}
      form={form}
      {...command}
      onFinish={(v) =>
        void command.send(
          `/loans/${encodeURIComponent(String(v.loanId))}/repayments`,
          { amountFen: toFen(v.amountFen) },
          v.loanId === loanId ? etag : undefined,
        )
      }
    >
      <Form.Item label={t('field.loanId')} name="loanId" htmlFor="repayment-loan" initialValue={loanId}>
        <Input id="repayment-loan" />
      </Form.Item>
      <Form.Item label={t('field.amount')} name="amountFen" htmlFor="repayment-amount">
        <InputNumber id="repayment-amount" min={0} precision={2} />
      </Form.Item>
    </FormShell>
  );
}
