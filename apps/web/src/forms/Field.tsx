/**
 * One labelled field of a command form: the label points at the control by its id (screen readers, tests), and
 * is recorded for the form (field-labels.ts), so that the API's refusal of the field is worded with it.
 */
import { Form } from 'antd';
import { cloneElement, ReactElement } from 'react';
import { useFieldLabel } from './field-labels';

export function Field({
  label,
  name,
  id,
  initialValue,
  children,
}: {
  label: string;
  name: string | string[];
  id: string;
  initialValue?: unknown;
  children: ReactElement<{ id?: string }>;
}) {
  useFieldLabel(name, label);
  return (
    <Form.Item label={label} name={name} htmlFor={id} {...(initialValue !== undefined && { initialValue })}>
      {cloneElement(children, { id })}
    </Form.Item>
  );
}
