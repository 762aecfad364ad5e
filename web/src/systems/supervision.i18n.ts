// supervision.i18n.ts — the texts of supervision (SPEC §10): inspections, rectification orders, draws, campaigns, in Chinese (the default) and English.
// Keys start "supervision."; i18n.ts merges them into the one dictionary.
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
