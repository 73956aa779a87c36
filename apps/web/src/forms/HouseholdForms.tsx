/** Field staff's household commands: enrol, record a need, deliver a service, record satisfaction. */
import { Input, InputNumber, Select } from 'antd';
import { useI18n } from '../i18n/i18n';
import { useReferenceData } from '../hooks/useReference';
import { CodeSelect } from './CodeSelect';
import { Field } from './Field';
import { FormShell } from './FormShell';
import { CommandResult, useCommandForm } from './useCommand';

const CATEGORIES = ['developing', 'stable', 'elderly', 'new-urban'];
const RESPONSES = ['satisfied', 'neutral', 'dissatisfied', 'no-answer'] as const;
const path = (householdId: string, rest: string) => `/households/${encodeURIComponent(householdId)}${rest}`;

export function EnrolForm({ onEnrolled }: { onEnrolled(result: CommandResult): void }) {
  const { t } = useI18n();
  const reference = useReferenceData().data;
  const { send, shell } = useCommandForm(onEnrolled);
  const enrol = (v: Record<string, unknown>) =>
    send('/households', {
      villageCode: v.villageCode,
      category: v.category,
      members: v.members,
      head: { name: (v.head as { name: string }).name },
    });
  return (
    <FormShell testId="form-enrol" title={t('form.enrol')} {...shell} onFinish={(v) => void enrol(v)}>
      <Field label={t('field.villageCode')} name="villageCode" id="enrol-village">
        <Input />
      </Field>
      <Field label={t('field.category')} name="category" id="enrol-category">
        {reference ? <CodeSelect items={reference.categories} /> : <CodeSelect codes={CATEGORIES} />}
      </Field>
      <Field label={t('field.members')} name="members" id="enrol-members">
        <InputNumber />
      </Field>
      <Field label={t('field.headName')} name={['head', 'name']} id="enrol-head">
        <Input autoComplete="off" />
      </Field>
    </FormShell>
  );
}

interface HouseholdFormProps {
  householdId: string;
  etag: string;
  onDone(result: CommandResult): void;
  /** Reloads the household when the API says the form's revision is stale (412), keeping what was typed. */
  onStale(): void;
}

export function NeedForm({ householdId, etag, onDone, onStale }: HouseholdFormProps) {
  const { t } = useI18n();
  const reference = useReferenceData().data;
  const { send, shell } = useCommandForm(onDone, undefined, onStale);
  return (
    <FormShell testId="form-need" title={t('form.need')} {...shell} onFinish={(v) => void send(path(householdId, '/needs'), v, etag)}>
      <Field label={t('field.focusArea')} name="focusArea" id="need-focus">
        <CodeSelect items={reference?.focusAreas} />
      </Field>
      <Field label={t('field.kind')} name="kind" id="need-kind">
        <CodeSelect items={reference?.needKinds} />
      </Field>
      <Field label={t('field.description')} name="description" id="need-description">
        <Input.TextArea rows={2} />
      </Field>
    </FormShell>
  );
}

export function ServiceForm({ householdId, etag, onDone, onStale, needs }: HouseholdFormProps & { needs: string[] }) {
  const { t } = useI18n();
  const reference = useReferenceData().data;
  const { send, shell } = useCommandForm(onDone, undefined, onStale);
  const deliver = (v: Record<string, unknown>) => send(path(householdId, '/services'), v, etag);
  return (
    <FormShell testId="form-service" title={t('form.service')} {...shell} onFinish={(v) => void deliver(v)}>
      <Field label={t('household.needs')} name="needId" id="service-need">
        <Select allowClear options={needs.map((id) => ({ value: id, label: id.slice(0, 8) }))} />
      </Field>
      <Field label={t('field.department')} name="departmentCode" id="service-department">
        <CodeSelect items={reference?.departments} />
      </Field>
      <Field label={t('field.serviceType')} name="serviceTypeCode" id="service-type">
        <CodeSelect items={reference?.serviceTypes} />
      </Field>
      <Field label={t('field.focusArea')} name="focusArea" id="service-focus">
        <CodeSelect items={reference?.focusAreas} />
      </Field>
    </FormShell>
  );
}

export function SatisfactionForm({ householdId, etag, onDone, onStale, services }: HouseholdFormProps & { services: string[] }) {
  const { t } = useI18n();
  const { send, shell } = useCommandForm(onDone, undefined, onStale);
  const rate = ({ serviceId, response }: Record<string, unknown>) =>
    send(path(householdId, `/services/${encodeURIComponent(String(serviceId))}/satisfaction`), { response }, etag);
  return (
    <FormShell testId="form-satisfaction" title={t('form.satisfaction')} {...shell} onFinish={(v) => void rate(v)}>
      <Field label={t('field.serviceId')} name="serviceId" id="satisfaction-service">
        <Select options={services.map((id) => ({ value: id, label: id.slice(0, 8) }))} />
      </Field>
      <Field label={t('field.rating')} name="response" id="satisfaction-response">
        <Select options={RESPONSES.map((r) => ({ value: r, label: t(`rating.${r}`) }))} />
      </Field>
    </FormShell>
  );
}
