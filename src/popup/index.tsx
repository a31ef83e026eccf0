import { render } from 'preact';
import './popup.css';
import { Popup } from './popup';

render(<Popup />, document.getElementById('app')!);
