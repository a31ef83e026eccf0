import { render } from 'preact';
import { injectTypeColours } from '../components/type-colours';
import './options.css';
import { Options } from './options';

injectTypeColours(document);
render(<Options />, document.getElementById('app')!);
