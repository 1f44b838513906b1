import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import '../../components/ui.css';

render(<PopupApp />, document.getElementById('app')!);
