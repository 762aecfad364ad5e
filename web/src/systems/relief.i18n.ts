// relief.i18n.ts — the texts of relief (SPEC §11): cases, documents, liability, accountability, in Chinese (the default) and English.
// Keys start "relief."; i18n.ts merges them into the one dictionary.
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
