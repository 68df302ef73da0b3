import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { FakeApi } from '../../fake-api';
import { AUDIT_JOB } from '../../fake-ports';

// What a Ports test does on the page (kept out of fake-ports.ts, which the screenshots' scene loads in a browser).

/** Presses Apply on the Ports page and says yes to its question. */
export async function applyAndConfirm(wrapper: VueWrapper): Promise<void> {
  await wrapper.find('[data-testid="apply"]').trigger('click');
  await flushPromises();
  await wrapper.find('[data-testid="apply-confirm-yes"]').trigger('click');
  await flushPromises();
}

/**
 * Ports never checked are checked on the page's first visit: the user stops that check (Cancel, main's end), so the
 * page is as it was before the rule — never checked, the check button to press.
 */
export async function stopFirstVisitCheck(wrapper: VueWrapper, api: FakeApi): Promise<void> {
  await wrapper.find('[data-testid="audit-cancel"]').trigger('click');
  await flushPromises();
  api.emit('job.onDone', {
    jobId: AUDIT_JOB,
    kind: 'ports-audit',
    outcome: 'cancelled',
    error: { code: 'CANCELLED', message: 'The operation was cancelled.' },
  });
  await flushPromises();
}
