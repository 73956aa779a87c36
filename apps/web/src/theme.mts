/**
 * The app's Ant Design theme, in a module of its own: App.tsx gives it to ConfigProvider, and the build
 * (antd-styles.ts) renders the same theme into the static style sheet, so both agree on every class hash.
 */
import type { ThemeConfig } from 'antd';

// Ant Design's secondary greys (45% black) fall below WCAG AA contrast on white: darkened to #595959 (7:1).
const GREY = '#595959';

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    colorLink: '#1d39c4',
    // Its lighter hover and press shades fall below AA on a hovered table row: darker instead.
    colorLinkHover: '#10239e',
    colorLinkActive: '#061178',
    colorTextSecondary: GREY,
    colorTextDescription: GREY,
    colorTextTertiary: GREY,
    colorTextPlaceholder: '#6b6b6b',
  },
};
