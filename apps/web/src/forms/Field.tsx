/** One labelled field of a command form: the label points at the control by its id (screen readers, tests). */
import { Form } from 'antd';
import { cloneElement, ReactElement } from 'react';

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
  return (
    <Form.Item label={label} name={name} htmlFor={id} {...(initialValue !== undefined && { initialValue })}>
      {cloneElement(children, { id })}
    </Form.Item>
  );
}
