import { flushPromises, type VueWrapper } from '@vue/test-utils';

// What a Ports test does on the page (kept out of fake-ports.ts, which the screenshots' scene loads in a browser).

/** Presses Apply on the Ports page and says yes to its question. */
export async function applyAndConfirm(wrapper: VueWrapper): Promise<void> {
  await wrapper.find('[data-testid="apply"]').trigger('click');
  await flushPromises();
  await wrapper.find('[data-testid="apply-confirm-yes"]').trigger('click');
  await flushPromises();
}
