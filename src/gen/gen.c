/* gen.c — the synthetic data set behind `wageguard gen`: one Hangzhou-like region, every import
 * kind as CSV, violations of each early-warning rule injected at documented rates and counted
 * exactly as `scan --as-of <last day of the range>` must report them (manifest.json).
 *
 * Everything is drawn from splitmix64 streams keyed by (seed, purpose, entity), so the files
 * are byte-identical on every machine. Entities (enterprises, projects, workers, employments)
 * are held in memory — O(workers); attendance, payroll, payments and allocations are
 * generated project by project, in (project, worker, date) order, and streamed to disk. */
#include "gen/gen.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/date.h"
#include "util/dbuf.h"
#include "util/err.h"
#include "util/ids.h"
#include "util/money.h"
#include "util/banned.h"

const char *const gen_file_names[GEN_NFILES] = {
	"calendar",    "enterprises", "projects",    "subcontracts", "accounts", "workers",
	"employments", "attendance",  "allocations", "payroll",      "payments",
};

const char *const gen_violation_names[GEN_NVIOL] = {
	"UNPAID",       "NO_PAYROLL",    "UNDERPAID",   "EXCESS_DEDUCTION",   "OFF_CARD",
	"UNREGISTERED", "NO_LABOR_COST", "LOW_BALANCE", "CRIMINAL_THRESHOLD",
};

/* Header rows: every column of SPEC §4, optional ones included, in the spec's order. */
static const char *const gen_headers[GEN_NFILES] = {
	"date,kind",
	"uscc,name,region_code,legal_rep",
	"code,name,region_code,industry,owner_uscc,contractor_uscc,contract_value,start_date,"
	"end_date",
	"project_code,subcontractor_uscc,contract_value,start_date,end_date",
	"project_code,bank_code,account_no,opened_on",
	"id_number,name,phone,bank_card,bank_code",
	"project_code,id_number,employer_uscc,team,trade,wage_type,wage_rate,start_date,end_date",
	"project_code,id_number,date,hours",
	"txn_id,project_code,date,amount",
	"project_code,employer_uscc,period,id_number,days,gross,deductions,net,due_date",
	"txn_id,project_code,id_number,period,amount,paid_on,bank_card,status",
};

/* ---- injection rates, in parts per million of the population named ---- */
#define PPM 1000000u
#define RATE_UNPAID 20000u     /* eligible worker-months: no or partial payment */
#define RATE_UNPAID_LB 100000u /* the same inside a LOW_BALANCE project */
#define RATE_NO_PAYROLL 10000u /* eligible worker-months: attendance, no payroll line */
#define RATE_UNDERPAID 10000u  /* worker-months: gross 5–25 % below the expected wage */
#define RATE_EXCESS 3000u      /* worker-months: deductions 52–80 % of gross */
#define RATE_OFF_CARD 3000u    /* worker-months paid by the data's end: paid to another card */
#define RATE_FAILED 10000u     /* payments: a failed attempt, retried the next working day */
#define RATE_RETURNED 2000u    /* payments: returned by the bank, paid again */
#define UNREG_PER_WORKERS 200  /* one unregistered person per 200 workers (0.5 %) */
#define NLC_PERCENT 2          /* project-months whose labour cost is two months late */
#define LB_PER_PROJECTS 33     /* one under-allocated project per 33 */
/* CRIMINAL_THRESHOLD defaults of SPEC §5 (fen): kept clear of by everyone but the chosen. */
#define CRIM_ONE 500000
#define CRIM_ALL 3000000
#define CRIM_WORKERS 10

#define NODAY INT32_MAX
#define NE_MAX 4 /* employments of one worker on one project */
#define OBUF_CAP (1u << 20)

/* ---- PRNG: splitmix64, one stream per (purpose, entity) ---- */
struct rng {
	uint64_t s;
};

static uint64_t mix64(uint64_t z)
{
	z += 0x9E3779B97F4A7C15u;
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

static inline uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

enum tag { T_ENT = 1, T_PROJ, T_SUBS, T_WORKER, T_EMP, T_ATT, T_WM, T_PAYDAY, T_ALLOC, T_PICK };

static struct rng rng_for(uint64_t seed, enum tag tag, uint64_t a, uint64_t b)
{
	struct rng r = {mix64(mix64(mix64(mix64(seed) ^ (uint64_t)tag) ^ a) ^ b)};
	return r;
}

/* Uniform in [0, n), n >= 1 (multiply-shift: no division, same on every machine). */
static uint32_t rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [lo, hi]; lo when hi < lo. */
static int64_t rng_range(struct rng *r, int64_t lo, int64_t hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int64_t)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

/* ---- a set of 64-bit hashes, to keep IDs, cards and names unique ---- */
struct hset {
	uint64_t *k;
	size_t cap, n;
};

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
	return mix64(h) | 1; /* never 0, the empty slot */
}

/* Returns 1 when key was added, 0 when present (or a 64-bit collision: the caller draws
 * again, which is harmless), -1 when out of memory. */
static int hset_add(struct hset *h, uint64_t key)
{
	if (2 * (h->n + 1) > h->cap) {
		size_t cap = h->cap ? 2 * h->cap : 1024;
		uint64_t *k = calloc(cap, sizeof(*k));
		if (!k)
			return -1;
		for (size_t i = 0; i < h->cap; i++) {
			if (!h->k[i])
				continue;
			size_t j = h->k[i] & (cap - 1);
			while (k[j])
				j = (j + 1) & (cap - 1);
			k[j] = h->k[i];
		}
		free(h->k);
		h->k = k;
		h->cap = cap;
	}
	size_t i = key & (h->cap - 1);
	while (h->k[i]) {
		if (h->k[i] == key)
			return 0;
		i = (i + 1) & (h->cap - 1);
	}
	h->k[i] = key;
	h->n++;
	return 1;
}

/* ---- reference data ---- */
struct district {
	const char *code, *name, *shortname;
	const char *places[7];
};
static const struct district districts[] = {
	{"330102", "上城区", "上城", {"望江", "采荷", "四季青", "笕桥", "丁兰", "九堡"}},
	{"330105", "拱墅区", "拱墅", {"半山", "康桥", "祥符", "大关", "和睦", "石桥"}},
	{"330106", "西湖区", "西湖", {"三墩", "蒋村", "留下", "转塘", "双浦", "文新"}},
	{"330108", "滨江区", "滨江", {"长河", "西兴", "浦沿", "白马湖"}},
	{"330109", "萧山区", "萧山", {"闻堰", "瓜沥", "宁围", "新塘", "义桥", "湘湖"}},
	{"330110", "余杭区", "余杭", {"良渚", "仓前", "闲林", "五常", "瓶窑", "径山"}},
	{"330111", "富阳区", "富阳", {"银湖", "东洲", "富春", "新登", "场口"}},
	{"330112", "临安区", "临安", {"锦城", "青山湖", "於潜", "玲珑", "高虹"}},
	{"330113", "临平区", "临平", {"塘栖", "崇贤", "乔司", "星桥", "运河"}},
	{"330114", "钱塘区", "钱塘", {"下沙", "白杨", "河庄", "义蓬", "前进"}},
	{"330122", "桐庐县", "桐庐", {"桐君", "江南", "富春江", "分水"}},
	{"330127", "淳安县", "淳安", {"千岛湖", "威坪", "汾口", "文昌"}},
	{"330182", "建德市", "建德", {"新安江", "梅城", "寿昌", "乾潭"}},
};
#define NDISTRICTS ((int)(sizeof(districts) / sizeof(districts[0])))

enum industry {
	IND_HOUSING,
	IND_MUNICIPAL,
	IND_TRANSPORT,
	IND_WATER,
	IND_RAILWAY,
	IND_OTHER,
	NIND
};
static const char *const industry_names[NIND] = {"housing", "municipal", "transport",
						 "water",   "railway",   "other"};
static const int industry_weight[NIND] = {45, 20, 12, 8, 5, 10};
/* Contract value ranges in yuan. */
static const int64_t industry_min[NIND] = {80000000, 20000000,  200000000,
					   30000000, 300000000, 10000000};
static const int64_t industry_max[NIND] = {1200000000, 500000000,  3000000000,
					   600000000,  5000000000, 200000000};
static const char *const project_suffix[NIND][7] = {
	{"安置房工程", "商品住宅项目", "人才公寓项目", "未来社区项目", "小学新建工程",
	 "商业综合体项目", "保障性租赁住房项目"},
	{"片区道路综合整治工程", "综合管廊工程", "大桥新建工程", "公园景观提升工程",
	 "老旧小区改造工程"},
	{"", "快速路工程", "互通立交改建工程", "公交综合枢纽工程"}, /* "" = metro station */
	{"水厂扩建工程", "污水处理厂提标改造工程", "江堤加固工程", "排涝泵站工程"},
	{"站站房及配套工程", "铁路货场改造工程", "铁路站前工程"},
	{"产业园标准厂房工程", "医院门诊综合楼工程", "数据中心工程"},
};

enum ekind { EK_OWNER, EK_GC, EK_SUB };
static const char *const ent_suffix[3][8] = {
	{"置业有限公司", "房地产开发有限公司", "实业有限公司", "城市发展有限公司",
	 "投资集团有限公司", "交通建设有限公司", "水务发展有限公司", "城市建设投资有限公司"},
	{"建设集团有限公司", "建工集团有限公司", "建设有限公司", "建筑工程有限公司",
	 "市政工程有限公司", "交通工程有限公司", "路桥集团有限公司", "建设工程有限公司"},
	{"建筑劳务有限公司", "劳务分包有限公司", "建筑劳务服务有限公司", "钢结构工程有限公司",
	 "脚手架工程有限公司", "机电安装工程有限公司", "建筑劳务分包有限公司", "劳务服务有限公司"},
};

/* Character pools: every character is 3 bytes of UTF-8. */
static const char surnames[] =
	"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
	"叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎"
	"贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
static const char male_chars[] =
	"伟强军勇杰涛明超刚平辉华建国文斌波林峰磊鹏飞海兵成德福贵春生志忠祥荣富东宏金永长新洪"
	"庆山水宝才发光良云俊亮龙江松虎家学小大玉保友全胜利安和顺民兴中正卫炳根清义双";
static const char female_chars[] = "芳娟敏静丽艳霞梅英兰玲燕琴萍凤红秀桂翠珍莲菊琳娜慧雪月花美香";
static const char brand1[] =
	"宏恒华中鸿广东宝国昌永鼎金瑞新万嘉锦天正兴泰盛信德隆安和通达立建诚祥鑫顺海江明丰";
static const char brand2[] =
	"达泰建天运厦润业盛安鼎誉丰宇诚通宏源兴祥峰华成信利昌发远晟邦博泽辉越正凯豪新元茂";
_Static_assert((sizeof(surnames) - 1) % 3 == 0, "3-byte characters");
_Static_assert((sizeof(male_chars) - 1) % 3 == 0, "3-byte characters");
_Static_assert((sizeof(female_chars) - 1) % 3 == 0, "3-byte characters");
_Static_assert((sizeof(brand1) - 1) % 3 == 0, "3-byte characters");
_Static_assert((sizeof(brand2) - 1) % 3 == 0, "3-byte characters");

/* Counties of the big labour-exporting provinces (Sichuan, Henan, Anhui, Guizhou, Hunan,
 * Jiangxi, Chongqing) and a few local ones. */
