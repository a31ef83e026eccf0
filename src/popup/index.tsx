import { render } from 'preact';
import { injectTypeColours } from '../components/type-colours';
import './popup.css';
import { Popup } from './popup';
import { applyUiLanguage } from '../shared/i18n';

applyUiLanguage(document);
injectTypeColours(document);
render(<Popup />, document.getElementById('app')!);
