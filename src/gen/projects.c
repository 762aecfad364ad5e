/* gen/projects.c — enterprises (owners, general contractors, subcontractors), projects with
 * their subcontracts and dedicated wage accounts, and their CSV files. Exports
 * gen_make_enterprises, gen_write_enterprises, gen_make_projects, gen_write_projects. */
#include "gen/internal.h"

#include <stdlib.h>

#include "util/err.h"
#include "util/banned.h"

/* ---- reference data ---- */
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

static const char *const ent_suffix[3][8] = {
	{"置业有限公司", "房地产开发有限公司", "实业有限公司", "城市发展有限公司",
	 "投资集团有限公司", "交通建设有限公司", "水务发展有限公司", "城市建设投资有限公司"},
	{"建设集团有限公司", "建工集团有限公司", "建设有限公司", "建筑工程有限公司",
	 "市政工程有限公司", "交通工程有限公司", "路桥集团有限公司", "建设工程有限公司"},
	{"建筑劳务有限公司", "劳务分包有限公司", "建筑劳务服务有限公司", "钢结构工程有限公司",
	 "脚手架工程有限公司", "机电安装工程有限公司", "建筑劳务分包有限公司", "劳务服务有限公司"},
};

static const char brand1[] =
	"宏恒华中鸿广东宝国昌永鼎金瑞新万嘉锦天正兴泰盛信德隆安和通达立建诚祥鑫顺海江明丰";
static const char brand2[] =
	"达泰建天运厦润业盛安鼎誉丰宇诚通宏源兴祥峰华成信利昌发远晟邦博泽辉越正凯豪新元茂";
_Static_assert((sizeof(brand1) - 1) % 3 == 0, "3-byte characters");
_Static_assert((sizeof(brand2) - 1) % 3 == 0, "3-byte characters");

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
		gen_put_char3(&p, brand1, i);
		gen_put_char3(&p, brand2, j);
		*p = '\0';
		if (memcmp(brand, brand + 3, 3) == 0)
			continue;
		const char *pre = rng_below(&r, 2) ? "浙江" : "杭州";
		const char *suf = ent_suffix[kind][rng_below(&r, 8)];
		/* Some names carry the district; past a few collisions all do, which multiplies
		 * the space of names by thirteen. */
		if (tries > 4 || rng_below(&r, 10) < 3)
			snprintf(e->name, sizeof(e->name), "杭州%s%s%s",
				 gen_districts[e->district].shortname, brand, suf);
		else
			snprintf(e->name, sizeof(e->name), "%s%s%s", pre, brand, suf);
		int added = gen_hset_add(&g->names, hash_bytes(e->name, strlen(e->name)));
		if (added < 0)
			return gen_nomem(g);
		if (added)
			break;
		if (tries > 1000)
			return gen_fail(g, WG_EUSAGE,
					"scale too large: ran out of enterprise names");
	}
	if ((st = gen_make_uscc(g, &r, gen_districts[e->district].code, e->uscc)))
		return st;
	if (rng_below(&r, 10))
		gen_person_name(&r, rng_below(&r, 10) != 0, e->rep);
	uint32_t u = rng_below(&r, 100);
	e->early = u < 10;
	e->due15 = u >= 10 && u < 40;
	return 0;
}

int gen_make_enterprises(struct gen *g, int nproj)
{
	g->nown = nproj * 2 / 5 > 2 ? nproj * 2 / 5 : 2;
	g->ngc = nproj / 4 > 2 ? nproj / 4 : 2;
	g->nsub = nproj * 2 > 3 ? nproj * 2 : 3;
	g->nents = g->nown + g->ngc + g->nsub;
	g->ents = calloc((size_t)g->nents, sizeof(*g->ents));
	if (!g->ents)
		return gen_nomem(g);
	for (int i = 0; i < g->nents; i++) {
		enum ekind k = i < g->nown ? EK_OWNER : i < g->nown + g->ngc ? EK_GC : EK_SUB;
		int st = make_enterprise(g, i, k);
		if (st)
			return st;
	}
	return 0;
}

void gen_write_enterprises(struct gen *g)
{
	struct obuf *b = &g->out[GEN_ENTERPRISES];
	for (int i = 0; i < g->nents; i++) {
		const struct ent *e = &g->ents[i];
		ob_s(b, e->uscc);
		ob_c(b, ',');
		ob_csv(b, e->name);
		ob_c(b, ',');
		ob_s(b, gen_districts[e->district].code);
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
	const struct district *ds = &gen_districts[p->district];
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
		int added = gen_hset_add(&g->names, hash_bytes(p->name, strlen(p->name)));
		if (added < 0)
			return gen_nomem(g);
		if (added)
			return 0;
	}
}

int gen_make_projects(struct gen *g)
{
	int32_t span = g->dE - g->d0 + 1;
	int st;

	g->projs = calloc((size_t)g->nproj, sizeof(*g->projs));
	g->pcum = calloc((size_t)g->nproj, sizeof(*g->pcum));
	if (!g->projs || !g->pcum)
		return gen_nomem(g);
	for (int i = 0; i < g->nproj; i++) {
		struct proj *p = &g->projs[i];
		struct rng r = rng_for(g->seed, T_PROJ, (uint64_t)i, 0);
		p->district = (int)rng_below(&r, NDISTRICTS);
		p->industry = gen_pick_weighted(&r, industry_weight, NIND);
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
		p->bank = gen_pick_bank(&r);
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
			return gen_fail(g, WG_EUSAGE,
					"scale too large: more than 9999 projects a year");
		snprintf(p->code, sizeof(p->code), "HZ%02d%04d", y % 100, seq);

		/* The dedicated wage account opens within two weeks of the start, in its month. */
		const struct bank *bk = &gen_banks[p->bank];
		size_t pl = strlen(bk->acct_prefix);
		memcpy(p->account, bk->acct_prefix, pl);
		gen_digits(&r, p->account + pl, bk->acct_len - (int)pl);
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
		return gen_fail(g, WG_EUSAGE,
				"the range is too short for any project to be active");
	return 0;
}

void gen_write_projects(struct gen *g)
{
	struct obuf *b = &g->out[GEN_PROJECTS], *s = &g->out[GEN_SUBCONTRACTS];
	struct obuf *a = &g->out[GEN_ACCOUNTS];
	for (int i = 0; i < g->nproj; i++) {
		const struct proj *p = &g->projs[i];
		ob_s(b, p->code);
		ob_c(b, ',');
		ob_csv(b, p->name);
		ob_c(b, ',');
		ob_s(b, gen_districts[p->district].code);
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
		ob_s(a, gen_banks[p->bank].code);
		ob_c(a, ',');
		ob_s(a, p->account);
		ob_c(a, ',');
		ob_date(a, p->opened);
		ob_nl(a);
	}
}
