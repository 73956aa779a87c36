/** Sign-in: username and password to POST /auth/sessions; a wrong pair and throttling said plainly. */
import { Alert, Button, Card, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { ProblemError } from '../api/client';
import { Lang, useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';

export function SignInPage() {
  const { t, lang, setLang } = useI18n();
  const { signIn } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async ({ username, password }: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (failure) {
      const response = failure instanceof ProblemError ? failure.response : undefined;
      // Wrong credentials only when the server said so: a failure of the server or the network is not the user's.
      setError(
        response?.status === 429
          ? t('signIn.throttled', { seconds: response.headers.get('retry-after') ?? '60' })
          : response?.status === 401 || response?.status === 400
            ? t('signIn.invalid')
            : t('signIn.unavailable'),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <main style={{ display: 'flex', justifyContent: 'center', paddingTop: '10vh' }}>
      <Card
        title={
          <h1 style={{ fontSize: 20, margin: 0 }}>
            {t('app.title')} · {t('signIn.title')}
          </h1>
        }
        style={{ width: 380, maxWidth: '94vw' }}
        extra={
          <Select<Lang>
            aria-label={t('nav.language')}
            value={lang}
            onChange={setLang}
            style={{ width: 100 }}
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        }
      >
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('signIn.username')} name="username" rules={[{ required: true, message: t('signIn.required') }]}>
            <Input id="username" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('signIn.password')} name="password" rules={[{ required: true, message: t('signIn.required') }]}>
            <Input.Password id="password" autoComplete="current-password" />
          </Form.Item>
          <Space direction="vertical" style={{ width: '100%' }}>
            {error && <Alert type="error" role="alert" message={error} showIcon />}
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('signIn.submit')}
            </Button>
          </Space>
        </Form>
      </Card>
    </main>
  );
}
