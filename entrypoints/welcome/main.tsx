import { render } from 'preact';
import { Welcome } from '../../components/Welcome';
import '../../components/ui.css';
import '../../components/options.css';

render(<Welcome />, document.getElementById('app')!);
