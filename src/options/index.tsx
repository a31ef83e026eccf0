import { render } from 'preact';
import './options.css';
import { Options } from './options';

render(<Options />, document.getElementById('app')!);
