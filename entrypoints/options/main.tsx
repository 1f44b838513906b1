import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import '../../components/ui.css';

render(<OptionsApp />, document.getElementById('app')!);
