/** The administrator's page: every local account, a new one, a new password, an account disabled. */
import { Alert, Button, Card, Col, Popconfirm, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { WideTable } from '../components/WideTable';
import { Loading, ProblemAlert } from '../components/Loading';
import { useFailure } from '../hooks/useFailure';
import { NewUserForm, PasswordForm } from '../forms/UserForms';
import { useI18n } from '../i18n/i18n';
import { useOrgUnits, useReferenceData } from '../hooks/useReference';
import { disableUser, UserAccount, useUsers } from '../hooks/useUsers';
import { useSession } from '../session/session';

function UserTable({ users, onChanged }: { users: UserAccount[]; onChanged(): void }) {
  const { t, word, name, dateTime } = useI18n();
  const units = useOrgUnits().data ?? [];
  const me = useSession().user?.username;
  const departments = useReferenceData().data?.departments ?? [];
  // A department by its name (卫生局), as the form offers it; its code only where the reference data has none.
  const departmentName = (code: string) => name(departments.find((d) => d.code === code)?.name, code);
  const unitName = (code: string) => {
    const unit = units.find((u) => u.code === code);
    return unit ? t('common.named', { name: name(unit.name, code), code }) : code;
  };
  const { failure, run } = useFailure();
  const [disabled, setDisabled] = useState<string>();
  const disable = (username: string) =>
    run(async () => {
      setDisabled(undefined);
      await disableUser(username);
      setDisabled(username);
      onChanged();
    });
  return (
    <>
      {failure && <ProblemAlert error={failure} />}
      {disabled && <Alert type="success" role="status" showIcon message={t('users.disabledDone', { username: disabled })} />}
      <WideTable<UserAccount>
        rowKey="username"
        dataSource={users}
        data-testid="users"
        columns={[
          { key: 'username', title: t('users.username'), dataIndex: 'username' },
          { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
          { key: 'roles', title: t('users.roles'), render: (_, u) => u.roles.map((role) => word('role', role)).join(t('state.separator')) },
          { key: 'ou', title: t('users.ou'), render: (_, u) => unitName(u.ou) },
          { key: 'department', title: t('users.department'), render: (_, u) => (u.department ? departmentName(u.department) : '—') },
          {
            key: 'state',
            title: t('users.state'),
            render: (_, u) => <Tag color={u.disabled ? '#a8071a' : '#237804'}>{t(u.disabled ? 'users.disabled' : 'users.enabled')}</Tag>,
          },
          { key: 'createdAt', title: t('users.createdAt'), render: (_, u) => dateTime(u.createdAt) },
          {
            key: 'disable',
            title: t('users.disable'),
            render: (_, u) =>
              // Not one's own account: an administrator who disabled it would be locked out mid-session.
              u.disabled || u.username === me ? null : (
                <Popconfirm title={t('users.confirmDisable', { username: u.username })} onConfirm={() => disable(u.username)}>
                  <Button size="small" aria-label={`${t('users.disable')} ${u.username}`}>
                    {t('users.disable')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </>
  );
}

export function UsersPage() {
  const { t } = useI18n();
  const users = useUsers();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('users.title')}
      </Typography.Title>
      <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('users.list')}</h2>}>
        <Loading remote={users}>{(list) => <UserTable users={list} onChanged={users.reload} />}</Loading>
      </Card>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col xs={24} md={12}>
          <NewUserForm onDone={users.reload} />
        </Col>
        <Col xs={24} md={12}>
          <PasswordForm usernames={(users.data ?? []).filter((u) => !u.disabled).map((u) => u.username)} />
        </Col>
      </Row>
    </>
  );
}
