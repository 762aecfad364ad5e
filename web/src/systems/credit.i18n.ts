// credit.i18n.ts — the texts of credit files, grades and the dishonest-employer list (SPEC §9), in Chinese (the default) and English.
// Keys start "credit."; i18n.ts merges them into the one dictionary.
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
