// deposit.i18n.ts — the texts of deposits and the emergency wage fund (SPEC §7–8), in Chinese (the default) and English.
// Keys start "deposit."; i18n.ts merges them into the one dictionary.
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
