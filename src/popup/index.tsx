import { render } from 'preact';
import { injectTypeColours } from '../components/type-colours';
import './popup.css';
import { Popup } from './popup';

injectTypeColours(document);
render(<Popup />, document.getElementById('app')!);
