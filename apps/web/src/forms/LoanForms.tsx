/** Loan officers' commands: grant a loan to a household, record a repayment (yuan typed, fen sent). */
import { AutoComplete, Input, InputNumber } from 'antd';
import { useI18n } from '../i18n/i18n';
import { useReferenceData } from '../hooks/useReference';
import { CodeSelect } from './CodeSelect';
import { Field } from './Field';
import { FormShell } from './FormShell';
import { CommandResult, useCommandForm } from './useCommand';

/**
 * The lenders the 2011 work report names (宁夏银行、黄河商业银行, the latter by its full name): offered, not
 * imposed; the lender is an organisation's name, typed freely.
 */
const KNOWN_LENDERS = ['宁夏银行', '宁夏黄河农村商业银行'];

/** Yuan as typed (up to two decimals) to integer fen, without float drift (0.29 * 100 is 28.999...). */
export const toFen = (yuan: unknown) => (typeof yuan === 'number' ? Math.round(yuan * 100) : yuan);

export function LoanForm({ householdId, onDone }: { householdId: string; onDone(result: CommandResult): void }) {
  const { t } = useI18n();
  const reference = useReferenceData().data;
  const { send, shell } = useCommandForm(onDone);
  const grant = (v: Record<string, unknown>) =>
    send('/loans', {
      householdId,
      ...v,
      principalFen: toFen(v.principalFen),
      interestSubsidyBps: v.interestSubsidyBps ?? 0,
      lender: v.lender,
    });
  return (
    <FormShell testId="form-loan" title={t('form.loan')} {...shell} onFinish={(v) => void grant(v)}>
      <Field label={t('field.program')} name="programmeCode" id="loan-programme">
        <CodeSelect items={reference?.loanPrograms} />
      </Field>
      <Field label={t('field.borrowerGroup')} name="borrowerGroup" id="loan-group">
        {reference?.borrowerGroups ? <CodeSelect items={reference.borrowerGroups} /> : <CodeSelect codes={['woman', 'youth']} />}
      </Field>
      <Field label={t('field.principal')} name="principalFen" id="loan-principal">
        <InputNumber min={0} step={100} precision={2} />
      </Field>
      <Field label={t('field.termMonths')} name="termMonths" id="loan-term">
        <InputNumber min={1} />
      </Field>
      <Field label={t('field.lender')} name="lender" id="loan-lender" initialValue={KNOWN_LENDERS[0]}>
        <AutoComplete options={KNOWN_LENDERS.map((value) => ({ value }))} />
      </Field>
    </FormShell>
  );
}

export function RepaymentForm({ loanId, etag, onDone }: { loanId?: string; etag?: string; onDone(result: CommandResult): void }) {
  const { t } = useI18n();
  const { send, shell } = useCommandForm(onDone);
  const repay = (v: Record<string, unknown>) =>
    send(
      `/loans/${encodeURIComponent(String(v.loanId))}/repayments`,
      { amountFen: toFen(v.amountFen) },
      v.loanId === loanId ? etag : undefined,
    );
  return (
    <FormShell testId="form-repayment" title={t('form.repayment')} {...shell} onFinish={(v) => void repay(v)}>
      <Field label={t('field.loanId')} name="loanId" id="repayment-loan" initialValue={loanId}>
        <Input />
      </Field>
      <Field label={t('field.amount')} name="amountFen" id="repayment-amount">
        <InputNumber min={0} precision={2} />
      </Field>
    </FormShell>
  );
}
