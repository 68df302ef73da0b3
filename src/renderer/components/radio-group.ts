// Radios that are choices saved in main: the page shows main's choice, not only what was clicked.

/** Puts the radios of a group back to what main kept, after a choice main refused. */
export function resyncRadios(group: HTMLElement | null, isChosen: (value: string) => boolean): void {
  for (const input of group?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? []) {
    input.checked = isChosen(input.value);
  }
}

/** Space picks a native radio; on the cards Enter does too, as people expect from a card. */
export function pickOnEnter(event: KeyboardEvent): void {
  event.preventDefault();
  (event.target as HTMLInputElement).checked = true;
}
