import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { FakeApi } from '../../fake-api';
import { AUDIT_JOB } from './fake-upnp';

// What a UPnP test does on the page.

/**
 * A router never checked is checked on the page's first visit: the user stops that check (Cancel, main's end), so
 * the page is as it was before the rule — never checked, the check button to press.
 */
export async function stopFirstVisitCheck(wrapper: VueWrapper, api: FakeApi): Promise<void> {
  await wrapper.find('[data-testid="check-cancel"]').trigger('click');
  await flushPromises();
  api.emit('job.onDone', {
    jobId: AUDIT_JOB,
    kind: 'upnp-audit',
    outcome: 'cancelled',
    error: { code: 'CANCELLED', message: 'The operation was cancelled.' },
  });
  await flushPromises();
}