static const char *const home_areas[] = {
	"510121", "510129", "511321", "511322", "511323", "511324", "511325", "510722", "511621",
	"511623", "511902", "511921", "511922", "511923", "512021", "411522", "411523", "411524",
	"411525", "411526", "411527", "411528", "411721", "411722", "411723", "411724", "411726",
	"411727", "411729", "411621", "411622", "411623", "411625", "411627", "411628", "411421",
	"411422", "411423", "411425", "341221", "341222", "341225", "341226", "341282", "341321",
	"341322", "341323", "341324", "341621", "341622", "341623", "340826", "340828", "341522",
	"341524", "520121", "520123", "520321", "520322", "520323", "520330", "520382", "520521",
	"520523", "520524", "520525", "520527", "430522", "430523", "430524", "430525", "430528",
	"431122", "431124", "431321", "431322", "431382", "430621", "430626", "360121", "360722",
	"360724", "360730", "360731", "360732", "360733", "360734", "361123", "361124", "361127",
	"361128", "361129", "500228", "500230", "500231", "500233", "500235", "500236", "500237",
	"500240", "330122", "330127", "330182",
};
#define NHOME ((int)(sizeof(home_areas) / sizeof(home_areas[0])))

static const char *const phone_prefixes[] = {"130", "131", "132", "133", "135", "136", "137",
					     "138", "139", "150", "151", "152", "153", "155",
					     "156", "157", "158", "159", "180", "181", "182",
					     "183", "185", "186", "187", "188", "189"};
#define NPHONE ((int)(sizeof(phone_prefixes) / sizeof(phone_prefixes[0])))

struct bank {
	const char *code;
	const char *bins[3];
	int card_len;
	const char *acct_prefix;
	int acct_len;
	int weight;
};
static const struct bank banks[] = {
	{"ICBC", {"622202", "621226", "621558"}, 19, "1202", 19, 15},
	{"ABC", {"622848", "623052", "622845"}, 19, "19035", 17, 20},
	{"BOC", {"621661", "621785", "621790"}, 19, "36", 12, 10},
	{"CCB", {"621700", "622700", "436742"}, 19, "330501", 20, 15},
	{"BOCOM", {"622262", "622260", "622258"}, 19, "3310", 21, 8},
	{"PSBC", {"621799", "622188", "621098"}, 19, "9330", 19, 15},
	{"CMB", {"622588", "621483", "621286"}, 16, "571", 15, 7},
	{"CIB", {"622909", "622908", "622901"}, 18, "3560", 18, 5},
};
#define NBANKS ((int)(sizeof(banks) / sizeof(banks[0])))

enum trade {
	TR_REBAR,
	TR_CARPENTER,
	TR_MASON,
	TR_SCAFFOLD,
	TR_ELECTRIC,
	TR_WELDER,
	TR_LABOUR,
	NTRADE
};
static const char *const trade_names[NTRADE] = {"钢筋工", "木工", "泥瓦工", "架子工",
						"电工",   "焊工", "普工"};
static const char *const team_stems[NTRADE] = {"钢筋", "木工", "泥工", "架子",
					       "水电", "焊工", "杂工"};
static const int trade_weight[NTRADE] = {20, 20, 15, 10, 8, 7, 20};
static const int trade_day_min[NTRADE] = {320, 330, 300, 330, 350, 360, 250};
static const int trade_day_max[NTRADE] = {420, 450, 420, 430, 450, 450, 320};
static const char *const team_ordinals[3] = {"一", "二", "三"};

enum wtype { WT_DAILY, WT_MONTHLY, WT_PIECE };
static const char *const wtype_names[3] = {"daily", "monthly", "piece"};

/* Public holidays ('H', every day of the break) and make-up workdays ('W') as published by
 * the State Council for 2024–2026. Other years get the fixed-date holidays only. */
static const struct {
	short year;
	signed char month, day, len;
} holiday_ranges[] = {
	{2024, 1, 1, 1},  {2024, 2, 10, 8}, {2024, 4, 4, 3},  {2024, 5, 1, 5},  {2024, 6, 10, 1},
	{2024, 9, 15, 3}, {2024, 10, 1, 7}, {2025, 1, 1, 1},  {2025, 1, 28, 8}, {2025, 4, 4, 3},
	{2025, 5, 1, 5},  {2025, 5, 31, 3}, {2025, 10, 1, 8}, {2026, 1, 1, 3},  {2026, 2, 15, 9},
	{2026, 4, 4, 3},  {2026, 5, 1, 5},  {2026, 6, 19, 3}, {2026, 9, 25, 3}, {2026, 10, 1, 7},
};
static const struct {
	short year;
	signed char month, day;
} makeup_days[] = {
	{2024, 2, 4},  {2024, 2, 18}, {2024, 4, 7},   {2024, 4, 28},  {2024, 5, 11},
	{2024, 9, 14}, {2024, 9, 29}, {2024, 10, 12}, {2025, 1, 26},  {2025, 2, 8},
	{2025, 4, 27}, {2025, 9, 28}, {2025, 10, 11}, {2026, 1, 4},   {2026, 2, 14},
	{2026, 2, 28}, {2026, 5, 9},  {2026, 9, 20},  {2026, 10, 10},
};

/* ---- the model ---- */
struct ent {
	char uscc[19];
	char name[96];
	char rep[16];
	int district;
	uint8_t kind;
	bool early;    /* pays on the last working day of the month worked */
	bool due15;    /* files payroll due on the 15th of the next month */
	bool criminal; /* leaves its workers unpaid for months (CRIMINAL_THRESHOLD) */
	int aff;       /* workers with an injected UNPAID / NO_PAYROLL naming it */
	int64_t aff_sum;
	int workers_in_window; /* employments overlapping the criminal months */
};

#define MAXSUBS 5
struct proj {
	char code[24]; /* "HZ" + year + 4-digit sequence */
	char name[128];
	int district, industry, owner, gc, bank;
	int64_t value;          /* fen */
	int32_t start, end;     /* end = NODAY when open */
	int32_t act_lo, act_hi; /* active days inside the range */
	int32_t opened;
	char account[24];
	int nsubs;
	int subs[MAXSUBS];
	int32_t sub_start[MAXSUBS], sub_end[MAXSUBS];
	int64_t sub_value[MAXSUBS];
	int sub_w[MAXSUBS];
	int64_t weight; /* share of the workers */
	uint32_t sortkey;
	bool lb, nlc;
};

#define WF_UNLISTED 0x01 /* not in workers.csv */
#define WF_NOEMP 0x02    /* no employment: every attendance day is UNREGISTERED */
#define WF_XW 0x04       /* lowercase x in workers.csv */
#define WF_XA 0x08       /* lowercase x in attendance */
#define WF_XP 0x10       /* lowercase x in payroll and payments */
#define WF_SPACES 0x20   /* bank card written in groups of four in payments */
#define WF_INJ 0x40      /* already has an injected UNPAID or NO_PAYROLL */
struct worker {
	char id[19];
	char name[16];
	char phone[12];
	char card[20];
	uint8_t bank, flags;
	int rank; /* position in id order */
};

struct emp {
	int worker, project, employer;
	int64_t rate; /* fen per day or month; 0 for piece */
	int32_t start, end;
	uint8_t trade, team, wtype;
};

/* Everything one person does on one project: a run of employments, or (e0 < 0) an
 * unregistered stint from..to. */
struct subj {
	int worker, project, e0, ne;
	int32_t from, to;
	int rank; /* the worker's, for sorting */
};

/* An UNPAID or NO_PAYROLL warning naming an employer, for CRIMINAL_THRESHOLD. */
struct rec {
	int employer, worker;
	int32_t period;
	int64_t amount;
};

struct obuf {
	FILE *f;
	char *buf;
	size_t len;
	long long rows;
	int err;
	char path[4096];
};

/* Per-project accumulators, reset for each project. */
struct pstate {
	long long *rows;   /* attendance rows per month */
	long long *days;   /* worker-days with hours > 0 per month */
	int64_t *expected; /* Σ expected wage per month */
	int64_t *net;      /* Σ payroll net per month */
	int64_t paid;      /* ok payments dated in the range */
	int64_t need;      /* SPEC §5 LOW_BALANCE need as of the last day */
};

/* Per-subject attendance tallies. */
struct tally {
	int *rows, *days;
	int (*edays)[NE_MAX];
};

struct gen {
	const struct gen_options *o;
	char *err;
	size_t errsz;
	uint64_t seed;
	int32_t p0;     /* first period */
	int M;          /* months */
	int32_t d0, dE; /* first and last day of the range */
	struct calendar cal;
	int32_t wd_base;
	int wd_n;
	uint8_t *wd; /* working-day flags from d0 - 62 to dE + 70 */
	char (*dstr)[DATE_BUFSZ];
	uint8_t *dmon; /* month index of each day of the range */
	char (*pstr)[PERIOD_BUFSZ];

	struct ent *ents;
	int nents, nown, ngc, nsub;
	struct proj *projs;
	int nproj;
	int64_t *pcum; /* cumulative project weights */
	struct worker *ws;
	int nws, nlisted;
	struct emp *emps;
	int nemps, aemps;
	struct subj *subj;
	int nsubj;
	struct hset ids, cards, names;

	struct obuf out[GEN_NFILES];
	struct pstate ps;
	struct tally t;
	struct rec *recs;
	size_t nrecs, arecs;
	uint64_t txn_seq, alloc_seq;
	int mc0, mc1; /* months of the criminal employers' arrears */

	long long viol[GEN_NVIOL];
	long long n_failed, n_returned, n_spaces, n_partial, n_noemp, n_unlisted;
	long long n_switch, n_rejoin, n_wtype[3], n_lower[3];
	struct dbuf lst_crim, lst_lb, lst_nlc;
};

static int fail(struct gen *g, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(struct gen *g, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (g->errsz)
		vsnprintf(g->err, g->errsz, fmt, ap);
	va_end(ap);
	return status;
}

static int nomem(struct gen *g)
{
	return fail(g, WG_ENOMEM, "out of memory");
}

static int32_t max32(int32_t a, int32_t b)
{
	return a > b ? a : b;
}

static int32_t min32(int32_t a, int32_t b)
{
	return a < b ? a : b;
}

/* ---- output buffers: our own formatting, one fwrite per MiB ---- */
static void ob_flush(struct obuf *b)
{
	if (b->len && !b->err && fwrite(b->buf, 1, b->len, b->f) != b->len)
		b->err = errno ? errno : EIO;
	b->len = 0;
}

/* Makes room for n more bytes (n <= OBUF_CAP). */
static inline char *ob_room(struct obuf *b, size_t n)
{
	if (b->len + n > OBUF_CAP)
		ob_flush(b);
	return b->buf + b->len;
}

static inline void ob_put(struct obuf *b, const char *s, size_t n)
{
	if (n > OBUF_CAP) {
		ob_flush(b);
		if (!b->err && fwrite(s, 1, n, b->f) != n)
			b->err = errno ? errno : EIO;
		return;
	}
	memcpy(ob_room(b, n), s, n);
	b->len += n;
}

static inline void ob_c(struct obuf *b, char c)
{
	*ob_room(b, 1) = c;
	b->len++;
}

static void ob_s(struct obuf *b, const char *s)
{
	ob_put(b, s, strlen(s));
}

/* One RFC 4180 field: quoted only when it holds a comma, quote, CR or LF. */
static void ob_csv(struct obuf *b, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		ob_s(b, s);
		return;
	}
	ob_c(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			ob_c(b, '"');
		ob_c(b, *s);
	}
	ob_c(b, '"');
}

