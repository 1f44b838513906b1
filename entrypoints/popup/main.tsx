import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { readPopupStart } from '../../lib/trending-snapshot';
import { dayOf } from '../../lib/clock';
import '../../components/ui.css';

const now = Date.now();
render(<PopupApp now={now} start={readPopupStart(dayOf(now))} />, document.getElementById('app')!);
