// format.ts — how values from the API are shown: money strings with thousands separators
// (never through floating point for display), region names, periods and dates.
import { getLang } from './i18n';

/** "1234567.50" → "¥1,234,567.50" ("-¥12.00" below zero); keeps the server's two decimals
 * exactly (never through floating point). */
export function money(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  const s = typeof v === 'number' ? v.toFixed(2) : String(v);
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(s);
  if (!m) return s;
  return m[1] + '¥' + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (m[3] || '');
}

/** A money string as a number, for charts only. */
export function num(v: string | number | null | undefined): number {
  if (v === null || v === undefined || v === '') return 0;
  const n = typeof v === 'number' ? v : parseFloat(v);
  return Number.isFinite(n) ? n : 0;
}

/** Large amounts for chart axes: 1.2万 / 3.4亿 in Chinese, 12k / 3.4M in English. */
export function shortMoney(n: number): string {
  const a = Math.abs(n);
  if (getLang() === 'zh') {
    if (a >= 1e8) return +(n / 1e8).toFixed(2) + '亿';
    if (a >= 1e4) return +(n / 1e4).toFixed(1) + '万';
    return String(Math.round(n));
  }
  if (a >= 1e9) return +(n / 1e9).toFixed(2) + 'B';
  if (a >= 1e6) return +(n / 1e6).toFixed(2) + 'M';
  if (a >= 1e3) return +(n / 1e3).toFixed(1) + 'k';
  return String(Math.round(n));
}

export function int(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "2026-05" → "2026年5月" / "May 2026". */
export function period(p: string | null | undefined): string {
  if (!p) return '—';
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (!m) return p;
  if (getLang() === 'zh') return `${m[1]}年${Number(m[2])}月`;
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${names[Number(m[2]) - 1]} ${m[1]}`;
}

/** A day as the server sends it ("2026-09-30"), or a moment ("2026-09-30T14:05:00+08:00")
 * shown in the platform's time (China Standard Time, which the server writes) without the
 * offset: "2026-09-30 14:05". */
export function date(d: string | null | undefined): string {
  if (!d) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(d);
  return m ? `${m[1]} ${m[2]}` : d;
}

// the banks of the wage accounts and workers' cards by code (the codes the registry uses),
// with the Chinese names banks go by and their English names
const banks: Record<string, [string, string]> = {
  ICBC: ['中国工商银行', 'ICBC'],
  ABC: ['中国农业银行', 'Agricultural Bank of China'],
  BOC: ['中国银行', 'Bank of China'],
  CCB: ['中国建设银行', 'China Construction Bank'],
  BOCOM: ['交通银行', 'Bank of Communications'],
  PSBC: ['中国邮政储蓄银行', 'Postal Savings Bank of China'],
  CMB: ['招商银行', 'China Merchants Bank'],
  CITIC: ['中信银行', 'China CITIC Bank'],
  CEB: ['中国光大银行', 'China Everbright Bank'],
  HXB: ['华夏银行', 'Hua Xia Bank'],
  CMBC: ['中国民生银行', 'China Minsheng Bank'],
  CGB: ['广发银行', 'China Guangfa Bank'],
  PAB: ['平安银行', 'Ping An Bank'],
  SPDB: ['上海浦东发展银行', 'Shanghai Pudong Development Bank'],
  CIB: ['兴业银行', 'Industrial Bank'],
  CZB: ['浙商银行', 'China Zheshang Bank'],
  HZB: ['杭州银行', 'Bank of Hangzhou'],
  NBCB: ['宁波银行', 'Bank of Ningbo'],
  ZJRCU: ['浙江农商银行', 'Zhejiang Rural Commercial Bank'],
};

/** A bank by its name ("中国农业银行"), the code where the table has none. */
export function bank(code: string | null | undefined): string {
  if (!code) return '—';
  const b = banks[code.toUpperCase()];
  if (!b) return code;
  return getLang() === 'zh' ? b[0] : b[1];
}

const regions: Record<string, [string, string]> = {
  '33': ['浙江省', 'Zhejiang'],
  '3301': ['杭州市', 'Hangzhou'],
  '330100': ['杭州市', 'Hangzhou'],
  '330102': ['上城区', 'Shangcheng'],
  '330105': ['拱墅区', 'Gongshu'],
  '330106': ['西湖区', 'Xihu'],
  '330108': ['滨江区', 'Binjiang'],
  '330109': ['萧山区', 'Xiaoshan'],
  '330110': ['余杭区', 'Yuhang'],
  '330111': ['富阳区', 'Fuyang'],
  '330112': ['临安区', "Lin'an"],
  '330113': ['临平区', 'Linping'],
  '330114': ['钱塘区', 'Qiantang'],
  '330122': ['桐庐县', 'Tonglu'],
  '330127': ['淳安县', "Chun'an"],
  '330182': ['建德市', 'Jiande'],
};

/** A region code with its name where known: "临平区" / "Linping"; else the code. */
export function region(code: string | null | undefined): string {
  if (!code) return '—';
  const r = regions[code];
  if (!r) return code;
  return getLang() === 'zh' ? r[0] : r[1];
}

/** Every day of a period: [1..28|29|30|31]. */
export function daysOf(p: string): number[] {
  const [y, m] = p.split('-').map(Number);
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** Day of the week (0 = Sunday) of day d of period p. */
export function weekday(p: string, d: number): number {
  const [y, m] = p.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** "name（detail）" in Chinese, "name (detail)" in English. */
export function paren(main: string, detail: string | null | undefined): string {
  if (!detail) return main;
  return getLang() === 'zh' ? `${main}（${detail}）` : `${main} (${detail})`;
}
