/** The frame every page shares: skip link, the journeys the user may take, language switch, sign-out. */
import { Alert, Button, Layout, Menu, Select, Space, Typography } from 'antd';
import { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Lang, useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { useFailure } from '../hooks/useFailure';
import { journeysOf } from './navigation';
import { useAfterShown } from './after-shown';
import { useOpeningShown } from './opening-shown';

export function AppLayout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { user, signOut } = useSession();
  const location = useLocation();
  const journeys = journeysOf(user);
  const selected = journeys.find((journey) => location.pathname.startsWith(journey.path))?.path;
  // The page's first figures come before the menu and the switches (the heavier part of the shell).
  const rest = useAfterShown(useOpeningShown(location.pathname));
  const { failure: signOutFailed, run } = useFailure();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap', height: 'auto', lineHeight: '48px' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
          {t('app.title')}
        </Typography.Text>
        <nav aria-label={t('app.title')} style={{ flex: 1, minWidth: 200 }}>
          {rest && (
            <Menu
              theme="dark"
              mode="horizontal"
              selectedKeys={selected ? [selected] : []}
              style={{ background: 'transparent' }}
              items={journeys.map((journey) => ({ key: journey.path, label: <Link to={journey.path}>{t(journey.label)}</Link> }))}
            />
          )}
        </nav>
        {rest && (
          <Space>
            <Typography.Text style={{ color: '#fff' }}>{user?.displayName ?? user?.username}</Typography.Text>
            <Select<Lang>
              aria-label={t('nav.language')}
              value={lang}
              onChange={setLang}
              style={{ width: 110 }}
              options={[
                { value: 'zh-CN', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
            />
            <Button onClick={() => void run(signOut)}>{t('nav.signOut')}</Button>
          </Space>
        )}
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} style={{ padding: '16px 24px' }}>
        {signOutFailed && <Alert type="error" role="alert" showIcon message={t('nav.signOutFailed')} style={{ marginBottom: 12 }} />}
        <main>{children}</main>
      </Layout.Content>
    </Layout>
  );
}
