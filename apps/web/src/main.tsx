/**
 * The entry: the styles, then the app (start.tsx). A page the server rendered (opening/) is drawn first:
 * the app's script, most of a load's script time, is evaluated only once the browser has painted the
 * figures the page came with; a page without them starts the app at once (measured: `npm run bench -- web`).
 */
import 'virtual:antd.css';
import './styles.css';
import { OPENING_STATE_ID } from './opening/state-id';

const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
const rendered = document.getElementById(OPENING_STATE_ID) !== null;

void (rendered ? painted() : Promise.resolve()).then(() => import('./start')).then(({ start }) => start());
