/**
 * The private frame's calls to the page-side UI that holds it: the frame has
 * the reader's keyboard focus, so its Escape reaches us, not the content
 * script, and we pass it on to the frame's own tab.
 */
import { CallFailure, type Handlers } from '../router';
import type { Services } from '../services';

/** `private.close`: closes the card or highlight popover of the frame's tab. */
export function privateFrameHandlers(s: Services): Pick<Handlers, 'private.close'> {
  return {
    async 'private.close'({ kind }, sender) {
      if (sender.tabId === undefined) throw new CallFailure('forbidden', 'This call needs a tab.');
      return s.tellTab(sender.tabId, kind === 'entry' ? 'tab.closeCard' : 'tab.closeNote', {});
    },
  };
}
