import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { readPopupStart } from '../../lib/trending-snapshot';
import { dayOf } from '../../lib/clock';
import '../../components/ui.css';

const now = Date.now();
void readPopupStart(dayOf(now)).then((start) => render(<PopupApp now={now} start={start} />, document.getElementById('app')!));
