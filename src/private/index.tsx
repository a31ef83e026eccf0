import { render } from 'preact';
import './private.css';
import { parsePrivateFrameHash } from '../shared/private-frame';
import { PrivateFrame } from './private-frame';

render(<PrivateFrame request={parsePrivateFrameHash(location.hash)} />, document.getElementById('app')!);
