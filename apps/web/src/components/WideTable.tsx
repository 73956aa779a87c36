/**
 * A table that may be wider than a tablet's screen and longer than one page: small, paged by 50 beyond 50
 * rows, and scrolled sideways in its own box (styles.css `.scroll-x`), not by Ant Design's `scroll.x`,
 * whose column measuring forces the browser to lay the page out again in the first render (measured).
 */
import { Table, TableProps } from 'antd';

export function WideTable<Row extends object>(props: TableProps<Row> & { dataSource: readonly Row[] }) {
  const paged = props.dataSource.length > 50 ? { pageSize: 50 } : false;
  return (
    <div className="scroll-x">
      <Table<Row> size="small" pagination={paged} {...props} />
    </div>
  );
}
