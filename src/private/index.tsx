import { render } from 'preact';
import './private.css';
import { parsePrivateFrameHash } from '../shared/private-frame';
import { PrivateFrame } from './private-frame';
import { applyUiLanguage } from '../shared/i18n';

// Its labels are in the reader's language; its direction stays the card's, which holds it (and English corpus text).
applyUiLanguage(document, { direction: false });

render(<PrivateFrame request={parsePrivateFrameHash(location.hash)} />, document.getElementById('app')!);
