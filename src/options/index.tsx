import { render } from 'preact';
import { injectTypeColours } from '../components/type-colours';
import './options.css';
import { Options } from './options';
import { applyUiLanguage } from '../shared/i18n';

applyUiLanguage(document);
injectTypeColours(document);
render(<Options />, document.getElementById('app')!);
