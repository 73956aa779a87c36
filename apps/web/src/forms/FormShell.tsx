/** A command form's frame: its title, fields, one submit button and the outcome said in words. */
import { Alert, Button, Card, Form, FormInstance } from 'antd';
import { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { FieldLabelMap, FieldLabels } from './field-labels';

export function FormShell({
  title,
  form,
  busy,
  message,
  onFinish,
  children,
  testId,
  labels,
}: {
  title: string;
  form: FormInstance;
  busy: boolean;
  message: { type: 'success' | 'error' | 'warning'; text: string } | null;
  onFinish(values: Record<string, unknown>): void;
  children: ReactNode;
  testId: string;
  /** Where the fields record their labels (useCommandForm's), for the refusals worded under them. */
  labels: FieldLabelMap;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{title}</h2>} data-testid={testId}>
      <Form form={form} layout="vertical" onFinish={onFinish} aria-label={title} name={testId}>
        <FieldLabels.Provider value={labels}>{children}</FieldLabels.Provider>
        {message && (
          <Alert
            role={message.type === 'success' ? 'status' : 'alert'}
            type={message.type}
            message={message.text}
            showIcon
            style={{ marginBottom: 8 }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('common.submit')}
        </Button>
      </Form>
    </Card>
  );
}
