/**
 * The administrator's account forms: a new user with roles and an org-unit scope, and a new password for an
 * existing one. The API validates (username pattern, password length, role names, org-unit code) and its
 * problems appear next to the fields they name; passwords go to the API only, never into the page's state
 * beyond the form.
 */
import { Input, Select } from 'antd';
import { OrgUnitPicker } from '../components/OrgUnitPicker';
import { useI18n } from '../i18n/i18n';
import { useReferenceData } from '../hooks/useReference';
import { CodeSelect } from './CodeSelect';
import { Field } from './Field';
import { FormShell } from './FormShell';
import { useCommandForm } from './useCommand';

/** The roles a person signs in with (subscribers and witnesses are machines, with bearer tokens). */
const PEOPLE_ROLES = ['registrar', 'provider', 'loan-officer', 'supervisor', 'auditor', 'analyst', 'admin'];

export function NewUserForm({ onDone }: { onDone(): void }) {
  const { t, word } = useI18n();
  const reference = useReferenceData().data;
  const { send, shell } = useCommandForm(onDone, (data) => t('users.created', { username: String(data.username) }));
  const create = (v: Record<string, unknown>) =>
    send('/admin/users', {
      username: v.username,
      displayName: v.displayName || undefined,
      password: v.password,
      roles: v.roles ?? [],
      ou: v.ou,
      department: v.department || undefined,
    });
  return (
    <FormShell title={t('users.create')} testId="new-user" onFinish={(v) => void create(v)} {...shell}>
      <Field label={t('users.username')} name="username" id="user-username">
        <Input autoComplete="off" />
      </Field>
      <Field label={t('users.displayName')} name="displayName" id="user-display-name">
        <Input autoComplete="off" />
      </Field>
      <Field label={t('users.password')} name="password" id="user-password">
        <Input.Password autoComplete="new-password" />
      </Field>
      <Field label={t('users.roles')} name="roles" id="user-roles">
        <Select
          mode="multiple"
          options={PEOPLE_ROLES.map((role) => ({ value: role, label: word('role', role) }))}
          optionFilterProp="label"
        />
      </Field>
      <Field label={t('users.ou')} name="ou" id="user-ou" initialValue="640100">
        <OrgUnitPicker value="640100" onChange={() => undefined} />
      </Field>
      <Field label={t('users.department')} name="department" id="user-department">
        <CodeSelect items={reference?.departments} />
      </Field>
    </FormShell>
  );
}

export function PasswordForm({ usernames }: { usernames: string[] }) {
  const { t } = useI18n();
  // Worded before the form is cleared, so the user it names is still the one chosen.
  const { send, shell } = useCommandForm(undefined, () =>
    t('users.passwordSet', { username: String(shell.form.getFieldValue('username')) }),
  );
  const setPassword = (v: Record<string, unknown>) =>
    send(`/admin/users/${encodeURIComponent(String(v.username ?? ''))}/password`, { password: v.password });
  return (
    <FormShell title={t('users.setPassword')} testId="set-password" onFinish={(v) => void setPassword(v)} {...shell}>
      <Field label={t('users.username')} name="username" id="password-username">
        <Select options={usernames.map((username) => ({ value: username, label: username }))} showSearch />
      </Field>
      <Field label={t('users.newPassword')} name="password" id="password-new">
        <Input.Password autoComplete="new-password" />
      </Field>
    </FormShell>
  );
}
