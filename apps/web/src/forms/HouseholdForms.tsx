/** Field staff's household commands: enrol, record a need, deliver a service, record satisfaction. */
import { Form, Input, InputNumber, Select } from 'antd';
import { useI18n } from '../i18n/i18n';
import { useReferenceData } from '../hooks/useReference';
import { CodeSelect } from './CodeSelect';
import { FormShell } from './FormShell';
import { CommandResult, useCommand } from './useCommand';

const CATEGORIES = ['developing', 'stable', 'elderly', 'new-urban'];
const RESPONSES = ['satisfied', 'neutral', 'dissatisfied', 'no-answer'] as const;
const path = (householdId: string, rest: string) => `/households/${encodeURIComponent(householdId)}${rest}`;

export function EnrolForm({ onEnrolled }: { onEnrolled(result: CommandResult): void }) {
  const { t } = useI18n();
  const reference = useReferenceData().data;
  const [form] = Form.useForm();
  const command = useCommand(form, onEnrolled);
  return (
    <FormShell
      testId="form-enrol"
      title={t('form.enrol')}
      form={form}
      {...command}
      onFinish={(v) =>
        void command.send('/households', {
          villageCode: v.villageCode,
          category: v.category,
          members: v.members,
          head: { name: (v.head as { name: string }).name },
        })
      }
    >
      <Form.Item label={t('field.villageCode')} name="villageCode" htmlFor="enrol-village">
        <Input id="enrol-village" />
      </Form.Item>
      <Form.Item label={t('field.category')} name="category" htmlFor="enrol-category">
        {reference ? (
          <CodeSelect id="enrol-category" items={reference.categories} />
        ) : (
          <CodeSelect id="enrol-category" codes={CATEGORIES} />
        )}
      </Form.Item>
      <Form.Item label={t('field.members')} name="members" htmlFor="enrol-members">
        <InputNumber id="enrol-members" />
      </Form.Item>
      <Form.Item label={t('field.headName')} name={['head', 'name']} htmlFor="enrol-head">
        <Input id="enrol-head" autoComplete="off" />
      </Form.Item>
    </FormShell>
  );
}

interface HouseholdFormProps {
  householdId: string;
  etag: string;
  onDone(result: CommandResult): void;
}

export function NeedForm({ householdId, etag, onDone }: HouseholdFormProps) {
  const { t } = useI18n();
  const reference = useReferenceData().data;
  const [form] = Form.useForm();
  const command = useCommand(form, onDone);
  return (
    <FormShell
      testId="form-need"
      title={t('form.need')}
      form={form}
      {...command}
      onFinish={(v) => void command.send(path(householdId, '/needs'), v, etag)}
    >
      <Form.Item label={t('field.focusArea')} name="focusArea" htmlFor="need-focus">
        <CodeSelect id="need-focus" items={reference?.focusAreas} />
      </Form.Item>
      <Form.Item label={t('field.kind')} name="kind" htmlFor="need-kind">
        <CodeSelect id="need-kind" items={reference?.needKinds} />
      </Form.Item>
      <Form.Item label={t('field.description')} name="description" htmlFor="need-description">
        <Input.TextArea id="need-description" rows={2} />
      </Form.Item>
    </FormShell>
  );
}

export function ServiceForm({ householdId, etag, onDone, needs }: HouseholdFormProps & { needs: string[] }) {
  const { t } = useI18n();
  const reference = useReferenceData().data;
  const [form] = Form.useForm();
  const command = useCommand(form, onDone);
  return (
    <FormShell
      testId="form-service"
      title={t('form.service')}
      form={form}
      {...command}
      onFinish={(v) => void command.send(path(householdId, '/services'), v, etag)}
    >
      <Form.Item label={t('household.needs')} name="needId" htmlFor="service-need">
        <Select id="service-need" allowClear options={needs.map((id) => ({ value: id, label: id.slice(0, 8) }))} />
      </Form.Item>
      <Form.Item label={t('field.department')} name="departmentCode" htmlFor="service-department">
        <CodeSelect id="service-department" items={reference?.departments} />
      </Form.Item>
      <Form.Item label={t('field.serviceType')} name="serviceTypeCode" htmlFor="service-type">
        <CodeSelect id="service-type" items={reference?.serviceTypes} />
      </Form.Item>
      <Form.Item label={t('field.focusArea')} name="focusArea" htmlFor="service-focus">
        <CodeSelect id="service-focus" items={reference?.focusAreas} />
      </Form.Item>
    </FormShell>
  );
}

export function SatisfactionForm({ householdId, etag, onDone, services }: HouseholdFormProps & { services: string[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const command = useCommand(form, onDone);
  return (
    <FormShell
      testId="form-satisfaction"
      title={t('form.satisfaction')}
      form={form}
      {...command}
      onFinish={({ serviceId, response }) =>
        void command.send(path(householdId, `/services/${encodeURIComponent(String(serviceId))}/satisfaction`), { response }, etag)
      }
    >
      <Form.Item label={t('field.serviceId')} name="serviceId" htmlFor="satisfaction-service">
        <Select id="satisfaction-service" options={services.map((id) => ({ value: id, label: id.slice(0, 8) }))} />
      </Form.Item>
      <Form.Item label={t('field.rating')} name="response" htmlFor="satisfaction-response">
        <Select id="satisfaction-response" options={RESPONSES.map((r) => ({ value: r, label: t(`rating.${r}`) }))} />
      </Form.Item>
    </FormShell>
  );
}