static void ob_u(struct obuf *b, uint64_t v)
{
	char t[24];
	int n = 0;
	do {
		t[sizeof(t) - 1 - n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	ob_put(b, t + sizeof(t) - n, (size_t)n);
}

static void ob_money(struct obuf *b, int64_t fen)
{
	char t[MONEY_BUFSZ];
	ob_s(b, money_format(fen, t));
}

/* A date, or an empty field for NODAY. */
static void ob_date(struct obuf *b, int32_t day)
{
	char t[DATE_BUFSZ];
	if (day != NODAY)
		ob_s(b, date_format(day, t));
}

static inline void ob_nl(struct obuf *b)
{
	ob_c(b, '\n');
	b->rows++;
}

static int ob_open(struct gen *g, struct obuf *b, const char *dir, const char *name,
		   const char *ext)
{
	snprintf(b->path, sizeof(b->path), "%s/%s%s", dir, name, ext);
	b->buf = malloc(OBUF_CAP);
	if (!b->buf)
		return nomem(g);
	b->f = fopen(b->path, "wb");
	if (!b->f)
		return fail(g, WG_EIO, "cannot create %s: %s", b->path, strerror(errno));
	return 0;
}

/* Flushes and closes; returns the first write error as a status. */
static int ob_close(struct gen *g, struct obuf *b)
{
	int st = 0;
	if (b->f) {
		ob_flush(b);
		if (fclose(b->f) != 0 && !b->err)
			b->err = errno ? errno : EIO;
		b->f = NULL;
		if (b->err)
			st = fail(g, WG_EIO, "cannot write %s: %s", b->path, strerror(b->err));
	}
	free(b->buf);
	b->buf = NULL;
	return st;
}

/* ---- small generators ---- */
static void put_char3(char **p, const char *pool, uint32_t i)
{
	memcpy(*p, pool + 3 * i, 3);
	*p += 3;
}

/* A Chinese personal name: common surnames more often, one or two given characters. */
static void person_name(struct rng *r, bool male, char out[16])
{
	uint32_t ns = (sizeof(surnames) - 1) / 3;
	const char *pool = male ? male_chars : female_chars;
	uint32_t np = (uint32_t)((male ? sizeof(male_chars) : sizeof(female_chars)) - 1) / 3;
	uint32_t a = rng_below(r, ns), b = rng_below(r, ns);
	char *p = out;

	put_char3(&p, surnames, a < b ? a : b);
	put_char3(&p, pool, rng_below(r, np));
	if (rng_below(r, 4))
		put_char3(&p, pool, rng_below(r, np));
	*p = '\0';
}

static void digits(struct rng *r, char *p, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (char)('0' + rng_below(r, 10));
}

/* GB 11714 organisation-code check character over 8 characters of 0-9A-Z. */
static char orgcode_check(const char *s)
{
	static const int w[8] = {3, 7, 9, 10, 5, 8, 4, 2};
	int sum = 0;
	for (int i = 0; i < 8; i++)
		sum += (s[i] <= '9' ? s[i] - '0' : s[i] - 'A' + 10) * w[i];
	int c = 11 - sum % 11;
	return c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
}

/* A unique USCC: "91" (enterprise), the region code, an organisation code (old style: eight
 * digits; new style: "MA" and six characters) with its own check, and the GB 32100 check. */
static int make_uscc(struct gen *g, struct rng *r, const char *region, char out[19])
{
	static const char alpha[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	for (;;) {
		out[0] = '9';
		out[1] = '1';
		memcpy(out + 2, region, 6);
		if (rng_below(r, 2)) {
			out[8] = 'M';
			out[9] = 'A';
			for (int i = 10; i < 16; i++)
				out[i] = alpha[rng_below(r, 31)];
		} else {
			digits(r, out + 8, 8);
			out[8] = (char)('1' + rng_below(r, 7));
		}
		out[16] = orgcode_check(out + 8);
		out[17] = uscc_check_char(out);
		out[18] = '\0';
		int added = hset_add(&g->ids, hash_bytes(out, 18));
		if (added < 0)
			return nomem(g);
		if (added)
			return 0;
	}
}

static char luhn_check(const char *s, int n)
{
	int sum = 0;
	for (int i = n - 1, dbl = 1; i >= 0; i--, dbl ^= 1) {
		int d = s[i] - '0';
		if (dbl) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
	}
	return (char)('0' + (10 - sum % 10) % 10);
}

/* A unique, Luhn-valid debit card number of bank b. */
static int make_card(struct gen *g, struct rng *r, int b, char out[20])
{
	const struct bank *bk = &banks[b];
	for (;;) {
		const char *bin = bk->bins[rng_below(r, 3)];
		size_t bl = strlen(bin);
		memcpy(out, bin, bl);
		digits(r, out + bl, bk->card_len - 1 - (int)bl);
		out[bk->card_len - 1] = luhn_check(out, bk->card_len - 1);
		out[bk->card_len] = '\0';
		int added = hset_add(&g->cards, hash_bytes(out, (size_t)bk->card_len));
		if (added < 0)
			return nomem(g);
		if (added)
			return 0;
	}
}

static int pick_bank(struct rng *r)
{
	int total = 0;
	for (int i = 0; i < NBANKS; i++)
		total += banks[i].weight;
	int u = (int)rng_below(r, (uint32_t)total);
	for (int i = 0; i < NBANKS; i++) {
		if (u < banks[i].weight)
			return i;
		u -= banks[i].weight;
	}
	return 0;
}

static int pick_weighted(struct rng *r, const int *w, int n)
{
	int total = 0;
	for (int i = 0; i < n; i++)
		total += w[i];
	int u = (int)rng_below(r, (uint32_t)total);
	for (int i = 0; i < n; i++) {
		if (u < w[i])
			return i;
		u -= w[i];
	}
	return n - 1;
}

/* A unique resident ID number of someone born in [by0, by1] in a labour-exporting county;
 * the sequence's last digit is odd for men (GB 11643). */
static int make_idcard(struct gen *g, struct rng *r, int by0, int by1, bool male, char out[19])
{
	for (;;) {
		memcpy(out, home_areas[rng_below(r, NHOME)], 6);
		/* Two dice: ages cluster in the middle of the range, like the workforce. */
		uint32_t span = (uint32_t)(by1 - by0) + 1;
		int dice = (int)rng_below(r, span) + (int)rng_below(r, span);
		int y = by0 + (dice + 1) / 2;
		int m = 1 + (int)rng_below(r, 12);
		int d = 1 + (int)rng_below(r, (uint32_t)date_days_in_month(y, m));
		char t[DATE_BUFSZ];
		date_format(date_from_ymd(y, m, d), t);
		memcpy(out + 6, t, 4);
		memcpy(out + 10, t + 5, 2);
		memcpy(out + 12, t + 8, 2);
		digits(r, out + 14, 2);
		out[16] = (char)('0' + 2 * rng_below(r, 5) + (male ? 1 : 0));
		out[17] = idcard_check_char(out);
		out[18] = '\0';
		int added = hset_add(&g->ids, hash_bytes(out, 17));
		if (added < 0)
			return nomem(g);
		if (added)
			return 0;
	}
}

/* ---- calendar ---- */
static int build_calendar(struct gen *g)
{
	int y0, y1, mo, dd;
	date_to_ymd(g->d0, &y0, &mo, &dd);
	date_to_ymd(g->dE + 45, &y1, &mo, &dd);
	for (int y = y0; y <= y1; y++) {
		bool known = false;
		for (size_t i = 0; i < sizeof(holiday_ranges) / sizeof(holiday_ranges[0]); i++) {
			if (holiday_ranges[i].year != y)
				continue;
			known = true;
			int32_t d =
				date_from_ymd(y, holiday_ranges[i].month, holiday_ranges[i].day);
			for (int k = 0; k < holiday_ranges[i].len; k++)
				if (calendar_set(&g->cal, d + k, 'H'))
					return nomem(g);
		}
		for (size_t i = 0; i < sizeof(makeup_days) / sizeof(makeup_days[0]); i++)
			if (makeup_days[i].year == y &&
			    calendar_set(&g->cal,
					 date_from_ymd(y, makeup_days[i].month, makeup_days[i].day),
					 'W'))
				return nomem(g);
		if (known)
			continue;
		/* A year not yet published: New Year's Day, 1–3 May and 1–7 October. */
		static const signed char fixed[][2] = {{1, 1},  {5, 1},  {5, 2},  {5, 3},
						       {10, 1}, {10, 2}, {10, 3}, {10, 4},
						       {10, 5}, {10, 6}, {10, 7}};
		for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
			if (calendar_set(&g->cal, date_from_ymd(y, fixed[i][0], fixed[i][1]), 'H'))
				return nomem(g);
	}
	g->wd_base = g->d0 - 62;
	g->wd_n = g->dE + 70 - g->wd_base + 1;
	g->wd = malloc((size_t)g->wd_n);
	if (!g->wd)
		return nomem(g);
	for (int i = 0; i < g->wd_n; i++)
		g->wd[i] = calendar_is_working_day(&g->cal, g->wd_base + i);
	return 0;
}

static bool is_wd(const struct gen *g, int32_t d)
{
	int i = d - g->wd_base;
	if (i >= 0 && i < g->wd_n)
		return g->wd[i];
	return calendar_is_working_day(&g->cal, d);
}

/* The first working day on or after d / the last on or before d. */
static int32_t next_wd(const struct gen *g, int32_t d)
{
	while (!is_wd(g, d))
		d++;
	return d;
}

static int32_t prev_wd(const struct gen *g, int32_t d)
{
	while (!is_wd(g, d))
		d--;
	return d;
}

static void write_calendar(struct gen *g)
{
	struct obuf *b = &g->out[GEN_CALENDAR];
	for (size_t i = 0; i < g->cal.n; i++) {
		ob_date(b, g->cal.days[i]);
		ob_s(b, g->cal.kinds[i] == 'H' ? ",holiday" : ",workday");
		ob_nl(b);
	}
}

/* ---- enterprises ---- */
static int make_enterprise(struct gen *g, int idx, enum ekind kind)
{
	struct ent *e = &g->ents[idx];
	struct rng r = rng_for(g->seed, T_ENT, (uint64_t)idx, 0);
	int st;

	e->kind = (uint8_t)kind;
	e->district = (int)rng_below(&r, NDISTRICTS);
	for (int tries = 0;; tries++) {
		char brand[7], *p = brand;
		uint32_t i = rng_below(&r, (sizeof(brand1) - 1) / 3),
			 j = rng_below(&r, (sizeof(brand2) - 1) / 3);
		put_char3(&p, brand1, i);
		put_char3(&p, brand2, j);
		*p = '\0';
		if (memcmp(brand, brand + 3, 3) == 0)
			continue;
		const char *pre = rng_below(&r, 2) ? "浙江" : "杭州";
		const char *suf = ent_suffix[kind][rng_below(&r, 8)];
		/* Some names carry the district; past a few collisions all do, which multiplies
		 * the space of names by thirteen. */
		if (tries > 4 || rng_below(&r, 10) < 3)
			snprintf(e->name, sizeof(e->name), "杭州%s%s%s",
				 districts[e->district].shortname, brand, suf);
		else
			snprintf(e->name, sizeof(e->name), "%s%s%s", pre, brand, suf);
		int added = hset_add(&g->names, hash_bytes(e->name, strlen(e->name)));
		if (added < 0)
			return nomem(g);
		if (added)
			break;
		if (tries > 1000)
			return fail(g, WG_EUSAGE, "scale too large: ran out of enterprise names");
	}
	if ((st = make_uscc(g, &r, districts[e->district].code, e->uscc)))
		return st;
	if (rng_below(&r, 10))
		person_name(&r, rng_below(&r, 10) != 0, e->rep);
	uint32_t u = rng_below(&r, 100);
	e->early = u < 10;
	e->due15 = u >= 10 && u < 40;
	return 0;
}

static int make_enterprises(struct gen *g, int nproj)
{
	g->nown = nproj * 2 / 5 > 2 ? nproj * 2 / 5 : 2;
	g->ngc = nproj / 4 > 2 ? nproj / 4 : 2;
	g->nsub = nproj * 2 > 3 ? nproj * 2 : 3;
	g->nents = g->nown + g->ngc + g->nsub;
	g->ents = calloc((size_t)g->nents, sizeof(*g->ents));
	if (!g->ents)
		return nomem(g);
	for (int i = 0; i < g->nents; i++) {
		enum ekind k = i < g->nown ? EK_OWNER : i < g->nown + g->ngc ? EK_GC : EK_SUB;
		int st = make_enterprise(g, i, k);
		if (st)
			return st;
	}
	return 0;
}

static void write_enterprises(struct gen *g)
{
	struct obuf *b = &g->out[GEN_ENTERPRISES];
	for (int i = 0; i < g->nents; i++) {
		const struct ent *e = &g->ents[i];
		ob_s(b, e->uscc);
		ob_c(b, ',');
		ob_csv(b, e->name);
		ob_c(b, ',');
		ob_s(b, districts[e->district].code);
		ob_c(b, ',');
		ob_csv(b, e->rep);
		ob_nl(b);
	}
}

/* ---- projects ---- */
static int64_t isqrt64(int64_t v)
{
	int64_t x = 0;
	while ((x + 1) * (x + 1) <= v)
		x++;
	return x;
}

static int cmp_proj(const void *a, const void *b)
{
	const struct proj *x = a, *y = b;
	int yx, yy, m, d;
	date_to_ymd(x->start, &yx, &m, &d);
	date_to_ymd(y->start, &yy, &m, &d);
	if (yx != yy)
		return yx < yy ? -1 : 1;
	return x->sortkey < y->sortkey ? -1 : x->sortkey > y->sortkey;
}

static int project_name(struct gen *g, struct rng *r, struct proj *p)
{
	static const char *const phases = "二三四五六七八九";
	const struct district *ds = &districts[p->district];
	int nplaces = 0, nsuf = 0;
	while (nplaces < 7 && ds->places[nplaces])
		nplaces++;
	while (nsuf < 7 && project_suffix[p->industry][nsuf])
		nsuf++;
	const char *place = ds->places[rng_below(r, (uint32_t)nplaces)];
	const char *suf = project_suffix[p->industry][rng_below(r, (uint32_t)nsuf)];
	char base[96];
	if (!*suf)
		snprintf(base, sizeof(base), "杭州地铁%d号线%s站土建工程",
			 1 + (int)rng_below(r, 19), place);
	else
		snprintf(base, sizeof(base), "%s%s%s", ds->name, place, suf);
	for (int k = 0;; k++) {
		if (k == 0)
			snprintf(p->name, sizeof(p->name), "%s", base);
		else if (k <= 8)
			snprintf(p->name, sizeof(p->name), "%s（%.3s期）", base,
				 phases + 3 * (k - 1));
		else
			snprintf(p->name, sizeof(p->name), "%s（%d标段）", base, k - 7);
		int added = hset_add(&g->names, hash_bytes(p->name, strlen(p->name)));
		if (added < 0)
			return nomem(g);
		if (added)
			return 0;
	}
}

static int make_projects(struct gen *g)
{
	int32_t span = g->dE - g->d0 + 1;
	int st;

	g->projs = calloc((size_t)g->nproj, sizeof(*g->projs));
	g->pcum = calloc((size_t)g->nproj, sizeof(*g->pcum));
	if (!g->projs || !g->pcum)
		return nomem(g);
	for (int i = 0; i < g->nproj; i++) {
		struct proj *p = &g->projs[i];
		struct rng r = rng_for(g->seed, T_PROJ, (uint64_t)i, 0);
		p->district = (int)rng_below(&r, NDISTRICTS);
		p->industry = pick_weighted(&r, industry_weight, NIND);
		if ((st = project_name(g, &r, p)))
			return st;
		/* Skewed towards the small end of the industry's range. */
		int64_t lo = industry_min[p->industry], hi = industry_max[p->industry];
		int64_t a = (int64_t)rng_below(&r, 1000000), q = a * a / 1000000;
		int64_t yuan = lo + (hi - lo) / 1000000 * q;
		p->value = rng_below(&r, 2) ? yuan / 10000 * 1000000
					    : yuan * 100 + (int64_t)rng_below(&r, 100);
		p->owner = (int)rng_below(&r, (uint32_t)g->nown);
		p->gc = g->nown + (int)rng_below(&r, (uint32_t)g->ngc);
		if (rng_below(&r, 100) < 75)
			p->start = g->d0 - (int32_t)rng_range(&r, 30, 900);
		else
			p->start = g->d0 + (int32_t)rng_range(&r, 0, span / 2);
		uint32_t u = rng_below(&r, 100);
		if (p->start < g->d0 && u < 15 && span >= 60)
			p->end = g->d0 + (int32_t)rng_range(&r, span / 3, span - 10);
		else if (u < 70)
			p->end = g->dE + (int32_t)rng_range(&r, 60, 720);
		else
			p->end = NODAY;
		p->act_lo = max32(p->start, g->d0);
		p->act_hi = min32(p->end, g->dE);
		p->sortkey = (uint32_t)rng_next(&r);
		p->bank = pick_bank(&r);
	}
	qsort(g->projs, (size_t)g->nproj, sizeof(*g->projs), cmp_proj);

	int lastyear = -1, seq = 0;
	for (int i = 0; i < g->nproj; i++) {
		struct proj *p = &g->projs[i];
		struct rng r = rng_for(g->seed, T_SUBS, (uint64_t)i, 0);
		int y, mo, dd;
		date_to_ymd(p->start, &y, &mo, &dd);
		if (y != lastyear)
			seq = 0, lastyear = y;
		seq += g->nproj <= 1000 ? (int)rng_range(&r, 1, 5) : 1;
		if (seq > 9999)
			return fail(g, WG_EUSAGE,
				    "scale too large: more than 9999 projects a year");
		snprintf(p->code, sizeof(p->code), "HZ%02d%04d", y % 100, seq);

		/* The dedicated wage account opens within two weeks of the start, in its month. */
		const struct bank *bk = &banks[p->bank];
		size_t pl = strlen(bk->acct_prefix);
		memcpy(p->account, bk->acct_prefix, pl);
		digits(&r, p->account + pl, bk->acct_len - (int)pl);
		p->account[bk->acct_len] = '\0';
		p->opened = min32(p->start + (int32_t)rng_range(&r, 0, 14),
				  period_last_day(period_of_day(p->start)));

		int64_t vy = p->value / 100;
		p->nsubs = 1 + (vy > 50000000) + (vy > 200000000) + (int)rng_below(&r, 2);
		if (p->nsubs > g->nsub)
			p->nsubs = g->nsub;
		for (int k = 0; k < p->nsubs; k++) {
			int s;
			bool dup;
			do {
				s = g->nown + g->ngc + (int)rng_below(&r, (uint32_t)g->nsub);
				dup = false;
				for (int j = 0; j < k; j++)
					dup |= p->subs[j] == s;
			} while (dup);
			p->subs[k] = s;
			if (p->start < g->d0)
				p->sub_start[k] = p->start + (int32_t)rng_range(&r, 0, 90);
			else
				p->sub_start[k] = p->start + (int32_t)rng_range(&r, 0, 20);
			p->sub_end[k] = p->end != NODAY && rng_below(&r, 2) ? p->end : NODAY;
			int64_t v = p->value / 100 * rng_range(&r, 3, 12);
			if (v < 100000000)
				v = 100000000;
			p->sub_value[k] = v / 10000 * 10000;
			p->sub_w[k] = (int)rng_range(&r, 1, 5);
		}
		int32_t active = p->act_hi - p->act_lo + 1;
		int32_t need = span / 2 < 20 ? span / 2 : 20;
		p->weight = active < need ? 0 : (isqrt64(vy / 10000) + 20) * active / span + 1;
		g->pcum[i] = (i ? g->pcum[i - 1] : 0) + p->weight;
	}
	if (g->pcum[g->nproj - 1] == 0)
		return fail(g, WG_EUSAGE, "the range is too short for any project to be active");
	return 0;
}

static void write_projects(struct gen *g)
{
	struct obuf *b = &g->out[GEN_PROJECTS], *s = &g->out[GEN_SUBCONTRACTS];
	struct obuf *a = &g->out[GEN_ACCOUNTS];
	for (int i = 0; i < g->nproj; i++) {
		const struct proj *p = &g->projs[i];
		ob_s(b, p->code);
		ob_c(b, ',');
		ob_csv(b, p->name);
		ob_c(b, ',');
		ob_s(b, districts[p->district].code);
		ob_c(b, ',');
		ob_s(b, industry_names[p->industry]);
		ob_c(b, ',');
		ob_s(b, g->ents[p->owner].uscc);
		ob_c(b, ',');
		ob_s(b, g->ents[p->gc].uscc);
		ob_c(b, ',');
		ob_money(b, p->value);
		ob_c(b, ',');
		ob_date(b, p->start);
		ob_c(b, ',');
		ob_date(b, p->end);
		ob_nl(b);
		for (int k = 0; k < p->nsubs; k++) {
			ob_s(s, p->code);
			ob_c(s, ',');
			ob_s(s, g->ents[p->subs[k]].uscc);
			ob_c(s, ',');
			ob_money(s, p->sub_value[k]);
			ob_c(s, ',');
			ob_date(s, p->sub_start[k]);
			ob_c(s, ',');
			ob_date(s, p->sub_end[k]);
			ob_nl(s);
		}
		ob_s(a, p->code);
		ob_c(a, ',');
		ob_s(a, banks[p->bank].code);
		ob_c(a, ',');
		ob_s(a, p->account);
		ob_c(a, ',');
		ob_date(a, p->opened);
		ob_nl(a);
	}
}

/* ---- workers and employments ---- */
static int pick_project(struct gen *g, struct rng *r)
{
	int64_t total = g->pcum[g->nproj - 1];
	int64_t u = (int64_t)(rng_next(r) % (uint64_t)total);
	int lo = 0, hi = g->nproj - 1;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (g->pcum[mid] > u)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* The employer of a new hire on p: the general contractor for one in five, else one of the
 * subcontractors present long enough before the range ends. *lo is when it can start. */
static int pick_employer(struct gen *g, struct rng *r, const struct proj *p, int32_t *lo)
{
	int w[MAXSUBS], total = 0;
	for (int k = 0; k < p->nsubs; k++) {
		w[k] = p->sub_start[k] <= p->act_hi - 20 ? p->sub_w[k] : 0;
		total += w[k];
	}
	if (total && rng_below(r, 5)) {
		int k = pick_weighted(r, w, p->nsubs);
		*lo = p->sub_start[k];
		return p->subs[k];
	}
	*lo = p->start;
	return p->gc;
}

static int add_emp(struct gen *g, const struct emp *e)
{
	if (g->nemps == g->aemps) {
		int n = g->aemps ? 2 * g->aemps : 1024;
		struct emp *v = realloc(g->emps, (size_t)n * sizeof(*v));
		if (!v)
			return nomem(g);
		g->emps = v;
		g->aemps = n;
	}
	g->emps[g->nemps++] = *e;
	return 0;
}

enum ekind_emp { K_STAYER, K_JOINER, K_LEAVER, K_SWITCHER, K_REJOINER };

/* Start and end of an employment on p with an employer present from lo. Returns false when
 * fewer than two weeks of p lie in the range after lo. */
static bool emp_window(struct gen *g, struct rng *r, const struct proj *p, int32_t lo, int kind,
		       int32_t *start, int32_t *end)
{
	int32_t a = max32(lo, g->d0), b = p->act_hi;
	if (b - a < 14)
		return false;
	*end = p->end <= g->dE ? p->end : NODAY;
	if (kind == K_JOINER)
		*start = (int32_t)rng_range(r, a + 1, b - 14);
	else if (lo < g->d0)
		*start = (int32_t)rng_range(r, max32(lo, g->d0 - 540), g->d0 - 1);
	else
		*start = lo + (int32_t)rng_range(r, 0, min32(20, (b - a) / 4));
	if (kind >= K_LEAVER) {
		int32_t from = max32(*start, g->d0) + 14, to = b - 7;
		if (from <= to)
			*end = (int32_t)rng_range(r, from, to);
	}
	return true;
}

static void pick_wage(struct rng *r, struct emp *e)
{
	uint32_t u = rng_below(r, 100);
	bool piece_ok = e->trade == TR_REBAR || e->trade == TR_MASON || e->trade == TR_CARPENTER;
	if (u < 4 && piece_ok) {
		e->wtype = WT_PIECE;
		e->rate = 0;
	} else if (u >= 88) {
		e->wtype = WT_MONTHLY;
		e->rate = rng_range(r, 60, 90) * 10000;
	} else {
		e->wtype = WT_DAILY;
		e->rate = rng_range(r, trade_day_min[e->trade] / 10, trade_day_max[e->trade] / 10) *
			1000;
	}
}

static int make_workers(struct gen *g)
{
	int nunreg = g->nlisted / UNREG_PER_WORKERS > 3 ? g->nlisted / UNREG_PER_WORKERS : 3;
	int nnoemp = nunreg * 2 / 5, nunlisted = nunreg - nnoemp;
	int stride = g->nlisted / (nnoemp + 1);
	int y0, mo, dd, st;

	date_to_ymd(g->d0, &y0, &mo, &dd);
	g->nws = g->nlisted + nunlisted;
	g->ws = calloc((size_t)g->nws, sizeof(*g->ws));
	g->subj = calloc((size_t)nunreg, sizeof(*g->subj));
	if (!g->ws || !g->subj)
		return nomem(g);
	for (int i = 0; i < g->nws; i++) {
		struct worker *w = &g->ws[i];
		struct rng r = rng_for(g->seed, T_WORKER, (uint64_t)i, 0);
		bool male = rng_below(&r, 10) != 0;
		if ((st = make_idcard(g, &r, y0 - 61, y0 - 22, male, w->id)))
			return st;
		person_name(&r, male, w->name);
		if (rng_below(&r, 100) >= 3) {
			memcpy(w->phone, phone_prefixes[rng_below(&r, NPHONE)], 3);
			digits(&r, w->phone + 3, 8);
		}
		w->bank = (uint8_t)pick_bank(&r);
		if ((st = make_card(g, &r, w->bank, w->card)))
			return st;
		if (i >= g->nlisted) {
			w->flags |= WF_UNLISTED | WF_NOEMP;
			g->n_unlisted++;
		} else if (stride > 0 && i % stride == stride / 2 && g->n_noemp < nnoemp) {
			w->flags |= WF_NOEMP;
			g->n_noemp++;
		}
		if (!(w->flags & WF_UNLISTED)) {
			uint32_t u = rng_below(&r, 100);
			if (w->id[17] == 'X' && u < 15) {
				w->flags |= u < 5 ? WF_XW : u < 10 ? WF_XA : WF_XP;
				g->n_lower[u / 5]++;
			}
			if (rng_below(&r, 100) == 0)
				w->flags |= WF_SPACES;
		}
	}

	for (int i = 0; i < g->nws; i++) {
		struct worker *w = &g->ws[i];
		struct rng r = rng_for(g->seed, T_EMP, (uint64_t)i, 0);
		if (w->flags & WF_NOEMP) {
			/* An unregistered stint of three to eleven weeks on one project. */
			for (int tries = 0; tries < 100; tries++) {
				const struct proj *p = &g->projs[pick_project(g, &r)];
				if (p->act_hi - p->act_lo < 25)
					continue;
				struct subj *s = &g->subj[g->nsubj++];
				s->worker = i;
				s->project = (int)(p - g->projs);
				s->e0 = -1;
				s->from = (int32_t)rng_range(&r, p->act_lo, p->act_hi - 20);
				s->to = min32(p->act_hi, s->from + (int32_t)rng_range(&r, 20, 75));
				break;
			}
			continue;
		}
		struct emp e = {.worker = i};
		e.trade = (uint8_t)pick_weighted(&r, trade_weight, NTRADE);
		uint32_t t = rng_below(&r, 10);
		e.team = (uint8_t)(t < 6 ? 0 : t < 9 ? 1 : 2);
		pick_wage(&r, &e);
		uint32_t u = rng_below(&r, 100);
		int kind = u < 74 ? K_STAYER
			: u < 89  ? K_JOINER
			: u < 94  ? K_LEAVER
			: u < 99  ? K_SWITCHER
				  : K_REJOINER;
		int32_t lo = 0;
		bool ok = false;
		for (int tries = 0; tries < 100 && !ok; tries++) {
			e.project = pick_project(g, &r);
			e.employer = pick_employer(g, &r, &g->projs[e.project], &lo);
			ok = emp_window(g, &r, &g->projs[e.project], lo, kind, &e.start, &e.end);
		}
		if (!ok)
			continue; /* cannot happen while some project is active; harmless if it does */
		if ((st = add_emp(g, &e)))
			return st;
		if (kind < K_SWITCHER || e.end == NODAY || e.end >= g->dE - 20)
			continue;
		struct emp f = e;
		f.start = e.end +
			(int32_t)(kind == K_REJOINER ? rng_range(&r, 10, 40)
						     : rng_range(&r, 3, 30));
		if (kind == K_REJOINER) {
			const struct proj *p = &g->projs[e.project];
			if (f.start > p->act_hi - 14)
				continue;
			f.end = p->end <= g->dE ? p->end : NODAY;
			if (f.wtype == WT_DAILY)
				f.rate += rng_range(&r, 1, 3) * 1000;
			else if (f.wtype == WT_MONTHLY)
				f.rate += rng_range(&r, 2, 5) * 10000;
			g->n_rejoin++;
		} else {
			bool found = false;
			for (int tries = 0; tries < 10 && !found; tries++) {
				f.project = pick_project(g, &r);
				const struct proj *q = &g->projs[f.project];
				if (f.project == e.project)
					continue;
				f.employer = pick_employer(g, &r, q, &lo);
				found = lo <= f.start && q->start <= f.start &&
					f.start <= q->act_hi - 14;
			}
			if (!found)
				continue;
			const struct proj *q = &g->projs[f.project];
			f.end = q->end <= g->dE ? q->end : NODAY;
			f.team = (uint8_t)rng_below(&r, 3);
			pick_wage(&r, &f);
			g->n_switch++;
		}
		if ((st = add_emp(g, &f)))
			return st;
	}
	for (int i = 0; i < g->nemps; i++)
		g->n_wtype[g->emps[i].wtype]++;
	return 0;
}

static int cmp_worker_id(const void *a, const void *b)
{
	const struct worker *const *x = a, *const *y = b;
	return memcmp((*x)->id, (*y)->id, 18);
}

/* qsort has no context argument: ranks are copied into the records being sorted. */
struct emp_key {
	int project, rank;
	int32_t start;
	int idx;
};

static int cmp_emp_key(const void *a, const void *b)
{
	const struct emp_key *x = a, *y = b;
	if (x->project != y->project)
		return x->project < y->project ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->start < y->start ? -1 : x->start > y->start;
}

static int cmp_subj(const void *a, const void *b)
{
	const struct subj *x = a, *y = b;
	if (x->project != y->project)
		return x->project < y->project ? -1 : 1;
	return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* Sorts employments by (project, worker ID, start) and builds the subjects in the order
 * attendance is written. */
static int build_subjects(struct gen *g)
{
	struct worker **byid = malloc((size_t)g->nws * sizeof(*byid));
	struct emp_key *keys = malloc(((size_t)g->nemps + 1) * sizeof(*keys));
	struct emp *sorted = malloc(((size_t)g->nemps + 1) * sizeof(*sorted));
	int nunreg = g->nsubj, st = 0;
	struct subj *subj = NULL;

	if (!byid || !keys || !sorted) {
		st = nomem(g);
		goto cleanup;
	}
	for (int i = 0; i < g->nws; i++)
		byid[i] = &g->ws[i];
	qsort(byid, (size_t)g->nws, sizeof(*byid), cmp_worker_id);
	for (int i = 0; i < g->nws; i++)
		byid[i]->rank = i;
	for (int i = 0; i < g->nemps; i++)
		keys[i] = (struct emp_key){g->emps[i].project, g->ws[g->emps[i].worker].rank,
					   g->emps[i].start, i};
	qsort(keys, (size_t)g->nemps, sizeof(*keys), cmp_emp_key);
	for (int i = 0; i < g->nemps; i++)
		sorted[i] = g->emps[keys[i].idx];
	free(g->emps);
	g->emps = sorted;
	sorted = NULL;

	subj = calloc((size_t)g->nemps + (size_t)nunreg + 1, sizeof(*subj));
	if (!subj) {
		st = nomem(g);
		goto cleanup;
	}
	int n = 0;
	for (int i = 0; i < g->nemps;) {
		int j = i + 1;
		while (j < g->nemps && g->emps[j].project == g->emps[i].project &&
		       g->emps[j].worker == g->emps[i].worker)
			j++;
		if (j - i > NE_MAX) {
			WG_BUG("too many employments of one worker on one project");
			st = fail(g, WG_EUSAGE, "internal error: employments");
			goto cleanup;
		}
		subj[n++] = (struct subj){g->emps[i].worker,
					  g->emps[i].project,
					  i,
					  j - i,
					  0,
					  0,
					  g->ws[g->emps[i].worker].rank};
		i = j;
	}
	for (int i = 0; i < nunreg; i++) {
		subj[n] = g->subj[i];
		subj[n++].rank = g->ws[g->subj[i].worker].rank;
	}
	qsort(subj, (size_t)n, sizeof(*subj), cmp_subj);
	free(g->subj);
	g->subj = subj;
	g->nsubj = n;
	subj = NULL;
cleanup:
	free(byid);
	free(keys);
	free(sorted);
	free(subj);
	return st;
}

static void write_workers(struct gen *g)
{
	struct obuf *b = &g->out[GEN_WORKERS];
	for (int i = 0; i < g->nws; i++) {
		const struct worker *w = &g->ws[i];
		if (w->flags & WF_UNLISTED)
			continue;
		ob_put(b, w->id, 17);
		ob_c(b, (w->flags & WF_XW) ? 'x' : w->id[17]);
		ob_c(b, ',');
		ob_csv(b, w->name);
		ob_c(b, ',');
		ob_s(b, w->phone);
		ob_c(b, ',');
		ob_s(b, w->card);
		ob_c(b, ',');
		ob_s(b, banks[w->bank].code);
		ob_nl(b);
	}
}

static void write_employments(struct gen *g)
{
	struct obuf *b = &g->out[GEN_EMPLOYMENTS];
	for (int i = 0; i < g->nemps; i++) {
		const struct emp *e = &g->emps[i];
		ob_s(b, g->projs[e->project].code);
		ob_c(b, ',');
		ob_s(b, g->ws[e->worker].id);
		ob_c(b, ',');
		ob_s(b, g->ents[e->employer].uscc);
		ob_c(b, ',');
		ob_s(b, team_stems[e->trade]);
		ob_s(b, team_ordinals[e->team]);
		ob_s(b, "班,");
		ob_s(b, trade_names[e->trade]);
		ob_c(b, ',');
		ob_s(b, wtype_names[e->wtype]);
		ob_c(b, ',');
		ob_money(b, e->rate);
		ob_c(b, ',');
		ob_date(b, e->start);
		ob_c(b, ',');
		ob_date(b, e->end);
		ob_nl(b);
	}
}

/* ---- violations chosen up front ---- */

/* Criminal subcontractors: the ones with most hands in the arrears months get picked among
 * those with at least fifteen; their workers go unpaid for up to three months. */
static void pick_criminals(struct gen *g)
{
	int ncrim = (2 * g->o->scale_milli + 500) / 1000;
	if (ncrim < 1)
		ncrim = 1;
	if (g->mc1 < g->mc0)
		return;
	int32_t lo = period_first_day(g->p0 + g->mc0), hi = period_last_day(g->p0 + g->mc1);
	for (int i = 0; i < g->nemps; i++) {
		const struct emp *e = &g->emps[i];
		if (g->ents[e->employer].kind == EK_SUB && e->start <= hi &&
		    (e->end == NODAY || e->end >= lo))
			g->ents[e->employer].workers_in_window++;
	}
	struct rng r = rng_for(g->seed, T_PICK, 1, 0);
	for (int c = 0; c < ncrim; c++) {
		int best = -1, ncand = 0;
		for (int i = 0; i < g->nents; i++)
			if (!g->ents[i].criminal && g->ents[i].workers_in_window >= 15)
				ncand++;
		if (ncand) {
			int k = (int)rng_below(&r, (uint32_t)ncand);
			for (int i = 0; i < g->nents && best < 0; i++)
				if (!g->ents[i].criminal && g->ents[i].workers_in_window >= 15 &&
				    k-- == 0)
					best = i;
		} else {
			for (int i = 0; i < g->nents; i++)
				if (!g->ents[i].criminal && g->ents[i].kind == EK_SUB &&
				    g->ents[i].workers_in_window >= CRIM_WORKERS &&
				    (best < 0 ||
				     g->ents[i].workers_in_window >
					     g->ents[best].workers_in_window))
					best = i;
		}
		if (best < 0)
			return;
		g->ents[best].criminal = true;
	}
}

/* LOW_BALANCE and NO_LABOR_COST projects: disjoint, among projects that have workers. */
static void pick_projects(struct gen *g)
{
	int nlb = g->nproj / LB_PER_PROJECTS > 1 ? g->nproj / LB_PER_PROJECTS : 1;
	int nnlc = (g->nproj * g->M * NLC_PERCENT + 50) / 100;
	struct rng r = rng_for(g->seed, T_PICK, 2, 0);
	int active = 0;

	if (nnlc < 1)
		nnlc = 1;
	for (int i = 0; i < g->nproj; i++)
		active += g->projs[i].weight > 0;
	if (nlb + nnlc > active / 2) {
		nlb = active / 4 > 1 ? active / 4 : 1;
		nnlc = active / 4 > 1 ? active / 4 : 1;
	}
	for (int want = nlb + nnlc, got = 0, tries = 0; got < want && tries < 100000; tries++) {
		struct proj *p = &g->projs[rng_below(&r, (uint32_t)g->nproj)];
		if (!p->weight || p->lb || p->nlc)
			continue;
		if (got < nlb)
			p->lb = true;
		else
			p->nlc = true;
		got++;
	}
}

/* ---- the stream: attendance, payroll, payments, allocations ---- */
static int add_rec(struct gen *g, int employer, int worker, int32_t period, int64_t amount)
{
	if (g->nrecs == g->arecs) {
		size_t n = g->arecs ? 2 * g->arecs : 1024;
		struct rec *v = realloc(g->recs, n * sizeof(*v));
		if (!v)
			return nomem(g);
		g->recs = v;
		g->arecs = n;
	}
	g->recs[g->nrecs++] = (struct rec){employer, worker, period, amount};
	return 0;
}

/* Whether one more worker owed amount keeps the employer clear of CRIMINAL_THRESHOLD. */
static bool crim_clear(const struct ent *e, int64_t amount)
{
	return !(e->aff + 1 >= CRIM_WORKERS && e->aff_sum + amount >= CRIM_ALL);
}

/* The day an employer pays project p's wages of month m: early payers on the last working
 * day of the month, the rest on a working day from the 5th to the 20th of the next month
 * (the 12th when payroll is due on the 15th), never after the due date. */
static int32_t pay_date(struct gen *g, int employer, int project, int m, int32_t due)
{
	const struct ent *e = &g->ents[employer];
	struct rng r = rng_for(g->seed, T_PAYDAY, (uint64_t)employer,
			       (uint64_t)project * 64 + (uint64_t)m);
	int32_t f;
	if (e->early)
		return prev_wd(g, period_last_day(g->p0 + m));
	f = next_wd(
		g, period_first_day(g->p0 + m + 1) + (int32_t)rng_range(&r, 4, e->due15 ? 11 : 19));
	return f > due ? prev_wd(g, due) : f;
}

static void put_card(struct obuf *b, const char *card, bool spaces)
{
	if (!spaces) {
		ob_s(b, card);
		return;
	}
	for (int i = 0; card[i]; i++) {
		if (i && i % 4 == 0)
			ob_c(b, ' ');
		ob_c(b, card[i]);
	}
}

static void put_payment(struct gen *g, const struct proj *p, const char *id, int m, int64_t amount,
			int32_t day, const char *card, bool spaces, const char *status)
{
	struct obuf *b = &g->out[GEN_PAYMENTS];
	char ds[DATE_BUFSZ], txn[24];
	date_format(day, ds);
	snprintf(txn, sizeof(txn), "-%.4s%.2s%.2s-%08llu", ds, ds + 5, ds + 8,
		 (unsigned long long)++g->txn_seq);
	ob_s(b, banks[p->bank].code);
	ob_s(b, txn);
	ob_c(b, ',');
	ob_s(b, p->code);
	ob_c(b, ',');
	ob_s(b, id);
	ob_c(b, ',');
	ob_s(b, g->pstr[m]);
	ob_c(b, ',');
	ob_money(b, amount);
	ob_c(b, ',');
	ob_s(b, ds);
	ob_c(b, ',');
	put_card(b, card, spaces);
	ob_c(b, ',');
	ob_s(b, status);
	ob_nl(b);
	if (spaces)
		g->n_spaces++;
}

enum inj {
	INJ_NONE,
	INJ_UNPAID,
	INJ_PARTIAL,
	INJ_NO_PAYROLL,
	INJ_UNDERPAID,
	INJ_EXCESS,
	INJ_OFF_CARD
};

/* One worker-month of a worker with employments on the project: payroll, payments, the
 * injected violation if any, and the exact bookkeeping of which rules fire at the end. */
static int worker_month(struct gen *g, const struct subj *s, int m)
{
	const struct emp *E = &g->emps[s->e0];
	struct worker *w = &g->ws[s->worker];
	const struct proj *p = &g->projs[s->project];
	struct rng r = rng_for(g->seed, T_WM, (uint64_t)s->worker,
			       (uint64_t)s->project * 64 + (uint64_t)m);
	int32_t P = g->p0 + m, end_next = period_last_day(P + 1);
	int64_t num = 0, piece = 0;
	int first = -1;

	for (int j = 0; j < s->ne; j++) {
		int64_t dj = g->t.edays[m][j];
		if (!dj)
			continue;
		if (first < 0)
			first = j;
		if (E[j].wtype == WT_DAILY)
			num += 2175 * E[j].rate * dj;
		else if (E[j].wtype == WT_MONTHLY)
			num += E[j].rate * (100 * dj < 2175 ? 100 * dj : 2175);
		else
			piece += dj * rng_range(&r, 30, 50) * 1000;
	}
	int64_t expected = (num + 1087) / 2175; /* 2175 is odd: no exact halves */
	int employer = E[first].employer;
	struct ent *en = &g->ents[employer];
	int32_t due = en->due15 ? period_first_day(P + 1) + 14 : NODAY;
	int32_t due_eff = due != NODAY ? due : end_next;
	int32_t payday = pay_date(g, employer, s->project, m, due_eff);
	bool eligible = end_next < g->dE; /* D = last day > due: arrears are visible */
	int days = g->t.days[m];

	/* Choose the violation. */
	enum inj inj = INJ_NONE;
	uint32_t u = rng_below(&r, PPM);
	if (en->criminal && m >= g->mc0 && m <= g->mc1)
		inj = rng_below(&r, 10) < 7 ? INJ_UNPAID : INJ_NO_PAYROLL;
	else if (eligible && !(w->flags & WF_INJ) && u < (p->lb ? RATE_UNPAID_LB : RATE_UNPAID))
		inj = rng_below(&r, 10) < 6 ? INJ_UNPAID : INJ_PARTIAL;
	else if (eligible && !(w->flags & WF_INJ) && u >= 200000 && u < 200000 + RATE_NO_PAYROLL)
		inj = INJ_NO_PAYROLL;
	else if (u >= 300000 && u < 300000 + RATE_UNDERPAID && !piece && expected >= 20000)
		inj = INJ_UNDERPAID;
	else if (u >= 400000 && u < 400000 + RATE_EXCESS)
		inj = INJ_EXCESS;
	else if (u >= 500000 && u < 500000 + RATE_OFF_CARD && payday <= g->dE && g->nlisted > 1)
		inj = INJ_OFF_CARD;

	/* Payroll amounts. */
	int64_t gross = expected + piece, ded = 0, net, paid_amt;
	if (inj == INJ_UNDERPAID)
		gross = expected - expected * rng_range(&r, 500, 2500) / 10000;
	if (inj == INJ_EXCESS) {
		ded = gross * rng_range(&r, 5200, 8000) / 10000;
		if (2 * ded <= gross)
			ded = gross / 2 + 1;
	} else if (rng_below(&r, 10) >= 4) {
		ded = gross * rng_range(&r, 50, 500) / 10000 / 100 * 100; /* meals, whole yuan */
	}
	net = gross - ded;
	paid_amt = net;
	if (inj == INJ_PARTIAL) {
		paid_amt = net * rng_range(&r, 30, 80) / 100 / 100 * 100;
		if (paid_amt <= 0 || paid_amt >= net)
			inj = INJ_UNPAID;
	}
	if (inj == INJ_UNPAID)
		paid_amt = 0;

	/* Keep everyone but the chosen criminals under CRIMINAL_THRESHOLD. */
	if (!en->criminal && (inj == INJ_UNPAID || inj == INJ_PARTIAL || inj == INJ_NO_PAYROLL)) {
		int64_t owed = inj == INJ_NO_PAYROLL ? expected : net - paid_amt;
		if (crim_clear(en, owed)) {
			en->aff++;
			en->aff_sum += owed;
			w->flags |= WF_INJ;
		} else {
			inj = INJ_NONE;
			paid_amt = net;
		}
	}
	if (inj == INJ_PARTIAL)
		g->n_partial++;

	char id[19];
	memcpy(id, w->id, sizeof(id));
	if ((w->flags & WF_XP) && id[17] == 'X')
		id[17] = 'x';
	g->ps.expected[m] += expected;

	if (inj == INJ_NO_PAYROLL) {
		if (end_next < g->dE) {
			g->viol[GEN_V_NO_PAYROLL]++;
			return add_rec(g, employer, s->worker, P, expected);
		}
		return 0;
	}

	struct obuf *b = &g->out[GEN_PAYROLL];
	ob_s(b, p->code);
	ob_c(b, ',');
	ob_s(b, en->uscc);
	ob_c(b, ',');
	ob_s(b, g->pstr[m]);
	ob_c(b, ',');
	ob_s(b, id);
	ob_c(b, ',');
	ob_u(b, (uint64_t)days);
	ob_c(b, ',');
	ob_money(b, gross);
	ob_c(b, ',');
	ob_money(b, ded);
	ob_c(b, ',');
	ob_money(b, net);
	ob_c(b, ',');
	ob_date(b, due);
	ob_nl(b);
	g->ps.net[m] += net;

	/* Payments: only those dated inside the range exist yet. */
	int64_t paid = 0;
	bool off = false;
	if (paid_amt > 0) {
		const char *card = w->card;
		bool spaces = (w->flags & WF_SPACES) != 0;
		if (inj == INJ_OFF_CARD) {
			int o;
			do
				o = (int)rng_below(&r, (uint32_t)g->nlisted);
			while (o == s->worker);
			card = g->ws[o].card;
		}
		uint32_t v = rng_below(&r, PPM);
		if (v < RATE_FAILED + RATE_RETURNED) {
			int32_t before = prev_wd(g, payday - 1);
			if (before <= g->dE) {
				put_payment(g, p, id, m, paid_amt, before, card, spaces,
					    v < RATE_FAILED ? "failed" : "returned");
				if (v < RATE_FAILED)
					g->n_failed++;
				else
					g->n_returned++;
			}
		}
		if (payday <= g->dE) {
			put_payment(g, p, id, m, paid_amt, payday, card, spaces, "ok");
			paid = paid_amt;
			off = inj == INJ_OFF_CARD;
		}
	}
	g->ps.paid += paid;

	if (paid < net && due_eff < g->dE) {
		g->viol[GEN_V_UNPAID]++;
		int st = add_rec(g, employer, s->worker, P, net - paid);
		if (st)
			return st;
	}
	if (paid < net && due_eff <= g->dE + 7)
		g->ps.need += net - paid;
	if (gross + 100 < expected)
		g->viol[GEN_V_UNDERPAID]++;
	if (2 * ded > gross)
		g->viol[GEN_V_EXCESS_DEDUCTION]++;
	if (off)
		g->viol[GEN_V_OFF_CARD]++;
	return 0;
}

static const char *const hours_str[5] = {"0", "8", "8.5", "9", "10"};

/* Writes one subject's attendance and settles each of its months. */
static int subject(struct gen *g, const struct subj *s)
{
	const struct worker *w = &g->ws[s->worker];
	const struct proj *p = &g->projs[s->project];
	struct obuf *b = &g->out[GEN_ATTENDANCE];
	struct rng r = rng_for(g->seed, T_ATT, (uint64_t)s->worker, (uint64_t)s->project);
	uint32_t pres = (uint32_t)(rng_range(&r, 820, 970) * 1048576 / 1000);
	char prefix[64];
	size_t plen = strlen(p->code);
	int st;

	memcpy(prefix, p->code, plen);
	prefix[plen] = ',';
	memcpy(prefix + plen + 1, w->id, 18);
	if ((w->flags & WF_XA) && w->id[17] == 'X')
		prefix[plen + 18] = 'x';
	prefix[plen + 19] = ',';
	plen += 20;
	memset(g->t.rows, 0, (size_t)g->M * sizeof(*g->t.rows));
	memset(g->t.days, 0, (size_t)g->M * sizeof(*g->t.days));
	memset(g->t.edays, 0, (size_t)g->M * sizeof(*g->t.edays));

	int nseg = s->e0 >= 0 ? s->ne : 1;
	for (int j = 0; j < nseg; j++) {
		int32_t a = s->e0 >= 0 ? g->emps[s->e0 + j].start : s->from;
		int32_t z = s->e0 >= 0 ? g->emps[s->e0 + j].end : s->to;
		a = max32(a, g->d0);
		z = min32(z, g->dE);
		for (int32_t d = a; d <= z; d++) {
			if (!g->wd[d - g->wd_base])
				continue;
			uint64_t x = rng_next(&r);
			if ((x & 0xFFFFF) >= pres)
				continue;
			uint32_t h = (uint32_t)((x >> 20) % 1000);
			int hi = h < 30 ? 0 : h < 730 ? 1 : h < 800 ? 2 : h < 900 ? 3 : 4;
			const char *hs = hours_str[hi];
			size_t hl = hi == 2 ? 3 : hi == 4 ? 2 : 1;
			char *o = ob_room(b, plen + DATE_BUFSZ + 5);
			memcpy(o, prefix, plen);
			memcpy(o + plen, g->dstr[d - g->d0], 10);
			o[plen + 10] = ',';
			memcpy(o + plen + 11, hs, hl);
			o[plen + 11 + hl] = '\n';
			b->len += plen + 12 + hl;
			b->rows++;
			int m = g->dmon[d - g->d0];
			g->t.rows[m]++;
			if (hi) {
				g->t.days[m]++;
				g->t.edays[m][j]++;
			}
		}
	}
	for (int m = 0; m < g->M; m++) {
		g->ps.rows[m] += g->t.rows[m];
		g->ps.days[m] += g->t.days[m];
		if (!g->t.days[m])
			continue;
		if (s->e0 >= 0) {
			if ((st = worker_month(g, s, m)))
				return st;
			continue;
		}
		/* Unregistered: never on payroll, so its arrears surface as NO_PAYROLL too. */
		g->viol[GEN_V_UNREGISTERED]++;
		if (period_last_day(g->p0 + m + 1) < g->dE)
			g->viol[GEN_V_NO_PAYROLL]++;
	}
	return 0;
}

static void put_allocation(struct gen *g, const struct proj *p, int32_t day, int64_t amount)
{
	struct obuf *b = &g->out[GEN_ALLOCATIONS];
	char ds[DATE_BUFSZ], txn[32];
	date_format(day, ds);
	snprintf(txn, sizeof(txn), "%s-%.4s%.2s%.2s-A%07llu", banks[p->bank].code, ds, ds + 5,
		 ds + 8, (unsigned long long)++g->alloc_seq);
	ob_s(b, txn);
	ob_c(b, ',');
	ob_s(b, p->code);
	ob_c(b, ',');
	ob_s(b, ds);
	ob_c(b, ',');
	ob_money(b, amount);
	ob_nl(b);
}

/* Labour-cost allocations of one project: each month with attendance gets its month's cost
 * plus 5–20 %, rounded up to a thousand yuan, dated in the month; NO_LABOR_COST projects get
 * two months late; LOW_BALANCE projects get only part of what their workers are owed. */
static int project_allocations(struct gen *g, int pi)
{
	struct proj *p = &g->projs[pi];
	struct rng r = rng_for(g->seed, T_ALLOC, (uint64_t)pi, 0);
	int64_t amount[GEN_MONTHS_MAX] = {0}, base[GEN_MONTHS_MAX] = {0}, wsum = 0, total = 0;
	int month_of[GEN_MONTHS_MAX];
	bool dated[GEN_MONTHS_MAX + 1] = {false};
	int late = -1;

	for (int m = 0; m < g->M; m++) {
		month_of[m] = m;
		if (!g->ps.rows[m])
			continue;
		base[m] = g->ps.net[m] > g->ps.expected[m] ? g->ps.net[m] : g->ps.expected[m];
		int64_t a = base[m] * rng_range(&r, 105, 120) / 100;
		a = (a + 99999) / 100000 * 100000;
		amount[m] = a < 1000000 ? 1000000 : a;
		wsum += base[m];
	}
	if (p->nlc) {
		int cand[GEN_MONTHS_MAX], nc = 0;
		for (int m = 0; m + 2 < g->M; m++)
			if (g->ps.days[m] && period_last_day(g->p0 + m + 1) < g->dE)
				cand[nc++] = m;
		if (nc) {
			late = cand[rng_below(&r, (uint32_t)nc)];
			month_of[late] = month_of[late + 1] = late + 2;
		}
	}
	if (p->lb && g->ps.need > 0 && wsum > 0) {
		/* Enough for what was paid and half of what is owed. */
		int64_t A = g->ps.paid + g->ps.need / 2, left = A;
		int last = -1;
		for (int m = 0; m < g->M; m++)
			if (g->ps.rows[m])
				last = m;
		for (int m = 0; m < g->M; m++) {
			if (!g->ps.rows[m])
				continue;
			int64_t a = m == last ? left : A / 100 * base[m] / wsum * 100;
			amount[m] = a < 100 ? 100 : a;
			left -= amount[m];
		}
	}
	for (int t = 0; t < g->M; t++)
		for (int m = 0; m < g->M; m++) {
			if (month_of[m] != t || !amount[m])
				continue;
			int32_t first = max32(period_first_day(g->p0 + t), p->opened);
			int32_t last = period_last_day(g->p0 + t);
			int32_t day = (int32_t)rng_range(&r, max32(first, last - 12), last);
			/* Banks post on working days; a transfer at the very end may land on a
			 * weekend rather than slip into the next month. */
			put_allocation(g, p, next_wd(g, day) <= last ? next_wd(g, day) : day,
				       amount[m]);
			dated[t] = true;
			total += amount[m];
		}

	/* What a scan on the last day finds. */
	char ps[PERIOD_BUFSZ];
	for (int m = 0; m < g->M; m++)
		if (g->ps.days[m] && period_last_day(g->p0 + m + 1) < g->dE && !dated[m] &&
		    !dated[m + 1]) {
			g->viol[GEN_V_NO_LABOR_COST]++;
			if (dbuf_addf(&g->lst_nlc, "%s{\"project\":\"%s\",\"period\":\"%s\"}",
				      g->lst_nlc.len ? "," : "", p->code,
				      period_format(g->p0 + m, ps)))
				return nomem(g);
		}
	if (total - g->ps.paid < g->ps.need) {
		g->viol[GEN_V_LOW_BALANCE]++;
		if (dbuf_addf(&g->lst_lb, "%s\"%s\"", g->lst_lb.len ? "," : "", p->code))
			return nomem(g);
	}
	return 0;
}

static int cmp_rec(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;
	if (x->employer != y->employer)
		return x->employer < y->employer ? -1 : 1;
	if (x->worker != y->worker)
		return x->worker < y->worker ? -1 : 1;
	return x->period < y->period ? -1 : x->period > y->period;
}

/* CRIMINAL_THRESHOLD exactly as SPEC §5 evaluates it over this scan's UNPAID and NO_PAYROLL
 * warnings (default thresholds). */
static int eval_criminal(struct gen *g)
{
	if (g->nrecs)
		qsort(g->recs, g->nrecs, sizeof(*g->recs), cmp_rec);
	for (size_t i = 0; i < g->nrecs;) {
		int e = g->recs[i].employer, nw = 0;
		int64_t total = 0;
		bool one = false;
		while (i < g->nrecs && g->recs[i].employer == e) {
			int w = g->recs[i].worker, periods = 0;
			int32_t lastp = -1;
			int64_t sv = 0;
			for (; i < g->nrecs && g->recs[i].employer == e && g->recs[i].worker == w;
			     i++) {
				sv += g->recs[i].amount;
				periods += g->recs[i].period != lastp;
				lastp = g->recs[i].period;
			}
			if (sv > 0) {
				nw++;
				total += sv;
			}
			one |= sv >= CRIM_ONE && periods >= 3;
		}
		if (one || (nw >= CRIM_WORKERS && total >= CRIM_ALL)) {
			g->viol[GEN_V_CRIMINAL_THRESHOLD]++;
			if (dbuf_addf(&g->lst_crim, "%s\"%s\"", g->lst_crim.len ? "," : "",
				      g->ents[e].uscc))
				return nomem(g);
		}
	}
	return 0;
}

static int stream(struct gen *g)
{
	size_t M = (size_t)g->M;
	int st, si = 0;

	g->ps.rows = calloc(M, sizeof(*g->ps.rows));
	g->ps.days = calloc(M, sizeof(*g->ps.days));
	g->ps.expected = calloc(M, sizeof(*g->ps.expected));
	g->ps.net = calloc(M, sizeof(*g->ps.net));
	g->t.rows = calloc(M, sizeof(*g->t.rows));
	g->t.days = calloc(M, sizeof(*g->t.days));
	g->t.edays = calloc(M, sizeof(*g->t.edays));
	if (!g->ps.rows || !g->ps.days || !g->ps.expected || !g->ps.net || !g->t.rows ||
	    !g->t.days || !g->t.edays)
		return nomem(g);
	for (int pi = 0; pi < g->nproj; pi++) {
		memset(g->ps.rows, 0, M * sizeof(*g->ps.rows));
		memset(g->ps.days, 0, M * sizeof(*g->ps.days));
		memset(g->ps.expected, 0, M * sizeof(*g->ps.expected));
		memset(g->ps.net, 0, M * sizeof(*g->ps.net));
		g->ps.paid = g->ps.need = 0;
		for (; si < g->nsubj && g->subj[si].project == pi; si++)
			if ((st = subject(g, &g->subj[si])))
				return st;
		if ((st = project_allocations(g, pi)))
			return st;
		if (g->o->progress)
			g->o->progress(g->o->progress_ctx, pi + 1, g->nproj,
				       g->out[GEN_ATTENDANCE].rows);
	}
	return eval_criminal(g);
}

/* ---- manifest ---- */
static void scale_str(int milli, char *buf, size_t n)
{
	if (milli % 1000 == 0)
		snprintf(buf, n, "%d", milli / 1000);
	else if (milli % 100 == 0)
		snprintf(buf, n, "%d.%d", milli / 1000, milli % 1000 / 100);
	else if (milli % 10 == 0)
		snprintf(buf, n, "%d.%02d", milli / 1000, milli % 1000 / 10);
	else
		snprintf(buf, n, "%d.%03d", milli / 1000, milli % 1000);
}

static int write_manifest(struct gen *g)
{
	struct obuf b = {0};
	struct dbuf d = DBUF_INIT;
	char sc[24], ps[PERIOD_BUFSZ], d0[DATE_BUFSZ], dE[DATE_BUFSZ];
	int st, bad = 0;

	if ((st = ob_open(g, &b, g->o->dir, "manifest", ".json")))
		goto cleanup;
	scale_str(g->o->scale_milli, sc, sizeof(sc));
	bad |= dbuf_addf(&d,
			 "{\n  \"generator\": \"wageguard gen\",\n  \"scale\": %s,\n"
			 "  \"seed\": %llu,\n  \"start\": \"%s\",\n  \"months\": %d,\n",
			 sc, (unsigned long long)g->seed, period_format(g->p0, ps), g->M);
	bad |= dbuf_addf(&d,
			 "  \"region\": {\"code\": \"330100\", \"name\": \"杭州市\"},\n"
			 "  \"from\": \"%s\",\n  \"to\": \"%s\",\n  \"as_of\": \"%s\",\n",
			 date_format(g->d0, d0), date_format(g->dE, dE), dE);
	bad |= dbuf_adds(&d, "  \"rows\": {");
	for (int i = 0; i < GEN_NFILES; i++)
		bad |= dbuf_addf(&d, "%s\"%s\": %lld", i ? ", " : "", gen_file_names[i],
				 g->out[i].rows);
	bad |= dbuf_adds(&d, "},\n  \"violations\": {");
	for (int i = 0; i < GEN_NVIOL; i++)
		bad |= dbuf_addf(&d, "%s\"%s\": %lld", i ? ", " : "", gen_violation_names[i],
				 g->viol[i]);
	bad |= dbuf_adds(
		&d,
		"},\n  \"violations_note\": \"warnings of each rule that `wageguard scan "
		"--as-of AS_OF` prints with the default thresholds; UNPAID, NO_PAYROLL and "
		"NO_LABOR_COST are injected only where AS_OF is past the due date; persons "
		"without an employment on the project are never on payroll, so their months "
		"before the due date also count in NO_PAYROLL (employer null, amount 0.00)\",\n");
	bad |= dbuf_addf(
		&d,
		"  \"rates_ppm\": {\"UNPAID\": %u, \"UNPAID_low_balance_project\": %u, "
		"\"NO_PAYROLL\": %u, \"UNDERPAID\": %u, \"EXCESS_DEDUCTION\": %u, "
		"\"OFF_CARD\": %u, \"payment_failed\": %u, \"payment_returned\": %u},\n"
		"  \"rates_note\": \"UNPAID and NO_PAYROLL: per worker-month whose due date is "
		"before AS_OF, at most one per worker, and none that would push a "
		"non-criminal employer over CRIMINAL_THRESHOLD; UNDERPAID, EXCESS_DEDUCTION, "
		"OFF_CARD: per worker-month; unregistered persons: one per %d workers; "
		"NO_LABOR_COST: %d %% of project-months, at most one per project; LOW_BALANCE: "
		"one project in %d\",\n",
		RATE_UNPAID, RATE_UNPAID_LB, RATE_NO_PAYROLL, RATE_UNDERPAID, RATE_EXCESS,
		RATE_OFF_CARD, RATE_FAILED, RATE_RETURNED, UNREG_PER_WORKERS, NLC_PERCENT,
		LB_PER_PROJECTS);
	bad |= dbuf_addf(&d,
			 "  \"criminal_employers\": [%s],\n  \"low_balance_projects\": [%s],\n"
			 "  \"no_labor_cost\": [%s],\n",
			 dbuf_str(&g->lst_crim), dbuf_str(&g->lst_lb), dbuf_str(&g->lst_nlc));
	bad |= dbuf_addf(&d,
			 "  \"payments\": {\"failed_then_ok\": %lld, \"returned_then_ok\": %lld, "
			 "\"partial\": %lld, \"card_with_spaces\": %lld},\n",
			 g->n_failed, g->n_returned, g->n_partial, g->n_spaces);
	bad |= dbuf_addf(&d,
			 "  \"persons\": {\"workers\": %d, \"unregistered_listed\": %lld, "
			 "\"unregistered_not_in_workers\": %lld, \"switched_project\": %lld, "
			 "\"rejoined_project\": %lld},\n",
			 g->nlisted, g->n_noemp, g->n_unlisted, g->n_switch, g->n_rejoin);
	bad |= dbuf_addf(&d,
			 "  \"employments_by_wage_type\": {\"daily\": %lld, \"monthly\": %lld, "
			 "\"piece\": %lld},\n",
			 g->n_wtype[WT_DAILY], g->n_wtype[WT_MONTHLY], g->n_wtype[WT_PIECE]);
	bad |= dbuf_addf(&d,
			 "  \"lowercase_x_ids\": {\"workers\": %lld, \"attendance\": %lld, "
			 "\"payroll_and_payments\": %lld}\n}\n",
			 g->n_lower[0], g->n_lower[1], g->n_lower[2]);
	if (bad)
		st = nomem(g);
	else
		ob_s(&b, dbuf_str(&d));
cleanup:;
	int cst = ob_close(g, &b);
	dbuf_release(&d);
	return st ? st : cst;
}

/* ---- entry points ---- */
int gen_parse_scale(const char *s, int *milli)
{
	long v = 0;
	int frac = 0, decimals = -1;
	if (!s || !*s)
		return -1;
	for (; *s; s++) {
		if (*s == '.' && decimals < 0) {
			decimals = 0;
			continue;
		}
		if (*s < '0' || *s > '9')
			return -1;
		if (decimals >= 0) {
			if (++decimals > 3)
				return -1;
			frac = frac * 10 + (*s - '0');
		} else if ((v = v * 10 + (*s - '0')) > GEN_SCALE_MAX_MILLI) {
			return -1;
		}
	}
	if (decimals == 0)
		return -1; /* "5." */
	for (int d = decimals < 0 ? 0 : decimals; d < 3; d++)
		frac *= 10;
	long m = v * 1000 + frac;
	if (m <= 0 || m > GEN_SCALE_MAX_MILLI)
		return -1;
	*milli = (int)m;
	return 0;
}

static int make_dir(struct gen *g, const char *dir)
{
	struct stat sb;
	if (mkdir(dir, 0777) == 0)
		return 0;
	if (errno == EEXIST && stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode))
		return 0;
	return fail(g, WG_EIO, "cannot create directory %s: %s", dir,
		    errno == EEXIST ? "a file of that name exists" : strerror(errno));
}

int gen_run(const struct gen_options *o, char *err, size_t errsz)
{
	struct gen G = {.o = o, .err = err, .errsz = errsz}, *g = &G;
	int st = 0, y;

	if (errsz)
		err[0] = '\0';
	y = o->start / 12;
	if (!o->dir || !*o->dir)
		return fail(g, WG_EUSAGE, "no output directory");
	if (o->scale_milli < 1 || o->scale_milli > GEN_SCALE_MAX_MILLI)
		return fail(g, WG_EUSAGE, "scale must be in (0, %d]", GEN_SCALE_MAX_MILLI / 1000);
	if (o->months < 1 || o->months > GEN_MONTHS_MAX)
		return fail(g, WG_EUSAGE, "months must be 1 to %d", GEN_MONTHS_MAX);
	if (y < 2000 || y > 2099)
		return fail(g, WG_EUSAGE, "start must be a month of 2000 to 2099");

	g->seed = o->seed;
	g->p0 = o->start;
	g->M = o->months;
	g->d0 = period_first_day(g->p0);
	g->dE = period_last_day(g->p0 + g->M - 1);
	g->nproj = (100 * o->scale_milli + 500) / 1000;
	if (g->nproj < 1)
		g->nproj = 1;
	g->nlisted = (10000 * o->scale_milli + 500) / 1000;
	if (g->nlisted < 20)
		g->nlisted = 20;
	g->mc1 = g->M - 3;
	g->mc0 = g->M - 5 > 0 ? g->M - 5 : 0;

	size_t ndays = (size_t)(g->dE - g->d0 + 1);
	g->dstr = malloc(ndays * sizeof(*g->dstr));
	g->dmon = malloc(ndays);
	g->pstr = malloc((size_t)g->M * sizeof(*g->pstr));
	if (!g->dstr || !g->dmon || !g->pstr) {
		st = nomem(g);
		goto cleanup;
	}
	for (size_t i = 0; i < ndays; i++) {
		date_format(g->d0 + (int32_t)i, g->dstr[i]);
		g->dmon[i] = (uint8_t)(period_of_day(g->d0 + (int32_t)i) - g->p0);
	}
	for (int m = 0; m < g->M; m++)
		period_format(g->p0 + m, g->pstr[m]);

	if ((st = make_dir(g, o->dir)) || (st = build_calendar(g)) ||
	    (st = make_enterprises(g, g->nproj)) || (st = make_projects(g)) ||
	    (st = make_workers(g)) || (st = build_subjects(g)))
		goto cleanup;
	pick_criminals(g);
	pick_projects(g);

	for (int i = 0; i < GEN_NFILES; i++) {
		if ((st = ob_open(g, &g->out[i], o->dir, gen_file_names[i], ".csv")))
			goto cleanup;
		ob_s(&g->out[i], gen_headers[i]);
		ob_c(&g->out[i], '\n');
	}
	write_calendar(g);
	write_enterprises(g);
	write_projects(g);
	write_workers(g);
	write_employments(g);
	if ((st = stream(g)))
		goto cleanup;
	for (int i = 0; i < GEN_NFILES; i++) {
		int cst = ob_close(g, &g->out[i]);
		if (cst && !st)
			st = cst;
	}
	if (st || (st = write_manifest(g)))
		goto cleanup;
	if (o->stats) {
		for (int i = 0; i < GEN_NFILES; i++)
			o->stats->rows[i] = g->out[i].rows;
		for (int i = 0; i < GEN_NVIOL; i++)
			o->stats->violations[i] = g->viol[i];
		o->stats->projects = g->nproj;
		o->stats->workers = g->nlisted;
	}
cleanup:
	if (o->progress)
		o->progress(o->progress_ctx, -1, g->nproj, g->out[GEN_ATTENDANCE].rows);
	for (int i = 0; i < GEN_NFILES; i++) {
		if (g->out[i].f)
			fclose(g->out[i].f);
		free(g->out[i].buf);
	}
	calendar_release(&g->cal);
	free(g->wd);
	free(g->dstr);
	free(g->dmon);
	free(g->pstr);
	free(g->ents);
	free(g->projs);
	free(g->pcum);
	free(g->ws);
	free(g->emps);
	free(g->subj);
	free(g->ids.k);
	free(g->cards.k);
	free(g->names.k);
	free(g->ps.rows);
	free(g->ps.days);
	free(g->ps.expected);
	free(g->ps.net);
	free(g->t.rows);
	free(g->t.days);
	free(g->t.edays);
	free(g->recs);
	dbuf_release(&g->lst_crim);
	dbuf_release(&g->lst_lb);
	dbuf_release(&g->lst_nlc);
	return st;
}
