/**
 * Ant Design's styles as one static style sheet, made at build time (vite.config.mts bundles it into the
 * entry's CSS). Ant Design 5 writes its CSS in JavaScript: left alone, every component computes its style
 * objects, serialises and hashes them and inserts a <style> tag on first render, in the browser, before the
 * page can show (measured: most of a dashboard load's script time). Rendered here once, on the server, in
 * the app's own theme; the sheet ends with the map of what it holds (`.data-ant-cssinjs-cache-path`),
 * which Ant Design reads on start and then skips computing and inserting those styles. A component not in
 * the list still works: its style is computed at run time, as before (test/web checks that none is left).
 */
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import * as antd from 'antd';
import { createElement, Fragment, ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { THEME } from './src/theme.mts';

const h = createElement;

/**
 * Every component the app renders, and the ones those render inside (a table's pagination, empty state
 * and spinner; a select's empty list), each rendered so that it registers its style.
 */
const COMPONENTS: ReactElement[] = [
  h(antd.Alert, { message: 'x' }),
  h(antd.AutoComplete),
  h(antd.Button),
  h(antd.Card, { title: 'x' }),
  h(antd.Checkbox),
  h(antd.Col),
  h(antd.Descriptions, { items: [{ key: 'x', label: 'x', children: 'x' }] }),
  h(antd.Dropdown, { menu: { items: [] } }, h('span')),
  h(antd.Empty),
  h(antd.Form, null, h(antd.Form.Item, { label: 'x' }, h(antd.Input))),
  h(antd.Input),
  h(antd.Input.Password),
  h(antd.InputNumber),
  h(antd.Layout, null, h(antd.Layout.Header), h(antd.Layout.Content)),
  h(antd.List, { dataSource: [] }),
  h(antd.Menu, { items: [] }),
  h(antd.Pagination, { total: 100 }),
  h(antd.Popconfirm, { title: 'x' }, h('span')),
  h(antd.Radio),
  h(antd.Row),
  h(antd.Select),
  h(antd.Skeleton),
  h(antd.Space),
  h(antd.Space.Compact, null, h(antd.Input), h(antd.Button)),
  h(antd.Spin),
  h(antd.Statistic, { value: 1 }),
  h(antd.Table, { dataSource: [], columns: [] }),
  h(antd.Tag, { color: 'blue' }),
  h(antd.Tag, { color: 'success' }),
  h(antd.Tooltip, { title: 'x' }, h('span')),
  h(antd.TreeSelect),
  h(antd.Typography.Title),
];

/** The style sheet (plain CSS) of the components above in the app's theme. */
export function antdStyleSheet(): string {
  const cache = createCache();
  renderToString(h(StyleProvider, { cache }, h(antd.ConfigProvider, { theme: THEME }, h(Fragment, null, ...COMPONENTS))));
  return extractStyle(cache, true);
}
